"""Flat rows of an event for the store's columns and child tables."""
from __future__ import annotations

import datetime as dt
from typing import Any

from eventcoder import records
from eventcoder.store.codec import dumps

EVENT_COLUMNS = ("id", "plover_type", "mode", "cameo_code", "acled_event_type", "acled_sub_event_type", "status",
                 "date", "date_end", "date_precision", "window_start", "window_end", "country", "admin1",
                 "place_name", "lat", "lon", "fatalities", "n_sources", "confidence", "search", "data",
                 "created_at", "updated_at")


def event_country(e: records.Event) -> str | None:
    if e.place is not None and e.place.country:
        return e.place.country
    for a in e.actors + e.recipients:
        if a.country:
            return a.country
    return None


def search_text(e: records.Event) -> str:
    parts: list[str] = [e.coding.plover_type]
    parts += [a.name for a in e.actors + e.recipients if a.name]
    if e.claimant:
        parts.append(e.claimant.name)
    if e.place is not None:
        parts += [e.place.name or "", e.place.admin1 or ""]
    parts += [c.text for c in e.claims if c.text]
    parts += [s.text for s in e.evidence if s.text]
    return " | ".join(parts).lower()


def event_row(e: records.Event, created: dt.datetime, now: dt.datetime) -> list[Any]:
    from eventcoder.dedup.compat import date_interval

    window = date_interval(e.date) if e.date is not None else None
    p = e.place
    return [
        e.id, e.coding.plover_type, e.coding.mode, e.coding.cameo_code, e.coding.acled_event_type,
        e.coding.acled_sub_event_type, e.status,
        e.date.date if e.date else None, (e.date.end or e.date.date) if e.date else None,
        e.date.precision if e.date else None,
        window[0] if window else None, window[1] if window else None,
        event_country(e), p.admin1 if p else None, p.name if p else None, p.lat if p else None,
        p.lon if p else None, e.fatalities.acled, e.n_sources, e.confidence, search_text(e), dumps(e), created, now,
    ]


def actor_rows(e: records.Event) -> list[list[Any]]:
    rows = []
    groups = [("actor", e.actors), ("recipient", e.recipients), ("claimant", (e.claimant,) if e.claimant else ())]
    for role, group in groups:
        for i, a in enumerate(group):
            rows.append([e.id, role, i, a.name, a.country, a.sector, a.kb_id, a.acled_inter, a.known])
    return rows


def place_rows(e: records.Event) -> list[list[Any]]:
    p = e.place
    if p is None:
        return []
    return [[e.id, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.admin2, p.feature_code, p.precision]]


def claim_rows(e: records.Event) -> list[list[Any]]:
    rows = []
    for i, c in enumerate(e.claims):
        s = c.span
        rows.append([e.id, i, c.kind, c.low, c.high, c.qualifier, c.victims, c.claimant, c.party_to_fight, c.text,
                     s.article_id if s else None, s.start if s else None, s.end if s else None])
    return rows


def evidence_rows(e: records.Event) -> list[list[Any]]:
    return [[e.id, s.article_id, s.start, s.end, s.text] for s in e.evidence]
