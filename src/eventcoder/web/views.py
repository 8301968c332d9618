"""JSON payloads of the API, built from an open Store (no HTTP here, so they can be tested and reused).

Events are shaped as in the PLOVER JSON export (``eventcoder export --format plover``); the detail view adds the
articles behind the event and its evidence sentences with the spans of every field marked in them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from eventcoder import records
from eventcoder.web.filters import EventFilters

# the kinds of span marked inside an evidence sentence, in the order they are drawn (later ones on top)
MARK_KINDS = ("trigger", "actor", "recipient", "claimant", "place", "date", "claim")


def event_record(e: records.Event) -> dict[str, Any]:
    from eventcoder.export.plover import record

    return record(e)


def count_events(store: Any, filters: EventFilters) -> int:
    from eventcoder.store.query import where

    clause, params = where(**filters.kwargs())
    return int(store.con.execute(f"SELECT count(*) FROM events e {clause}", params).fetchone()[0])


def list_events(store: Any, filters: EventFilters, limit: int | None, offset: int = 0) -> list[records.Event]:
    """One page of the filtered events, in the store's order (by date, undated last, then id)."""
    upto = None if limit is None else offset + limit
    return store.events(**filters.kwargs(), limit=upto)[offset:]


def geojson(events: Iterable[records.Event]) -> dict[str, Any]:
    from eventcoder.export.geojson import feature

    return {"type": "FeatureCollection", "features": [f for f in (feature(e) for e in events) if f is not None]}


# ------------------------------------------------------------------------------------------- one event
def _mentions(store: Any, mention_ids: Iterable[str]) -> list[records.Mention]:
    from eventcoder.store.codec import loads

    ids = list(mention_ids)
    if not ids:
        return []
    rows = store.con.execute("SELECT data FROM mentions WHERE id IN (SELECT unnest(?)) ORDER BY seq", [ids]).fetchall()
    return [loads(records.Mention, r[0]) for r in rows]


def _spans(e: records.Event, mentions: Iterable[records.Mention]) -> list[tuple[str, records.Span, str]]:
    """(kind, span, label) of every text-derived field of the event."""
    out: list[tuple[str, records.Span, str]] = []
    for m in mentions:
        out.append(("trigger", m.trigger, f"{m.coding.plover_type} trigger"))
    for kind, group in (("actor", e.actors), ("recipient", e.recipients)):
        for a in group:
            if a.span:
                out.append((kind, a.span, f"{kind}: {a.name}"))
    if e.claimant is not None and e.claimant.span:
        out.append(("claimant", e.claimant.span, f"claimant: {e.claimant.name}"))
    if e.place is not None and e.place.span:
        out.append(("place", e.place.span, f"place: {e.place.name}"))
    if e.date is not None and e.date.span:
        out.append(("date", e.date.span, f"date: {e.date.date} ({e.date.precision})"))
    for c in e.claims:
        if c.span:
            out.append(("claim", c.span, f"claim: {c.kind} {_claim_value(c)}" + (f" per {c.claimant}" if c.claimant
                                                                                  else "")))
    return out


def _claim_value(c: records.Claim) -> str:
    if c.low is not None and c.high is not None and c.low != c.high:
        return f"{c.low}-{c.high}"
    v = c.value
    return "?" if v is None else str(v)


def _evidence(e: records.Event, articles: dict[str, records.Article],
              spans: list[tuple[str, records.Span, str]]) -> list[dict[str, Any]]:
    out = []
    for s in e.evidence:
        art = articles.get(s.article_id)
        text = s.text
        if art is not None and 0 <= s.start <= s.end <= len(art.text) and art.text[s.start:s.end]:
            text = art.text[s.start:s.end]
        marks, seen = [], set()
        for kind, sp, label in spans:
            if sp.article_id != s.article_id or sp.end <= s.start or sp.start >= s.end:
                continue
            start, end = max(sp.start, s.start) - s.start, min(sp.end, s.end) - s.start
            if (kind, start, end) in seen or end <= start:
                continue
            seen.add((kind, start, end))
            marks.append({"kind": kind, "start": start, "end": end, "text": text[start:end], "label": label})
        marks.sort(key=lambda m: (m["start"], -m["end"], MARK_KINDS.index(m["kind"])))
        out.append({"article_id": s.article_id, "start": s.start, "end": s.end, "text": text,
                    "title": art.title if art else None, "url": art.url if art else None, "marks": marks})
    return out


