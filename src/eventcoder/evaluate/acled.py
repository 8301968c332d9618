"""ACLED CSV export (one event per row; `notes` is the text, `event_date` the publication date).

Matching: one gold event per row. The predicted event scored against it is the ACLED-scope event (one with
coding.acled_event_type set) with the highest confidence; a row with none counts as wrong on every field.
event detected = some ACLED-scope event has the gold event_type (other ACLED-scope events are false positives).
Actors are compared by country + ACLED inter code: actor1 must match some actor of the scored event, actor2
(when coded) some recipient. The gold actor's country is read from its name ("Military Forces of Mali
(2013-2020)", "Civilians (Kenya)"); where the name names no country (Al Shabaab, JNIM) only the inter code is
compared. Locations: great-circle km between predicted place and gold latitude/longitude. Fatalities: the
event's ACLED count (Fatalities.acled; none predicted = 0).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.evaluate.common import (Coder, EvaluateInputError, csv_rows, acled_scope, country_iso3, days_apart,
                                        parse_date, place_km, run_coder, text_of, top, within_pct)
from eventcoder.evaluate.metrics import Tally, multiset_match
from eventcoder.evaluate.report import Report
from eventcoder.export.acled import acled_date

REQUIRED = ("notes", "event_date", "event_type")


@dataclass(frozen=True)
class GoldActor:
    name: str
    inter: int | None
    country: str | None       # ISO3 read from the name, None when the name names no country


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    date: Any
    time_precision: int | None
    event_type: str
    sub_event_type: str | None
    actor1: GoldActor | None
    actor2: GoldActor | None
    interaction: int | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    fatalities: int | None


_PAREN = re.compile(r"\(([^()]*)\)")
_OF = re.compile(r"(?=\bof (?:the )?([A-Z][A-Za-z' .-]*?)\s*(?:\(|$))")


def actor_country(name: str) -> str | None:
    """Country named in an ACLED actor name: "(Kenya)" or "... of Burkina Faso (2015-)"; else None."""
    for cand in _PAREN.findall(name) + _OF.findall(name):
        iso = country_iso3(cand.strip())
        if iso:
            return iso
    return None


def _int(value: str | None, where: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return int(float(value))
    except ValueError:
        raise EvaluateInputError(f"{where}: expected a number, got {value!r}") from None


def _float(value: str | None, where: str) -> float | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise EvaluateInputError(f"{where}: expected a number, got {value!r}") from None


def _actor(row: dict, n: int, where: str) -> GoldActor | None:
    name = (row.get(f"actor{n}") or "").strip()
    if not name:
        return None
    inter = _int(row.get(f"inter{n}"), where)
    return GoldActor(name, inter or None, actor_country(name))


def load(path: Path, limit: int | None = None) -> list[GoldEvent]:
    out: list[GoldEvent] = []
    for i, row in csv_rows(path, REQUIRED, "an ACLED export"):
        where = f"{path}:{i}"
        text = (row.get("notes") or "").strip()
        if not text:
            continue
        out.append(GoldEvent(
            id=(row.get("event_id_cnty") or row.get("data_id") or f"row{i}").strip(), text=text,
            date=parse_date(row.get("event_date"), where=where),
            time_precision=_int(row.get("time_precision"), where),
            event_type=row["event_type"].strip(), sub_event_type=(row.get("sub_event_type") or "").strip() or None,
            actor1=_actor(row, 1, where), actor2=_actor(row, 2, where),
            interaction=_int(row.get("interaction"), where),
            lat=_float(row.get("latitude"), where), lon=_float(row.get("longitude"), where),
            geo_precision=_int(row.get("geo_precision"), where), fatalities=_int(row.get("fatalities"), where)))
        if limit is not None and len(out) >= limit:
            break
    return out


def actor_matches(gold: GoldActor, pred: records.Actor) -> bool:
    if gold.inter is not None and pred.acled_inter != gold.inter:
        return False
    return gold.country is None or (pred.country or "").upper() == gold.country


def _show(actors: tuple[records.Actor, ...]) -> list[str]:
    return [f"{a.name} [{a.country or '---'} inter={a.acled_inter}]" for a in actors]


def score(golds: list[GoldEvent], coder: Coder) -> Report:
    t = Tally()
    errors: list[dict] = []
    t.declare("actor.accuracy", "recipient.accuracy", "date.exact", "date.within_7d", "time_precision.accuracy",
              "fatalities.exact", "fatalities.within_20pct", "location.within_25km", "geo_precision.accuracy")
    for g in golds:
        article = records.Article.from_text(g.text, published=g.date, origin=f"acled:{g.id}")
        events = run_coder(coder, article, g.id, errors)
        scoped = acled_scope(events)
        ev = top(scoped)
        base = {"record": g.id, "text": text_of(article)}

        def check(metric: str, ok: bool, gold: Any, pred: Any) -> None:
            if not t.hit(metric, ok):
                errors.append({**base, "field": metric.split(".")[0], "metric": metric, "gold": gold, "pred": pred})

        t.count("event", *multiset_match([g.event_type], [e.coding.acled_event_type for e in scoped]))
        pred_type = ev.coding.acled_event_type if ev else None
        t.label("event_type", g.event_type, pred_type)
        check("acled_event_type.accuracy", pred_type == g.event_type, g.event_type,
              pred_type or sorted({e.coding.plover_type for e in events}) or None)
        if g.sub_event_type:
            pred_sub = ev.coding.acled_sub_event_type if ev else None
            check("acled_sub_event_type.accuracy", pred_sub == g.sub_event_type, g.sub_event_type, pred_sub)
        sides = (ev.actors, ev.recipients) if ev else ((), ())
        if ev and g.event_type == "Battles" and _swapped_fits_better(g, sides):
            # a battle has two armed sides and no victim: ACLED's actor1 is "not necessarily the aggressor", so
            # the sides are compared in whichever order fits (one order for both actors)
            sides = (sides[1], sides[0])
        if g.actor1:
            check("actor.accuracy", any(actor_matches(g.actor1, a) for a in sides[0]),
                  f"{g.actor1.name} [{g.actor1.country or '?'} inter={g.actor1.inter}]", _show(sides[0]) if ev else None)
        if g.actor2:
            check("recipient.accuracy", any(actor_matches(g.actor2, a) for a in sides[1]),
                  f"{g.actor2.name} [{g.actor2.country or '?'} inter={g.actor2.inter}]",
                  _show(sides[1]) if ev else None)
        if g.interaction is not None:
            check("interaction.accuracy", bool(ev) and ev.acled_interaction == g.interaction, g.interaction,
                  ev.acled_interaction if ev else None)
        # the date and time precision are scored as the ACLED export writes them (export.acled.acled_date: the
        # middle of a week span, the report's day for an undated act)
        pd_, tp = acled_date(ev.date) if ev and ev.date else (None, None)
        if g.date is not None:
            gap = days_apart(pd_, g.date)
            check("date.exact", gap == 0, str(g.date), str(pd_) if pd_ else None)
            t.hit("date.within_7d", gap is not None and gap <= 7)
        if g.time_precision is not None:
            check("time_precision.accuracy", tp == g.time_precision, g.time_precision, tp)
        if g.fatalities is not None:
            pf = ev.fatalities.acled if ev else None
            check("fatalities.exact", ev is not None and (pf or 0) == g.fatalities, g.fatalities, pf)
            t.hit("fatalities.within_20pct", ev is not None and within_pct(pf, g.fatalities, 0.2))
        if g.lat is not None and g.lon is not None:
            d = place_km(ev.place if ev else None, g.lat, g.lon)
            check("location.within_25km", d is not None and d <= 25, [g.lat, g.lon],
                  None if d is None else {"name": ev.place.name, "km": round(d, 1)})
        if g.geo_precision is not None:
            gp = ev.place.acled_geo_precision if ev and ev.place else None
            check("geo_precision.accuracy", gp == g.geo_precision, g.geo_precision, gp)
    return Report("acled", t.metrics(), t.rows(), errors, records=len(golds))


def _swapped_fits_better(g: Any, sides: tuple) -> bool:
    """Whether the gold actor1/actor2 match the predicted recipients/actors better than the other way round."""
    def hits(first, second) -> int:
        return (bool(g.actor1) and any(actor_matches(g.actor1, a) for a in first)) \
            + (bool(g.actor2) and any(actor_matches(g.actor2, a) for a in second))
    return hits(sides[1], sides[0]) > hits(sides[0], sides[1])
