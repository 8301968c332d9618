"""Same-event score of two events: type, date window, place distance, actors."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Iterable

from eventcoder import records
from eventcoder.dedup.config import settings, type_table

INCOMPATIBLE = 0.0


# ----------------------------------------------------------------------------------------------- types
def type_score(a: str, b: str) -> float:
    a, b = a.upper(), b.upper()
    if a == b:
        return 1.0
    return type_table().get((a, b), INCOMPATIBLE)


# ----------------------------------------------------------------------------------------------- dates
def date_interval(d: records.EventDate) -> tuple[dt.date, dt.date] | None:
    """The days a date may stand for, given its precision (and basis)."""
    if d is None or d.date is None:
        return None
    start = d.date
    end = d.end if d.end and d.end >= start else start
    if d.precision == "week":
        if end == start:
            start, end = start - dt.timedelta(days=3), start + dt.timedelta(days=3)
    elif d.precision == "month":
        start = start.replace(day=1)
        end = max(end, start.replace(day=calendar.monthrange(start.year, start.month)[1]))
    elif d.precision == "year":
        start, end = start.replace(month=1, day=1), max(end, start.replace(month=12, day=31))
    if d.basis == "publication":
        start = start - dt.timedelta(days=int(settings()["dates"]["publication_window_days"]))
    return start, end


def date_score(a: records.EventDate | None, b: records.EventDate | None) -> float:
    cfg = settings()["dates"]
    pa = a is not None and a.date is not None and a.basis == "publication"
    pb = b is not None and b.date is not None and b.basis == "publication"
    if pa != pb:
        # a publication date stands for "undated, on or before the report": it cannot contradict an earlier
        # date the text gives (the seed's ambush, told undated, is the battle that "began on July 25"), only
        # a later one; near the report it is a weak anchor
        pub, other = (a, b) if pa else (b, a)
        if other is None or other.date is None:
            return float(cfg["missing_score"])
        start, end = date_interval(other)
        if start > pub.date + dt.timedelta(days=int(cfg["gap_days"])):
            return INCOMPATIBLE
        if end >= pub.date - dt.timedelta(days=int(cfg["publication_window_days"])):
            return float(cfg["publication_score"])
        return min(float(cfg["missing_score"]), float(cfg["publication_score"]))
    ia, ib = (date_interval(a) if a else None), (date_interval(b) if b else None)
    if ia is None or ib is None:
        return float(cfg["missing_score"])
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
    ranks = settings()["date_precision_rank"]
    coarse = min((a.precision, b.precision), key=lambda p: ranks.get(p, 0))
    score = float(cfg["overlap_score"].get(coarse, 0.6))
    if gap > int(cfg["gap_days"]):
        return INCOMPATIBLE
    if gap > 0:
        # two dates stated explicitly ("on 25 July") mean two days (ACLED codes one event per day); the
        # tolerance is for dates resolved from "yesterday", weekday names or the publication date
        if cfg.get("gap_needs_inexact_basis", True) and a.basis == b.basis == "explicit":
            return INCOMPATIBLE
        score = min(score, float(cfg["gap_score"]))
    if "publication" in (a.basis, b.basis):
        score = min(score, float(cfg["publication_score"]))
    return score


# ----------------------------------------------------------------------------------------------- places
def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def place_score(a: records.Place | None, b: records.Place | None) -> float:
    cfg = settings()["places"]
    if a is None or b is None:
        return float(cfg["missing_score"])
    if a.country and b.country and a.country != b.country:
        return INCOMPATIBLE
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0
    ranks = settings()["place_precision_rank"]
    coarse = min((a.precision, b.precision), key=lambda p: ranks.get(p, 0))
    limit = cfg["max_km"].get(coarse)
    if coarse == "country":
        return float(cfg["same_country_score"]) if a.country and a.country == b.country else float(cfg["missing_score"])
    if coarse in ("admin1", "region") and a.admin1 and b.admin1:
        if _norm(a.admin1) == _norm(b.admin1):
            return float(cfg["same_admin1_score"])
        return INCOMPATIBLE if coarse == "admin1" else float(cfg["same_country_score"]) * 0.8
    if None in (a.lat, a.lon, b.lat, b.lon):
        if _norm(a.name) == _norm(b.name):
            return 0.9
        return float(cfg["same_country_score"]) if a.country and a.country == b.country else float(cfg["missing_score"])
    if a.precision == b.precision == "point" and a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1) \
            and _norm(a.name) != _norm(b.name):
        return INCOMPATIBLE   # two differently named towns in two regions (Cotonou vs Porto-Novo, 25 km)
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if limit is not None and km > float(limit):
        return INCOMPATIBLE
    if coarse in ("point", "near") and km > float(cfg.get("point_other_name_km", limit)) \
            and not _similar_names(a.name, b.name):
        # two differently named villages 20 km apart are two places (ACLED: one location per event); "near X"
        # still names its place: an act near Sake is not the capture of Rubaya, 18 km away
        return INCOMPATIBLE
    scale = float(limit) if limit else 100.0
    return max(0.6, 1.0 - 0.4 * km / scale)


def _similar_names(a: str | None, b: str | None) -> bool:
    """Spelling variants of one place name (Tinzaouaten / Tin Zaouatene, Barsalogho / Barsalogo)."""
    na, nb = _norm(a).replace(" ", ""), _norm(b).replace(" ", "")
    if not na or not nb:
        return True
    from rapidfuzz import fuzz

    return na == nb or fuzz.ratio(na, nb) >= 75


# ----------------------------------------------------------------------------------------------- actors
def _norm(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^\w\s]", " ", s)
    words = [w for w in s.split() if w not in ("the", "a", "an", "of", "al")]
    words = [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]
    return " ".join(words)


def actor_match(a: records.Actor, b: records.Actor) -> float:
    """1.0 same actor; same country+sector: 0.8 when one is not in the KB, weaker for two different KB
    entries; normalised (fuzzy) names for unknown actors; else 0."""
    cfg = settings()["actors"]
    if a.kb_id and b.kb_id:
        if a.kb_id == b.kb_id:
            return 1.0
        if a.country and a.sector and (a.country, a.sector) == (b.country, b.sector):
            # two different KB entries of one country and sector (CSP and JNIM are both MLI REB): related,
            # but not evidence of the same event
            return float(cfg["distinct_kb_same_country_sector_score"])
        return 0.0
    if a.country and a.sector and (a.country, a.sector) == (b.country, b.sector):
        return float(cfg["country_sector_score"])
    na, nb = _norm(a.name), _norm(b.name)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 0.9
    from rapidfuzz import fuzz

    if fuzz.token_set_ratio(na, nb) >= float(cfg["name_fuzzy_ratio"]):
        return 0.8
    return 0.0


@functools.lru_cache(maxsize=1)
def _vague_words() -> frozenset[str]:
    return frozenset(_norm(w) for w in settings()["actors"]["vague_words"])


def vague(actor: records.Actor) -> bool:
    """An unresolved description that may name anyone ("gunmen", "suspected jihadists", "female suicide
    bombers"), unlike a specific name that is simply missing from the KB ("Fulani Ethnic Militia")."""
    if actor.known or actor.kb_id:
        return False
    words = _norm(re.sub(r"\(.*?\)", " ", actor.name)).split()   # "Rioters (Benin)": the country is not a name
    return not words or all(w in _vague_words() for w in words)


def _armed(actor: records.Actor) -> bool:
    return actor.sector in settings()["actors"].get("armed_sectors", ()) or actor.acled_inter in (1, 2, 3, 4, 8)


def targets_conflict(a: records.Event, b: records.Event) -> bool:
    """Both events name who was acted upon, and those are different states' (or their people's) non-armed
    actors that appear nowhere in the other event: one bloc lifting sanctions on Niger and on Guinea at one
    summit, or one minister meeting two counterparts, are two events (ACLED: one event per pair of actors).
    Armed targets are left out: reports of one battle list different parts of one side (army, Wagner)."""
    if not a.recipients or not b.recipients:
        return False
    for xs, ys in ((a.recipients, b.actors + b.recipients), (b.recipients, a.actors + a.recipients)):
        for x in xs:
            if x.country is None or vague(x) or _armed(x):
                return False
            if any(actor_match(x, y) > 0 for y in ys):
                return False
    return not ({x.country for x in a.recipients} & {y.country for y in b.recipients})


def parties_conflict(a: records.Event, b: records.Event) -> bool:
    """Each event has a party (actor or recipient) the other lacks, and those are different states' specific,
    non-armed actors: one minister meeting two counterparts on one day, told once as "A met B" and once as "A
    received C", are two events (ACLED and PLOVER: one event per pair of actors). Unlike targets_conflict this
    also holds for merged events, where a meeting told from both sides leaves no recipient side. Unmatched
    parties that are vague, armed or of unknown country (one battle's sides named differently) never
    conflict."""
    pa, pb = a.actors + a.recipients, b.actors + b.recipients
    only_a = [x for x in pa if not any(actor_match(x, y) > 0 for y in pb)]
    only_b = [y for y in pb if not any(actor_match(y, x) > 0 for x in pa)]
    if not only_a or not only_b:
        return False
    if any(x.country is None or vague(x) or _armed(x) for x in only_a + only_b):
        return False
    return not ({x.country for x in only_a} & {y.country for y in only_b})


def roles_reversed(a: records.Event, b: records.Event) -> bool:
    """The initiators of one event are the targets of the other and vice versa ("X attacked Y" / "Y struck
    X"): an attack and the reprisal for it, or one battle told from each side."""
    if not (a.actors and b.actors and a.recipients and b.recipients):
        return False
    if any(actor_match(x, y) > 0 for x in a.actors for y in b.actors):
        return False
    return (all(any(actor_match(x, y) > 0 for y in b.recipients) for x in a.actors)
            and all(any(actor_match(y, x) > 0 for x in a.recipients) for y in b.actors))


def _date_gap(a: records.Event, b: records.Event) -> int:
    ia = date_interval(a.date) if a.date is not None else None
    ib = date_interval(b.date) if b.date is not None else None
    if ia is None or ib is None:
        return 0
    return max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)


