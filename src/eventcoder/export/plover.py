"""PLOVER JSON: a JSON array of events with PLOVER 2.0 coding, CAMEO/ACLED cross-codes, claims and evidence."""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import IO, Any

from eventcoder import records
from eventcoder.export.flat import _actor


def _claim(c: records.Claim) -> dict[str, Any]:
    s = c.span
    return {"kind": c.kind, "low": c.low, "high": c.high, "qualifier": c.qualifier, "victims": c.victims,
            "claimant": c.claimant, "party_to_fight": c.party_to_fight, "text": c.text,
            "article_id": s.article_id if s else None, "start": s.start if s else None, "end": s.end if s else None}


def record(e: records.Event) -> dict[str, Any]:
    from eventcoder.export.acled import _geo_precision, acled_date, interaction

    c, p, f, d = e.coding, e.place, e.fatalities, e.date
    acled = None
    if c.acled_event_type:
        acled = {"event_type": c.acled_event_type, "sub_event_type": c.acled_sub_event_type,
                 "interaction": interaction(e), "geo_precision": _geo_precision(p),
                 "time_precision": acled_date(d)[1]}
    return {
        "id": e.id,
        "date": d.date.isoformat() if d and d.date else None,
        "date_end": d.end.isoformat() if d and d.end else None,
        "date_precision": d.precision if d and d.date else None,
        "event_type": c.plover_type,
        "mode": c.mode,
        "context": list(c.context),
        "cameo_code": c.cameo_code,
        "goldstein": c.goldstein,
        "quad_class": c.quad_class,
        "actor": [_actor(a) for a in e.actors],
        "recipient": [_actor(a) for a in e.recipients],
        "location": None if p is None else {
            "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon, "admin1": p.admin1,
            "country": p.country, "precision": p.precision, "acled_geo_precision": p.acled_geo_precision},
        "fatalities": {"acled": f.acled, "low": f.low, "best": f.best, "high": f.high},
        "claims": [_claim(x) for x in e.claims],
        "status": e.status,
        "claimant": _actor(e.claimant) if e.claimant else None,
        "acled": acled,
        "n_sources": e.n_sources,
        "confidence": e.confidence,
        "article_ids": list(e.article_ids),
        "evidence": [{"article_id": s.article_id, "start": s.start, "end": s.end, "text": s.text}
                     for s in e.evidence],
    }


event_to_dict = record   # the name the CLI's `show` uses


def write(events: Sequence[records.Event], out: IO[str], articles: Mapping[str, records.Article]) -> int:
    data = [record(e) for e in events]
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(data)
