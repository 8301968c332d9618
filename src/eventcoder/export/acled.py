"""ACLED CSV: the codebook's columns, one row per event that has an ACLED event type."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
from collections.abc import Mapping, Sequence
from typing import IO, Any

from eventcoder import records

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
           "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
           "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp")


@functools.lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    import yaml

    from eventcoder.paths import PACKAGE_DATA

    return yaml.safe_load((PACKAGE_DATA / "export" / "acled.yaml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=512)
def country_info(iso3: str | None) -> tuple[str, int | None, str]:
    """(ACLED country name, ISO numeric, ACLED region) for an ISO alpha-3 code."""
    if not iso3:
        return "", None, ""
    t = tables()
    region = next((r for r, codes in t["regions"].items() if iso3 in codes), "")
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    name = t["country_names"].get(iso3) or (getattr(c, "common_name", None) or c.name if c else iso3)
    return name, (int(c.numeric) if c else None), region


def sides(e: records.Event) -> tuple[list[records.Actor], list[records.Actor]]:
    """ACLED's two sides: actors vs recipients. With no recipient (reciprocal fighting coded as one actor list,
    PLOVER's convention), side 2 holds the actors whose known ACLED type differs from the first actor's."""
    # each side's main actor (ACLED actor1/actor2): state forces when the side has them (the army, not its Wagner
    # allies), else the first named; the rest become associated actors
    main_first = lambda xs: sorted(xs, key=lambda x: x.acled_inter != 1)  # noqa: E731
    a, r = list(e.actors), list(e.recipients)
    if e.coding.acled_sub_event_type in tables().get("one_sided_sub_event_types", ()):
        return main_first(a), []
    if r:
        return main_first(a), main_first(r)
    if len(a) < 2 or a[0].acled_inter is None:
        return a, r
    side2 = [x for x in a[1:] if x.acled_inter is not None and x.acled_inter != a[0].acled_inter]
    return [x for x in a if x not in side2], side2


def interaction(e: records.Event) -> int | None:
    """ACLED interaction from the main actor of each side (lowest inter first; one-sided = X0).

    ACLED's conventions: an unidentified perpetrator of one-sided violence is a political militia (3); a side's
    main actor is its state force when it has one. records.Event.acled_interaction returns this.
    """
    if not e.coding.acled_event_type:
        return None
    s1, s2 = sides(e)
    i1 = s1[0].acled_inter if s1 else _unidentified_inter(e)
    if not s2:
        return i1 * 10 if i1 else None
    i2 = s2[0].acled_inter
    if not i1 or not i2:
        return None
    lo, hi = sorted((int(i1), int(i2)))
    return lo * 10 + hi


def _unidentified_inter(e: records.Event) -> int | None:
    return 3 if e.recipients and e.coding.acled_event_type in tables()["unidentified_perpetrator_types"] else None


def acled_date(d: records.EventDate | None) -> tuple[dt.date | None, int | None]:
    """The event_date and time_precision ACLED records for an event's date (codebook 'Time precision codes').

    A current act the text gives no date for is dated by its report (basis "publication"; week precision in
    eventcoder's own fields, since the act happened on or shortly before it). ACLED codes such reports on the
    report's day with time_precision 1: in the ACLED dev split, undated notes carry 1, not 2."""
    if d is not None and d.date is not None and d.basis == "publication":
        return d.date, 1
    if d is None or d.date is None or d.acled_time_precision is None:
        return (d.date if d else None), None
    if d.precision == "month" and (d.end is None or d.end == d.date) and d.date.day == 1:
        return d.date.replace(day=15), 3          # ACLED: mid-month
    if d.precision == "week" and d.end and d.end > d.date:
        return d.date + (d.end - d.date) / 2, 2   # ACLED: middle of the span
    return d.date, d.acled_time_precision


def event_id_cnty(e: records.Event) -> str:
    iso3 = (e.place.country if e.place and e.place.country else "") or "XXX"
    return f"{iso3}{int(hashlib.sha1(e.id.encode()).hexdigest()[:12], 16) % 10**8}"


def _geo_precision(p: records.Place | None) -> int | None:
    if p is None:
        return None
    if p.acled_geo_precision:
        return p.acled_geo_precision
    return {"point": 1, "near": 2, "admin2": 3, "admin1": 3, "region": 3}.get(p.precision)


def sources(e: records.Event, articles: Mapping[str, records.Article]) -> list[str]:
    """Outlets behind an event: each article's source, then the outlets of its syndicated copies."""
    out: list[str] = []
    for aid in e.article_ids:
        a = articles.get(aid)
        if a is None:
            continue
        names = [a.source or a.url or a.origin]
        names += [n.strip() for k, v in a.meta if k == "syndicated_sources" for n in v.split(";")]
        for name in names:
            if name and name not in out:
                out.append(name)
    return out


def _timestamp(e: records.Event, articles: Mapping[str, records.Article]) -> int | None:
    days = [articles[a].published for a in e.article_ids if a in articles and articles[a].published]
    if not days:
        return None
    d = max(days)
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp())


