"""PETRARCH2 validation records (JSON Lines: text, expected_events [{source, target, cameo}], expect_no_events).

Matching: each expected (source, target, CAMEO root) triple is found when some predicted event has that CAMEO
root (first two digits of coding.cameo_code) and an actor whose CAMEO country code equals the source and a
recipient whose code equals the target; a two-sided act coded with every party as an actor and no recipient
(the PLOVER convention) holds both directed triples X->Y and Y->X when X and Y are two of its actors. Gold codes are cut to their first 3 letters (GONGOV -> GON); '---' is
"no country" and also matches an event without recipients; '###' matches anything; a quoted phrase
('"THE MINISTRY OF MAGIC"') is an actor PETRARCH's dictionaries do not know and is compared by the first 3
letters of its first word (after "the"). A predicted actor's code is Actor.country, else for actors the KB does
not know (fictional Arnor, Gondor) the first 3 letters of its name (see common.cameo_country).
Triples whose code is not a real CAMEO root (PETRARCH's dictionary tests use 8xx/9xx) are left out and counted.
Records with expect_error (datelines, discarded sports stories, unparsable input) are left out and counted.
no_event.false_positive_rate: share of expect_no_events records for which the coder emitted any event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.evaluate.common import (Coder, EvaluateInputError, cameo_country, jsonl_records, parse_date, run_coder,
                                        text_of, top)
from eventcoder.evaluate.metrics import Tally, multiset_match
from eventcoder.evaluate.report import Report

CAMEO_ROOTS = frozenset(f"{i:02d}" for i in range(1, 21))
WILDCARD = "*"


@dataclass(frozen=True)
class Triple:
    source: str      # 3-letter code, '---' or '*'
    target: str
    root: str        # 2-digit CAMEO root
    raw: str         # as written: "GONGOV GON 064"


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    published: Any
    triples: tuple[Triple, ...]
    pseudo: int                  # expected events with a non-CAMEO test code (left out)
    expect_no_events: bool
    expect_error: tuple[str, ...]


def gold_code(code: str) -> str:
    code = (code or "").strip()
    if not code or code.startswith("---"):
        return "---"
    if code.startswith("#"):
        return WILDCARD
    if code.startswith('"'):
        words = [w for w in re.findall(r"[A-Za-z]+", code)]
        if words and words[0].upper() == "THE":
            words = words[1:]
        return words[0][:3].upper() if words else "---"
    return code[:3].upper()


def load(path: Path, limit: int | None = None) -> list[GoldRecord]:
    out: list[GoldRecord] = []
    for lineno, rec in jsonl_records(path):
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or \
                not isinstance(rec.get("expected_events", []), list):
            raise EvaluateInputError(f"{path}:{lineno}: a PETRARCH record needs 'text' and a list "
                                     "'expected_events'")
        triples, pseudo = [], 0
        for ev in rec.get("expected_events") or []:
            cameo = str(ev.get("cameo") or "")
            root = cameo[:2]
            if root not in CAMEO_ROOTS:
                pseudo += 1
                continue
            triples.append(Triple(gold_code(str(ev.get("source") or "")), gold_code(str(ev.get("target") or "")),
                                  root, f"{ev.get('source')} {ev.get('target')} {cameo}"))
        out.append(GoldRecord(str(rec.get("id") or f"line{lineno}"), rec["text"],
                              parse_date(rec.get("date"), where=f"{path}:{lineno}"), tuple(triples), pseudo,
                              bool(rec.get("expect_no_events")), tuple(rec.get("expect_error") or ())))
        if limit is not None and len(out) >= limit:
            break
    return out


def root_of(event: records.Event) -> str | None:
    code = event.coding.cameo_code or ""
    return code[:2] if len(code) >= 2 else None


def _code_ok(gold: str, preds: list[str]) -> bool:
    return gold == WILDCARD or gold in preds


def triple_found(tr: Triple, events: list[records.Event]) -> bool:
    for e in events:
        if root_of(e) != tr.root:
            continue
        srcs = [cameo_country(a) for a in e.actors]
        tgts = [cameo_country(a) for a in e.recipients] or ["---"]
        if _code_ok(tr.source, srcs or ["---"]) and _code_ok(tr.target, tgts):
            return True
        if _two_sided(tr, e, srcs):
            return True
    return False


def _two_sided(tr: Triple, e: records.Event, srcs: list[str]) -> bool:
    """A two-sided act coded the PLOVER way ("X and Y agree", "talks between X and Y"): every party is an actor and
    there is no recipient. PETRARCH writes the same act as two directed triples (X->Y and Y->X); each is found when
    both its codes are among the event's actors (two different actors)."""
    if e.recipients or len(e.actors) < 2 or tr.target in ("---", WILDCARD):
        return False
    rest = list(srcs)
    if tr.source != WILDCARD:
        if tr.source not in rest:
            return False
        rest.remove(tr.source)
    return tr.target in rest


def pred_triples(events: list[records.Event]) -> list[str]:
    out = []
    for e in events:
        for a in e.actors or (None,):
            for r in e.recipients or (None,):
                out.append(f"{cameo_country(a) if a else '---'} {cameo_country(r) if r else '---'} {root_of(e)}")
    return out


def score(golds: list[GoldRecord], coder: Coder) -> Report:
    t = Tally()
    errors: list[dict] = []
    excluded = pseudo = 0
    t.declare("triple.recall", "no_event.false_positive_rate")
    for g in golds:
        if g.expect_error:
            excluded += 1
            continue
        if not g.triples and not g.expect_no_events:   # only pseudo-coded events expected: nothing to score
            pseudo += g.pseudo
            continue
        pseudo += g.pseudo
        article = records.Article.from_text(g.text, published=g.published, origin=f"petrarch:{g.id}")
        events = run_coder(coder, article, g.id, errors)
        base = {"record": g.id, "text": text_of(article)}
        if g.expect_no_events:
            if t.hit("no_event.false_positive_rate", bool(events)):
                errors.append({**base, "field": "no_event", "gold": [], "pred": pred_triples(events)})
            t.count("event", 0, len(events), 0)
            continue
        roots = [root_of(e) for e in events]
        t.count("event", *multiset_match([tr.root for tr in g.triples], [r or "none" for r in roots]))
        for tr in g.triples:
            chosen = top(e for e in events if root_of(e) == tr.root) or top(events)
            t.label("event_type", tr.root, root_of(chosen) if chosen else None)
            t.hit("cameo_root.accuracy", tr.root in roots)
            if not t.hit("triple.recall", triple_found(tr, events)):
                errors.append({**base, "field": "triple", "gold": tr.raw, "gold_codes":
                               f"{tr.source} {tr.target} {tr.root}", "pred": pred_triples(events)})
            srcs = [cameo_country(a) for a in chosen.actors] if chosen else []
            tgts = ([cameo_country(a) for a in chosen.recipients] or ["---"]) if chosen else []
            t.hit("actor.accuracy", _code_ok(tr.source, srcs or (["---"] if chosen else [])))
            t.hit("recipient.accuracy", _code_ok(tr.target, tgts))
    metrics = t.metrics()
    metrics["records.excluded_expect_error"] = excluded
    metrics["triples.excluded_pseudo_code"] = pseudo
    return Report("petrarch", metrics, t.rows(), errors, records=len(golds))
