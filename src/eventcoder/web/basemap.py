"""An offline basemap for the dashboard: country outlines and capitals from the `countryinfo` package (a
dependency of the gazetteer), built once per process. Without it the map draws only its graticule."""
from __future__ import annotations

import functools
import logging
from typing import Any

log = logging.getLogger(__name__)

DECIMALS = 3   # ~100 m: far finer than these outlines


def _round(coords: Any) -> Any:
    if isinstance(coords, (int, float)):
        return round(float(coords), DECIMALS)
    return [_round(c) for c in coords]


@functools.lru_cache(maxsize=1)
def basemap() -> dict[str, Any]:
    """{"type": "FeatureCollection", "features": [country outline...], "capitals": [{name, country, lat, lon}]}"""
    try:
        from countryinfo import all_countries
    except ImportError:
        log.info("countryinfo is not installed: the dashboard's map has no country outlines")
        return {"type": "FeatureCollection", "features": [], "capitals": []}
    features: list[dict[str, Any]] = []
    capitals: list[dict[str, Any]] = []
    for c in all_countries():
        try:
            iso3 = (c.iso() or {}).get("alpha3")
            gj = c.geo_json() or {}
            name = c.name()
        except Exception as exc:   # one malformed entry of a third-party table must not break the map
            log.debug("basemap: skipping a country: %s", exc)
            continue
        for f in gj.get("features") or []:
            geom = f.get("geometry") or {}
            if geom.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append({"type": "Feature", "id": iso3 or f.get("id"),
                             "properties": {"name": (f.get("properties") or {}).get("name") or name, "iso3": iso3},
                             "geometry": {"type": geom["type"], "coordinates": _round(geom["coordinates"])}})
        try:
            capital, latlng = c.capital(), c.capital_latlng()
        except Exception:
            continue
        if capital and latlng and len(latlng) == 2:
            capitals.append({"name": capital, "country": iso3, "lat": round(float(latlng[0]), DECIMALS),
                             "lon": round(float(latlng[1]), DECIMALS)})
    return {"type": "FeatureCollection", "features": features, "capitals": capitals}
