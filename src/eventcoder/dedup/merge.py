"""Build canonical events: one per mention, and the merge of several into their best-supported values."""
from __future__ import annotations

import hashlib
import logging
from collections import Counter, OrderedDict
from collections.abc import Callable, Sequence
from typing import TypeVar

from eventcoder import records
from eventcoder.dedup.compat import _norm, vague
from eventcoder.dedup.config import settings

log = logging.getLogger(__name__)
T = TypeVar("T")


def event_id(first_mention_id: str) -> str:
    """Stable id: derived from the first mention that created the event (re-runs give the same ids)."""
    return "ev" + hashlib.sha1(first_mention_id.encode("utf-8")).hexdigest()[:14]


def from_mention(m: records.Mention) -> records.Event:
    """A one-mention event (the unit that merge() combines)."""
    evidence = m.evidence or (m.sentence,)
    return records.Event(
        id=event_id(m.id), coding=m.coding, actors=m.actors, recipients=m.recipients, date=m.date,
        place=m.place, fatalities=m.fatalities, claims=m.claims, status=m.status, evidence=tuple(evidence),
        mention_ids=(m.id,), article_ids=(m.article_id,), claimant=m.claimant if m.status == "claim" else None,
        n_sources=1, confidence=float(m.confidence),
    )


def _weight(e: records.Event) -> float:
    return max(1, len(e.mention_ids)) * (0.5 + float(e.confidence))


def _vote(items: Sequence[tuple[T | None, float]], key: Callable[[T], object] = lambda x: x) -> T | None:
    """The value with most weight; ties go to the first seen."""
    totals: OrderedDict[object, float] = OrderedDict()
    first: dict[object, T] = {}
    for value, w in items:
        if value is None:
            continue
        k = key(value)
        totals[k] = totals.get(k, 0.0) + w
        first.setdefault(k, value)
    if not totals:
        return None
    best = max(totals, key=lambda k: totals[k])   # max keeps the first of equal values
    return first[best]


def _merge_coding(events: Sequence[records.Event]) -> records.Coding:
    plover = _vote([(e.coding.plover_type, _weight(e)) for e in events])
    same = [e for e in events if e.coding.plover_type == plover]
    coding = _vote([(e.coding, _weight(e)) for e in same],
                   key=lambda c: (c.cameo_code, c.mode, c.acled_event_type, c.acled_sub_event_type))
    assert coding is not None
    fills = {}
    for name in ("mode", "cameo_code", "goldstein", "quad_class", "acled_event_type", "acled_sub_event_type"):
        if getattr(coding, name) is None:
            value = _vote([(getattr(e.coding, name), _weight(e)) for e in same])
            if value is not None:
                fills[name] = value
    if fills.get("acled_event_type") and coding.acled_sub_event_type is None and "acled_sub_event_type" not in fills:
        fills["acled_sub_event_type"] = _vote([(e.coding.acled_sub_event_type, _weight(e)) for e in same
                                               if e.coding.acled_event_type == fills["acled_event_type"]])
    top = _acled_top(same)
    if top is not None and top != (coding.acled_event_type if "acled_event_type" not in fills else fills["acled_event_type"]):
        # ACLED's hierarchy: when the reports of one event are coded differently, the higher type wins (an
        # attack that turns into an exchange of fire is a battle)
        fills["acled_event_type"] = top
        fills["acled_sub_event_type"] = _vote([(e.coding.acled_sub_event_type, _weight(e)) for e in same
                                               if e.coding.acled_event_type == top])
    context = tuple(OrderedDict.fromkeys(c for e in same for c in e.coding.context))
    return records.replace(coding, context=context, **fills)


def _acled_top(events: Sequence[records.Event]) -> str | None:
    from eventcoder.ontology import default_ontology
    order = list(default_ontology().acled["event_types"])   # codebook hierarchy order
    types = {e.coding.acled_event_type for e in events if e.coding.acled_event_type in order}
    return min(types, key=order.index) if types else None


def _best_date(events: Sequence[records.Event]) -> records.EventDate | None:
    prec = settings()["date_precision_rank"]
    basis = settings()["date_basis_rank"]
    dates = [(e.date, _weight(e)) for e in events if e.date is not None and e.date.date is not None]
    if not dates:
        return next((e.date for e in events if e.date is not None), None)
    top = max((prec.get(d.precision, 0), basis.get(d.basis, 0)) for d, _ in dates)
    cands = [(d, w) for d, w in dates if (prec.get(d.precision, 0), basis.get(d.basis, 0)) == top]
    return _vote(cands, key=lambda d: (d.date, d.end, d.precision))


