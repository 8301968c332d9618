"""SQL filters over the events table and bilateral relation changes."""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Any

from eventcoder import records


def where(*, country: str | None = None, plover_type: str | None = None, acled_type: str | None = None,
          since: dt.date | None = None, until: dt.date | None = None, actor: str | None = None,
          bbox: tuple[float, float, float, float] | None = None, text: str | None = None) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    if country:
        conds.append("upper(e.country) = upper(?)")
        params.append(country)
    if plover_type:
        conds.append("upper(e.plover_type) = upper(?)")
        params.append(plover_type)
    if acled_type:
        conds.append("lower(e.acled_event_type) = lower(?)")
        params.append(acled_type)
    if since is not None:
        conds.append("e.date_end >= ?")
        params.append(_as_date(since, "since"))
    if until is not None:
        conds.append("e.date <= ?")
        params.append(_as_date(until, "until"))
    if actor:
        conds.append("EXISTS (SELECT 1 FROM actors a WHERE a.event_id = e.id AND a.role IN ('actor', 'recipient') "
                     "AND (contains(lower(a.name), lower(?)) OR upper(a.kb_id) = upper(?) "
                     "OR upper(a.country) = upper(?)))")
        params += [actor, actor, actor]
    if bbox is not None:
        try:
            west, south, east, north = (float(x) for x in bbox)
        except (TypeError, ValueError):
            raise ValueError(f"bbox must be (min_lon, min_lat, max_lon, max_lat), got {bbox!r}") from None
        if south > north:
            raise ValueError(f"bbox min_lat {south} is above max_lat {north}")
        lon_cond = "e.lon BETWEEN ? AND ?" if west <= east else "(e.lon >= ? OR e.lon <= ?)"   # antimeridian
        conds.append(f"e.lat BETWEEN ? AND ? AND {lon_cond}")
        params += [south, north, west, east]
    if text:
        conds.append("contains(e.search, lower(?))")
        params.append(text)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def _as_date(value: Any, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"{name} must be a date (YYYY-MM-DD), got {value!r}") from None


# --------------------------------------------------------------------------------------------- relations
@functools.lru_cache(maxsize=1)
def relation_rules() -> list[dict]:
    import yaml

    from eventcoder.paths import PACKAGE_DATA, data_home

    rules: list[dict] = []
    files = sorted((PACKAGE_DATA / "store").glob("relations*.yaml"))
    user = data_home() / "store"
    if user.is_dir():
        files += sorted(user.glob("relations*.yaml"))
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in data.get("rules", []):
            r = dict(rule)
            if "text" in r:
                r["_re"] = re.compile(r["text"], re.IGNORECASE)
            rules.append(r)
    return rules


def classify(e: records.Event) -> dict | None:
    """The first relation rule the event matches, or None."""
    code = e.coding.cameo_code or ""
    text = " ".join(s.text for s in e.evidence)
    for rule in relation_rules():
        if "cameo" in rule and not any(code.startswith(str(c)) for c in rule["cameo"]):
            continue
        if "plover" in rule and e.coding.plover_type not in rule["plover"]:
            continue
        if "mode" in rule and e.coding.mode not in rule["mode"]:
            continue
        if "context" in rule and not set(rule["context"]) & set(e.coding.context):
            continue
        if "_re" in rule and not rule["_re"].search(text):
            continue
        return rule
    return None


def _party(a: records.Actor) -> str:
    return a.country or a.kb_id or a.name


def _is(a: records.Actor, who: str) -> bool:
    w = who.upper()
    return w in {(a.country or "").upper(), (a.kb_id or "").upper()} or w == a.name.upper()


def relation_changes(events: Sequence[records.Event], a: str, b: str | None = None) -> list[dict]:
    out: dict[tuple, dict] = {}
    for e in events:
        if e.status != "reported":
            continue
        rule = classify(e)
        if rule is None:
            continue
        for x in e.actors:
            for y in e.recipients:
                px, py = _party(x), _party(y)
                if px == py:
                    continue
                if not ((_is(x, a) and (b is None or _is(y, b))) or (_is(y, a) and (b is None or _is(x, b)))):
                    continue
                date = e.date.date if e.date else None
                key = (date, px, py, rule["relation"], rule["state"])
                row = out.setdefault(key, {"date": date, "between": [px, py], "relation": rule["relation"],
                                           "state": rule["state"], "event_id": e.id, "event_ids": []})
                if e.id not in row["event_ids"]:
                    row["event_ids"].append(e.id)
    return sorted(out.values(), key=lambda r: (r["date"] is None, r["date"] or dt.date.min, r["between"]))
