"""Test helpers: build records.Event objects from short specs, and coders that replay canned predictions."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from eventcoder import records

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"


def actor(spec: Any) -> records.Actor:
    """["name", "ISO3", "SECTOR", inter] (trailing items optional) -> Actor."""
    if isinstance(spec, records.Actor):
        return spec
    name, country, sector, inter = (list(spec) + [None, None, None])[:4]
    return records.Actor(name=name, country=country, sector=sector, acled_inter=inter, known=country is not None)


def event(article: records.Article | None = None, *, type: str = "ASSAULT", cameo: str | None = None,
          acled: tuple[str, str] | list[str] | None = None, actors: list = (), recipients: list = (),
          date: str | None = None, precision: str = "day", place: list | None = None,
          fatalities: dict | None = None, claims: list = (), status: str = "reported", confidence: float = 0.5,
          mode: str | None = None, evidence: str | None = None, id: str = "e") -> records.Event:
    aid = article.id if article else "a"
    text = article.text if article else ""
    if evidence and evidence in text:
        start = text.index(evidence)
        spans: tuple[records.Span, ...] = (records.Span(aid, start, start + len(evidence), evidence),)
    elif evidence:
        spans = (records.Span(aid, 0, len(evidence), evidence),)
    else:
        spans = (records.Span(aid, 0, len(text), text),)
    coding = records.Coding(type, mode=mode, cameo_code=cameo, acled_event_type=acled[0] if acled else None,
                            acled_sub_event_type=acled[1] if acled else None)
    pl = None
    if place:
        lat, lon, *rest = place
        pl = records.Place("somewhere", lat, lon, acled_geo_precision=rest[0] if rest else None,
                           ucdp_where_prec=rest[1] if len(rest) > 1 else None)
    cl = tuple(records.Claim("killed", low=c[0], high=c[1] if len(c) > 1 else None) for c in claims)
    return records.Event(
        id=id, coding=coding, actors=tuple(actor(a) for a in actors), recipients=tuple(actor(a) for a in recipients),
        date=records.EventDate(dt.date.fromisoformat(date), precision=precision) if date else None, place=pl,
        fatalities=records.Fatalities(**(fatalities or {})), claims=cl, status=status, evidence=spans,
        mention_ids=(id,), article_ids=(aid,), confidence=confidence)


def replay_coder(predictions: dict[str, list[dict]]):
    """A coder answering from a {text: [event spec, ...]} table (texts not listed: no events)."""
    def coder(article: records.Article) -> list[records.Event]:
        specs = predictions.get(article.text, [])
        return [event(article, id=f"e{i}", **spec) for i, spec in enumerate(specs)]
    return coder


def replay_from_file(path: Path):
    """Predictions stored beside a golden input: JSON {text: [event spec, ...]}."""
    return replay_coder(json.loads(Path(path).read_text(encoding="utf-8")))
