"""One flat row per event (scalars + JSON text for nested fields): Parquet and DataFrames."""
from __future__ import annotations

import json
from typing import Any

from eventcoder import records
from eventcoder.store.codec import to_data

FLAT_COLUMNS = (
    "id", "date", "date_end", "date_precision", "plover_type", "mode", "context", "cameo_code", "goldstein",
    "quad_class", "acled_event_type", "acled_sub_event_type", "acled_interaction", "status", "claimant",
    "actor_names", "recipient_names", "actors", "recipients", "country", "admin1", "place_name", "geonameid",
    "lat", "lon", "place_precision", "fatalities_acled", "fatalities_low", "fatalities_best", "fatalities_high",
    "n_claims", "claims", "n_sources", "article_ids", "mention_ids", "confidence", "evidence",
)


def _json(value: Any) -> str:
    return json.dumps(to_data(value), ensure_ascii=False)


def flat_row(e: records.Event) -> dict[str, Any]:
    from eventcoder.export.acled import interaction

    d, p, f = e.date, e.place, e.fatalities
    return {
        "id": e.id,
        "date": d.date if d else None,
        "date_end": (d.end or d.date) if d else None,
        "date_precision": d.precision if d else None,
        "plover_type": e.coding.plover_type,
        "mode": e.coding.mode,
        "context": _json(e.coding.context),
        "cameo_code": e.coding.cameo_code,
        "goldstein": e.coding.goldstein,
        "quad_class": e.coding.quad_class,
        "acled_event_type": e.coding.acled_event_type,
        "acled_sub_event_type": e.coding.acled_sub_event_type,
        "acled_interaction": interaction(e),
        "status": e.status,
        "claimant": e.claimant.name if e.claimant else None,
        "actor_names": "; ".join(a.name for a in e.actors),
        "recipient_names": "; ".join(a.name for a in e.recipients),
        "actors": _json([_actor(a) for a in e.actors]),
        "recipients": _json([_actor(a) for a in e.recipients]),
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "place_name": p.name if p else None,
        "geonameid": p.geonameid if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "place_precision": p.precision if p else None,
        "fatalities_acled": f.acled,
        "fatalities_low": f.low,
        "fatalities_best": f.best,
        "fatalities_high": f.high,
        "n_claims": len(e.claims),
        "claims": _json(e.claims),
        "n_sources": e.n_sources,
        "article_ids": _json(e.article_ids),
        "mention_ids": _json(e.mention_ids),
        "confidence": e.confidence,
        "evidence": _json(e.evidence),
    }


def _actor(a: records.Actor) -> dict[str, Any]:
    return {"name": a.name, "country": a.country, "sector": a.sector, "kb_id": a.kb_id,
            "acled_inter": a.acled_inter, "known": a.known}
