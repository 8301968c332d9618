"""UCDP GED CSV export (one event per row; `source_headline` is the text, `date_start` the publication date).

A row's headlines (several, ';'-separated) become one article, one headline per line. Matching: the predicted
event scored is the ACLED-scope event with the highest confidence, else the highest-confidence event.
event detected = some predicted event is organized violence (a violent ACLED type or PLOVER ASSAULT; the lists
are in data/evaluate/mappings.yaml); other predicted events are false positives.
deaths.low_le_best_le_high: the predicted low <= gold best_est <= predicted high (a missing low/high falls back
to the predicted best, then the ACLED count, then 0). deaths.best_exact: predicted best == gold best_est,
scored only on rows whose headlines state a death count ("clashes kill 9", "Leaves Seven Dead").
actor.accuracy: the countries of side_a and side_b ("Government of X" -> X, other sides -> the event country)
are all among the countries of the scored event's actors and recipients.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.evaluate.common import (Coder, EvaluateInputError, csv_rows, acled_scope, country_iso3, days_apart,
                                        event_date, mappings, parse_date, place_km, run_coder, text_of, top)
from eventcoder.evaluate.metrics import Tally, multiset_match
from eventcoder.evaluate.report import Report

REQUIRED = ("source_headline", "date_start")


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    date: Any
    side_countries: tuple[str, ...]
    lat: float | None
    lon: float | None
    where_prec: int | None
    date_prec: int | None
    best: int | None
    low: int | None
    high: int | None
    states_number: bool


def _num(value: str | None, where: str, cast: type = int) -> Any:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return cast(float(value)) if cast is int else cast(value)
    except ValueError:
        raise EvaluateInputError(f"{where}: expected a number, got {value!r}") from None


def side_country(side: str, event_country: str | None) -> str | None:
    m = re.match(r"\s*Government of (.+)$", side or "")
    if m:
        return country_iso3(m.group(1).strip()) or event_country
    return event_country


@lru_cache(maxsize=1)
def _death_count_re() -> re.Pattern[str]:
    m = mappings()
    nums = r"(?:\d+|" + "|".join(map(re.escape, m.get("number_words") or ["one"])) + r")"
    deaths = r"(?:" + "|".join(map(re.escape, m.get("death_words") or ["killed"])) + r")"
    return re.compile(rf"\b{nums}\b(?:\W+\w+){{0,3}}?\W+{deaths}\b|\b{deaths}\W+(?:\w+\W+)?{nums}\b",
                      re.IGNORECASE)


def states_death_count(text: str) -> bool:
    return bool(_death_count_re().search(text))


def load(path: Path, limit: int | None = None) -> list[GoldEvent]:
    out: list[GoldEvent] = []
    for i, row in csv_rows(path, REQUIRED, "a UCDP GED export"):
        where = f"{path}:{i}"
        heads = [h.strip() for h in (row.get("source_headline") or "").split(";") if h.strip()]
        if not heads:
            continue
        text = "\n".join(heads)
        country = country_iso3((row.get("country") or "").strip())
        sides = tuple(c for c in (side_country(row.get("side_a") or "", country),
                                  side_country(row.get("side_b") or "", country)) if c)
        out.append(GoldEvent(
            id=(row.get("id") or f"row{i}").strip(), text=text,
            date=parse_date(row.get("date_start"), where=where), side_countries=tuple(dict.fromkeys(sides)),
            lat=_num(row.get("latitude"), where, float), lon=_num(row.get("longitude"), where, float),
            where_prec=_num(row.get("where_prec"), where), date_prec=_num(row.get("date_prec"), where),
            best=_num(row.get("best_est") or row.get("best"), where),
            low=_num(row.get("low_est") or row.get("low"), where),
            high=_num(row.get("high_est") or row.get("high"), where),
            states_number=states_death_count(text)))
        if limit is not None and len(out) >= limit:
            break
    return out


def is_violent(event: records.Event) -> bool:
    m = mappings()
    return (event.coding.acled_event_type in set(m.get("violent_acled_types") or ())
            or event.coding.plover_type.upper() in set(m.get("violent_plover_types") or ()))


def predicted_range(ev: records.Event | None) -> tuple[int, int, int]:
    """(low, best, high) of a predicted event, filling gaps: best <- acled <- 0; low/high <- best."""
    if ev is None:
        return 0, 0, 0
    f = ev.fatalities
    best = f.best if f.best is not None else (f.acled if f.acled is not None else 0)
    low = f.low if f.low is not None else best
    high = f.high if f.high is not None else best
    return low, best, high


def score(golds: list[GoldEvent], coder: Coder) -> Report:
    t = Tally()
    errors: list[dict] = []
    t.declare("actor.accuracy", "date.exact", "location.within_25km", "deaths.low_le_best_le_high",
              "deaths.best_exact")
    for g in golds:
        article = records.Article.from_text(g.text, published=g.date, origin=f"ucdp:{g.id}")
        events = run_coder(coder, article, g.id, errors)
        ev = top(acled_scope(events)) or top(events)
        base = {"record": g.id, "text": text_of(article)}

        def check(metric: str, ok: bool, gold: Any, pred: Any) -> None:
            if not t.hit(metric, ok):
                errors.append({**base, "field": metric.split(".")[0], "metric": metric, "gold": gold, "pred": pred})

        t.count("event", *multiset_match(["violence"], ["violence" if is_violent(e) else
                                                        (e.coding.plover_type or "other") for e in events]))
        if g.side_countries:
            pred_c = {(a.country or "").upper() for a in (ev.actors + ev.recipients)} if ev else set()
            check("actor.accuracy", set(g.side_countries) <= pred_c, list(g.side_countries), sorted(pred_c - {""}))
        if g.date is not None:
            gap = days_apart(event_date(ev), g.date)
            check("date.exact", gap == 0, str(g.date), str(event_date(ev)) if event_date(ev) else None)
            t.hit("date.within_7d", gap is not None and gap <= 7)
        if g.date_prec is not None:
            dp = ev.date.ucdp_date_prec if ev and ev.date else None
            t.hit("date_prec.accuracy", dp == g.date_prec)
        if g.lat is not None and g.lon is not None:
            d = place_km(ev.place if ev else None, g.lat, g.lon)
            check("location.within_25km", d is not None and d <= 25, [g.lat, g.lon],
                  None if d is None else {"name": ev.place.name, "km": round(d, 1)})
        if g.where_prec is not None:
            wp = ev.place.ucdp_where_prec if ev and ev.place else None
            t.hit("where_prec.accuracy", wp == g.where_prec)
        if g.best is not None:
            low, best, high = predicted_range(ev)
            check("deaths.low_le_best_le_high", low <= g.best <= high, g.best, [low, best, high])
            if g.states_number:
                check("deaths.best_exact", best == g.best, g.best, best)
    return Report("ucdp", t.metrics(), t.rows(), errors, records=len(golds))