def actors_score(a_actors: Iterable[records.Actor], b_actors: Iterable[records.Actor]) -> float:
    cfg = settings()["actors"]
    xs, ys = list(a_actors), list(b_actors)
    if not xs or not ys:
        return float(cfg["missing_score"])
    best = max(actor_match(x, y) for x in xs for y in ys)
    if best > 0:
        return best
    # nothing matches: two specifically named actors are different events (ACLED: different actors ->
    # separate events); a vague description may be anyone, so it stays weakly compatible
    if any(vague(x) for x in xs) or any(vague(y) for y in ys):
        return float(cfg["unknown_mismatch_score"])
    return INCOMPATIBLE


# ----------------------------------------------------------------------------------------------- overall
def components(a: records.Event, b: records.Event) -> dict[str, float]:
    return {
        "type": type_score(a.coding.plover_type, b.coding.plover_type),
        "date": date_score(a.date, b.date),
        "place": place_score(a.place, b.place),
        "actors": actors_score(a.actors + a.recipients, b.actors + b.recipients),
    }


def score(parts: dict[str, float]) -> float:
    if any(v <= INCOMPATIBLE for v in parts.values()):
        return 0.0
    w = settings()["weights"]
    total = sum(float(w[k]) for k in parts)
    return round(sum(float(w[k]) * v for k, v in parts.items()) / total, 4)


