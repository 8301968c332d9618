"""PLOVER gold-standard JSON Lines (one coded sentence per line, as published by the Open Event Data Alliance).

Matching: one gold event per record. The predicted event scored against it is the one with the gold type if
any, else the highest-confidence one. event detected = some predicted event has the gold type (each other
predicted event of the record is a false positive). Draft-0.5 type names are mapped to PLOVER 2.0.
Actors: every gold source actor must be matched by some actor of the scored event (country code equal, and the
3-letter sector equal where gold gives one; a gold IGO/NGO code may instead match the predicted sector, and its
second-level sector is then not compared).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.evaluate.common import (Coder, EvaluateInputError, jsonl_records, mappings, parse_date, run_coder, sector3,
                                        text_of, top)
from eventcoder.evaluate.metrics import Tally, multiset_match
from eventcoder.evaluate.report import Report


@dataclass(frozen=True)
class GoldActor:
    text: str
    code: str                 # country (ISO3) or actor-type code (IGO, NGO...)
    sector: str | None        # 3-letter sector or None


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    published: Any
    event_type: str           # PLOVER 2.0
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):       # the published data has "" and a stray string where no target is coded
        return ()
    out = []
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            out.append(GoldActor(str(a.get("actorText") or ""), str(a["code"]).upper(), sector3(a.get("sector"))))
    return tuple(out)


def load(path: Path, limit: int | None = None) -> list[GoldSentence]:
    draft = {k.upper(): v.upper() for k, v in (mappings().get("plover_draft_types") or {}).items()}
    golds: list[GoldSentence] = []
    for lineno, rec in jsonl_records(path):
        if not isinstance(rec, dict) or not rec.get("text") or not rec.get("event"):
            raise EvaluateInputError(f"{path}:{lineno}: a PLOVER record needs 'text' and 'event' fields")
        etype = str(rec["event"]).strip().upper()
        golds.append(GoldSentence(
            id=str(rec.get("id") or f"line{lineno}"), text=str(rec["text"]),
            published=parse_date(rec.get("date"), where=f"{path}:{lineno}"),
            event_type=draft.get(etype, etype),
            sources=_actors(rec.get("source")), targets=_actors(rec.get("target"))))
        if limit is not None and len(golds) >= limit:
            break
    return golds


def actor_matches(gold: GoldActor, pred: records.Actor) -> bool:
    """Same country code and, where gold codes one, same sector. A gold actor-type code (IGO, NGO) in the
    country slot may be matched by the predicted sector; that sector is then used up, so the gold's second-level
    sector ("Security Council [IGO GOV]") is not compared."""
    if gold.code == (pred.country or "").upper():
        return gold.sector is None or sector3(pred.sector) == gold.sector
    return gold.code == (pred.sector or "").upper()


def all_matched(golds: tuple[GoldActor, ...], preds: tuple[records.Actor, ...]) -> bool:
    return all(any(actor_matches(g, p) for p in preds) for g in golds)


def _describe(actors: tuple[records.Actor, ...]) -> list[str]:
    return [f"{a.name} [{a.code}]" for a in actors]


def score(golds: list[GoldSentence], coder: Coder) -> Report:
    t = Tally()
    errors: list[dict] = []
    for g in golds:
        article = records.Article.from_text(g.text, published=g.published, origin=f"plover:{g.id}")
        events = run_coder(coder, article, g.id, errors)
        types = [e.coding.plover_type.upper() for e in events]
        t.count("event", *multiset_match([g.event_type], types))
        chosen = top(e for e in events if e.coding.plover_type.upper() == g.event_type) or top(events)
        pred_type = chosen.coding.plover_type.upper() if chosen else None
        t.label("event_type", g.event_type, pred_type)
        base = {"record": g.id, "text": text_of(article)}
        if pred_type != g.event_type:
            errors.append({**base, "field": "event_type", "gold": g.event_type, "pred": sorted(set(types)) or None})
        for role, gold_actors, pred_actors in (("actor", g.sources, chosen.actors if chosen else ()),
                                               ("recipient", g.targets, chosen.recipients if chosen else ())):
            if not gold_actors:
                continue
            if not t.hit(f"{role}.accuracy", all_matched(gold_actors, pred_actors)):
                errors.append({**base, "field": role,
                               "gold": [f"{a.text} [{a.code}{a.sector or ''}]" for a in gold_actors],
                               "pred": _describe(pred_actors)})
            t.hit(f"{role}.country_accuracy", all(
                any(a.code in ((p.country or "").upper(), (p.sector or "").upper()) for p in pred_actors)
                for a in gold_actors))
    t.declare("actor.accuracy", "recipient.accuracy")
    return Report("plover", t.metrics(), t.rows(), errors, records=len(golds))