def _best_place(events: Sequence[records.Event]) -> records.Place | None:
    prec = settings()["place_precision_rank"]
    places = [(e.place, _weight(e)) for e in events if e.place is not None]
    if not places:
        return None
    def rank(p: records.Place) -> float:   # precision, then coordinates, then a gazetteer id
        return prec.get(p.precision, 0) + (0.5 if p.lat is not None else 0) + (0.25 if p.geonameid else 0)

    top = max(rank(p) for p, _ in places)
    cands = [(p, w) for p, w in places if rank(p) == top]
    return _vote(cands, key=lambda p: p.geonameid if p.geonameid is not None else (_norm(p.name), p.country))


def actor_key(a: records.Actor) -> tuple:
    if a.kb_id:
        return ("kb", a.kb_id)
    return ("name", _norm(a.name), a.country)


def _union_actors(events: Sequence[records.Event]) -> tuple[tuple[records.Actor, ...], tuple[records.Actor, ...]]:
    """Union of actors and recipients; an actor listed on both sides goes where most sources put it."""
    side: dict[tuple, Counter] = {}
    first: OrderedDict[tuple, records.Actor] = OrderedDict()
    for e in events:
        for role, group in (("actor", e.actors), ("recipient", e.recipients)):
            for a in group:
                k = actor_key(a)
                side.setdefault(k, Counter())[role] += _weight(e)
                prev = first.get(k)
                if prev is None or (not prev.known and a.known):
                    first[k] = a
    actors, recipients = [], []
    for k, a in first.items():
        c = side[k]
        (actors if c["actor"] >= c["recipient"] else recipients).append(a)
    # a vague description ("fighters", "gunmen") adds nothing to a side that names its actors
    actors = [a for a in actors if not vague(a)] or actors
    recipients = [a for a in recipients if not vague(a)] or recipients
    return tuple(actors), tuple(recipients)


def _claim_key(c: records.Claim) -> tuple:
    if c.span is not None:
        return (c.span.article_id, c.span.start, c.span.end, c.kind, c.low, c.high)
    return (c.text, c.kind, c.low, c.high, c.claimant, c.victims)


def _fatalities(claims: Sequence[records.Claim], events: Sequence[records.Event]) -> records.Fatalities:
    if claims:
        try:
            from eventcoder.casualties.aggregate import aggregate
        except ImportError:
            aggregate = None
        if aggregate is not None:
            try:
                return aggregate(list(claims))
            except Exception as exc:  # another stage's bug must not lose the event; fall back and say so
                log.warning("casualties.aggregate failed (%s); using the largest mention fatalities", exc)
    out = {}
    for name in ("acled", "low", "best", "high"):
        values = [getattr(e.fatalities, name) for e in events if getattr(e.fatalities, name) is not None]
        out[name] = max(values) if values else None
    return records.Fatalities(**out)


def _confidence(events: Sequence[records.Event]) -> float:
    """Independent-sources combination: 1 - prod(1 - best confidence per article)."""
    per_article: dict[tuple[str, ...], float] = {}
    for e in events:   # an already-merged multi-article event counts as one (already combined) source
        key = tuple(e.article_ids)
        per_article[key] = max(per_article.get(key, 0.0), float(e.confidence))
    miss = 1.0
    for c in per_article.values():
        miss *= 1.0 - min(max(c, 0.0), 0.99)
    return round(1.0 - miss, 4)


def merge(events: Sequence[records.Event]) -> records.Event:
    """One canonical event from several events (or one-mention events) that describe the same act.

    Fields come from the best-supported values: the majority coding, the most precise date and place, the union
    of actors, every claim and evidence span; fatalities from the aggregated claims. The id is the first event's
    id, so an event keeps its id as sources are added.
    """
    events = list(events)
    if not events:
        raise ValueError("merge() needs at least one event")
    ranks = settings()["status_rank"]
    status = max((e.status for e in events), key=lambda s: ranks.get(s, 0))
    claimant = None
    if status == "claim":
        claimant = _vote([(e.claimant, _weight(e)) for e in events], key=actor_key)
    claims = tuple(OrderedDict((_claim_key(c), c) for e in events for c in e.claims).values())
    evidence = tuple(OrderedDict(((s.article_id, s.start, s.end), s) for e in events for s in e.evidence).values())
    mention_ids = tuple(OrderedDict.fromkeys(m for e in events for m in e.mention_ids))
    article_ids = tuple(OrderedDict.fromkeys(a for e in events for a in e.article_ids))
    actors, recipients = _union_actors(events)
    return records.Event(
        id=events[0].id, coding=_merge_coding(events), actors=actors, recipients=recipients,
        date=_best_date(events), place=_best_place(events), fatalities=_fatalities(claims, events), claims=claims,
        status=status, evidence=evidence, mention_ids=mention_ids, article_ids=article_ids, claimant=claimant,
        n_sources=len(article_ids), confidence=_confidence(events),
    )