def anchors(parts: dict[str, float], a: records.Event | None = None, b: records.Event | None = None) -> int:
    """How many of date/place/actors positively agree (a missing date or place on either side is no anchor)."""
    dated = a is None or b is None or (_has_date(a) and _has_date(b))
    placed = a is None or b is None or (a.place is not None and b.place is not None)
    return ((dated and parts["date"] >= 0.6) + (placed and parts["place"] >= 0.75)
            + (parts["actors"] >= 0.75))


def _has_date(e: records.Event) -> bool:
    return e.date is not None and e.date.date is not None


def anchored(a: records.Event, b: records.Event) -> bool:
    """Across articles, agreement must rest on enough evidence: two of date, place and actors when either
    event has a date or a place (an undated, unlocated "JNIM attacked" must not join whichever JNIM attack
    is stored), one when neither has (two reports of the same undated claim)."""
    th = settings()["thresholds"]
    informed = _has_date(a) or _has_date(b) or a.place is not None or b.place is not None
    need = int(th.get("anchors", 2) if informed else th.get("anchors_without_date_or_place", 1))
    return anchors(components(a, b), a, b) >= need


def compatible(a: records.Event, b: records.Event, *, within_article: bool = False) -> float:
    """0..1 score that two events describe the same real-world act (0 = incompatible).

    Events coded with different (compatible) types must share an actor. A claim and a reported fact can be the
    same act only when they are coded with the same type (and, across articles, share an actor): a source's
    unverified claim is never folded into a different reported act.

    ``within_article``: the sentences of one article name different subsets of the participants ("Wagner
    fighters were killed", "fighting between Malian forces and rebels"), so two actor lists that do not
    overlap lower the score instead of ruling the pair out.
    """
    parts = {"type": type_score(a.coding.plover_type, b.coding.plover_type)}   # cheap checks first
    if parts["type"] <= INCOMPATIBLE:
        return 0.0
    parts["date"] = date_score(a.date, b.date)
    if parts["date"] <= INCOMPATIBLE:
        return 0.0
    parts["place"] = place_score(a.place, b.place)
    if parts["place"] <= INCOMPATIBLE:
        return 0.0
    parts["actors"] = actors_score(a.actors + a.recipients, b.actors + b.recipients)
    if not within_article:
        if targets_conflict(a, b) or parties_conflict(a, b):
            return 0.0
        if roles_reversed(a, b):
            # the date tolerance is for one act misdated; with the sides swapped, another day is the other
            # side's act (the reprisal), and a report with the sides swapped fits less well than one without
            if _date_gap(a, b) > 0:
                return 0.0
            parts["actors"] *= float(settings()["actors"].get("reversed_roles_factor", 0.85))
    if parts["type"] < 1.0 and parts["actors"] < 0.75:
        return 0.0   # different codings of one act ("seized" vs "destroyed") need the same actors
    if a.status != b.status:
        if a.coding.plover_type != b.coding.plover_type:
            return 0.0
        if parts["actors"] < 0.75 and not within_article:
            return 0.0
    if parts["actors"] <= INCOMPATIBLE:
        if not within_article:
            return 0.0
        parts["actors"] = float(settings()["actors"]["within_article_mismatch_score"])
    return score(parts)