def _notes(e: records.Event, s1: list[records.Actor], s2: list[records.Actor], date: dt.date | None) -> str:
    when = f"On {date.day} {date:%B %Y}, " if date else ""
    who = " and ".join(x.name for x in (s1[:1] + s2[:1])) or "unidentified actors"
    where = f" near {e.place.name}" if e.place and e.place.name else ""
    if e.place and e.place.admin1:
        where += f" ({e.place.admin1})"
    text = f"{when}{(e.coding.acled_sub_event_type or e.coding.acled_event_type or '').lower()} involving {who}{where}."
    claims = [c for c in e.claims if c.kind == "killed" and c.text]
    if claims:
        text += " Fatality reports: " + "; ".join(
            f"{c.claimant or 'unattributed'}: {c.text}" for c in claims) + "."
    if e.status == "claim":
        text += f" Unverified claim by {e.claimant.name if e.claimant else 'a party'}."
    return text


def row(e: records.Event, articles: Mapping[str, records.Article]) -> dict[str, Any]:
    s1, s2 = sides(e)
    date, tprec = acled_date(e.date)
    p = e.place
    country, iso, region = country_info(p.country if p else None)
    t = tables()
    etype = e.coding.acled_event_type or ""
    actor1 = s1[0].name if s1 else ""
    inter1: int | None = s1[0].acled_inter if s1 else None
    if not s1 and e.recipients and etype in t["unidentified_perpetrator_types"]:
        actor1, inter1 = f"Unidentified Armed Group ({country or 'unknown country'})", 3
    actor2 = s2[0].name if s2 else ""
    inter2: int | None = (s2[0].acled_inter if s2 else 0)
    civ = etype == "Violence against civilians" or (s2 and s2[0].acled_inter == 7)
    tags = [f"eventcoder_id={e.id}", f"n_sources={e.n_sources}"]
    if e.status == "claim":
        tags.append("status=claim")
    return {
        "event_id_cnty": event_id_cnty(e),
        "event_date": date.isoformat() if date else "",
        "year": date.year if date else "",
        "time_precision": tprec or "",
        "disorder_type": t["disorder_types"].get(f"{etype}/{e.coding.acled_sub_event_type}")
        or t["disorder_types"].get(etype, ""),
        "event_type": etype,
        "sub_event_type": e.coding.acled_sub_event_type or "",
        "actor1": actor1,
        "assoc_actor_1": "; ".join(x.name for x in s1[1:]),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": actor2,
        "assoc_actor_2": "; ".join(x.name for x in s2[1:]),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction(e) or "",
        "civilian_targeting": "Civilians targeted" if civ else "",
        "iso": iso if iso is not None else "",
        "region": region,
        "country": country,
        "admin1": (p.admin1 or "") if p else "",
        "admin2": (p.admin2 or "") if p else "",
        "admin3": "",
        "location": (p.name or "") if p else "",
        "latitude": f"{p.lat:.4f}" if p and p.lat is not None else "",
        "longitude": f"{p.lon:.4f}" if p and p.lon is not None else "",
        "geo_precision": _geo_precision(p) or "",
        "source": "; ".join(sources(e, articles)),
        "source_scale": "",
        "notes": _notes(e, s1, s2, date),
        "fatalities": e.fatalities.acled or 0,
        "tags": "; ".join(tags),
        "timestamp": _timestamp(e, articles) or "",
    }


def write(events: Sequence[records.Event], out: IO[str], articles: Mapping[str, records.Article]) -> int:
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    n = 0
    for e in events:
        if e.coding.acled_event_type:
            w.writerow(row(e, articles))
            n += 1
    return n