def iso_date(value: Any) -> Any:
    """Dates as ISO text (JSON has no date type); anything else unchanged."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _sources(store: Any, e: records.Event, articles: dict[str, records.Article]) -> list[dict[str, Any]]:
    out = []
    for aid in e.article_ids:
        art = articles.get(aid)
        copies = [{"id": c["copy_id"], "title": c["title"], "url": c["url"], "source": c["source"],
                   "published": iso_date(c["published"]), "similarity": c["similarity"]}
                  for c in store.article_sources(aid)]
        out.append({"article_id": aid, "title": art.title if art else None, "url": art.url if art else None,
                    "source": art.source if art else None, "published": iso_date(art.published) if art else None,
                    "origin": art.origin if art else None, "syndicated": copies})
    return out


def event_detail(store: Any, e: records.Event) -> dict[str, Any]:
    """The PLOVER-shaped event plus its sources and its evidence sentences with every field's span marked
    (offsets of ``marks`` are relative to the sentence ``text``)."""
    articles = {}
    for aid in dict.fromkeys(list(e.article_ids) + [s.article_id for s in e.evidence]):
        art = store.article(aid)
        if art is not None:
            articles[aid] = art
    d = event_record(e)
    d["mention_ids"] = list(e.mention_ids)
    d["sources"] = _sources(store, e, articles)
    d["evidence"] = _evidence(e, articles, _spans(e, _mentions(store, e.mention_ids)))
    return d


# ------------------------------------------------------------------------------------------- stats
def stats(store: Any, filters: EventFilters) -> dict[str, Any]:
    """Store totals plus counts of the filtered events by PLOVER type, ACLED type, country and month."""
    from eventcoder.store.query import where

    clause, params = where(**filters.kwargs())
    base = store.stats()
    base.pop("path", None)   # the server's file system is not the client's business

    def counts(expr: str) -> dict[str, int]:
        rows = store.con.execute(f"SELECT {expr} AS k, count(*) FROM events e {clause} GROUP BY 1 "
                                 "ORDER BY 2 DESC, 1 NULLS LAST", params).fetchall()
        return {("unknown" if k is None else str(k)): int(n) for k, n in rows}

    one = store.con.execute(f"SELECT count(*), coalesce(sum(e.fatalities), 0), min(e.date), max(e.date_end), "
                            f"count(e.lat) FROM events e {clause}", params).fetchone()
    base["filtered"] = {
        "events": int(one[0]), "fatalities": int(one[1]), "first_date": iso_date(one[2]), "last_date": iso_date(one[3]),
        "located": int(one[4]),
        "by_type": counts("e.plover_type"),
        "by_acled_type": counts("e.acled_event_type"),
        "by_country": counts("e.country"),
        "by_month": dict(sorted(counts("strftime(e.date, '%Y-%m')").items())),
    }
    base["first_date"], base["last_date"] = iso_date(base.get("first_date")), iso_date(base.get("last_date"))
    return base


def articles(store: Any, limit: int | None, offset: int) -> list[dict[str, Any]]:
    rows = store.article_list()
    rows = rows[offset:] if limit is None else rows[offset:offset + limit]
    return [{k: iso_date(v) for k, v in r.items()} for r in rows]


def article(store: Any, article_id: str) -> dict[str, Any] | None:
    art = store.article(article_id)
    if art is None:
        return None
    events = store.con.execute("SELECT DISTINCT event_id FROM event_sources WHERE article_id = ? ORDER BY 1",
                               [article_id]).fetchall()
    return {"id": art.id, "title": art.title, "url": art.url, "published": iso_date(art.published),
            "source": art.source, "language": art.language, "origin": art.origin, "meta": dict(art.meta),
            "text": art.text, "event_ids": [r[0] for r in events],
            "syndicated": [{k: iso_date(v) for k, v in c.items()} for c in store.article_sources(article_id)]}
