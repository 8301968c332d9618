"""GeoJSON FeatureCollection: one Point feature per located event (RFC 7946: [longitude, latitude])."""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import IO, Any

from eventcoder import records


def feature(e: records.Event) -> dict[str, Any] | None:
    p = e.place
    if p is None or p.lat is None or p.lon is None:
        return None
    from eventcoder.export.acled import interaction

    d = e.date
    return {
        "type": "Feature",
        "id": e.id,
        "geometry": {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]},
        "properties": {
            "id": e.id, "date": d.date.isoformat() if d and d.date else None,
            "date_precision": d.precision if d and d.date else None,
            "event_type": e.coding.plover_type, "mode": e.coding.mode, "cameo_code": e.coding.cameo_code,
            "acled_event_type": e.coding.acled_event_type, "acled_sub_event_type": e.coding.acled_sub_event_type,
            "acled_interaction": interaction(e),
            "actor": [a.name for a in e.actors], "recipient": [a.name for a in e.recipients],
            "place": p.name, "geonameid": p.geonameid, "admin1": p.admin1, "country": p.country,
            "precision": p.precision, "fatalities": e.fatalities.acled, "fatalities_best": e.fatalities.best,
            "status": e.status, "n_sources": e.n_sources, "confidence": e.confidence,
        },
    }


def write(events: Sequence[records.Event], out: IO[str], articles: Mapping[str, records.Article]) -> int:
    feats = [f for f in (feature(e) for e in events) if f is not None]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)
