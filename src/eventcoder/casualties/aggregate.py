"""From a claims ledger to one fatality figure per codebook.

ACLED (codebook 'Reported fatalities', ontology/acled.yaml fatality_rules): the most conservative credible figure
over 'killed' claims:
  - parts are not counted twice: a claim whose span lies inside another killed claim's span (the groups of
    "84 mercenaries and 47 soldiers", or "three people including one civilian") is covered by the outer claim;
  - claims by a party to the fighting are discounted when a non-party figure exists;
  - a specific figure beats a vague one ("dozens" = 12 only when nothing more specific is reported);
  - conflicting estimates -> the lowest; a range -> its low end; lower bounds ("at least 9", "one of its
    commanders") are consistent with any larger estimate and count only when there is no estimate;
  - no killed claim -> 0 (ACLED codes no mention as 0); an explicit "no casualties" -> 0;
  - a coder's recorded figure (qualifier "coded": "unknown fatalities coded as 3") beats the text's figures, the
    first one in the text when there are several; a total shared between n recorded events (a "shared" claim:
    "fatalities split across two events") gives this event its share, rounded up (codebook: divide evenly, the
    remainder to the first event).
UCDP GED: low = the conservative figure above, best = the same (UCDP's best is the most reliable figure; a range's
low end when that is all we have), high = the highest figure anyone claimed (party claims and range tops included).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .. import records

__all__ = ["aggregate", "without_parts"]


def _contains(outer: records.Span, inner: records.Span) -> bool:
    return (outer.article_id == inner.article_id and outer.start <= inner.start and inner.end <= outer.end
            and (outer.start, outer.end) != (inner.start, inner.end))


def without_parts(claims: Sequence[records.Claim]) -> list[records.Claim]:
    """Drop claims covered by a larger claim of the same kind (parts of a total, subsets) and exact duplicates."""
    out: list[records.Claim] = []
    seen: set[tuple] = set()
    for c in claims:
        if c.span is not None and any(o.kind == c.kind and o.span is not None and _contains(o.span, c.span)
                                      for o in claims if o is not c):
            continue
        key = (c.kind, c.low, c.high, c.span.article_id if c.span else None, c.span.start if c.span else id(c))
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _low(c: records.Claim) -> int:
    return c.low if c.low is not None else c.high  # type: ignore[return-value]


def _high(c: records.Claim) -> int:
    return c.high if c.high is not None else c.low  # type: ignore[return-value]


_GENERIC = {"", "people", "persons", "person", "individuals", "individual", "victims", "victim", "dead", "bodies"}


def _victim_key(c: records.Claim) -> str:
    words = [w for w in (c.victims or "").lower().replace("-", " ").split()
             if w not in ("the", "a", "an", "of", "his", "her", "their", "its", "other", "more", "also")]
    key = " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)
    return "" if key in _GENERIC or key + "s" in _GENERIC else key


def _claimant_key(c: records.Claim) -> str:
    return " ".join((c.claimant or "").lower().split())


_PARTITIVE = re.compile(r"^\s*(?:\w+|\d+)\s+of\s+(?:the|its|their|his|her|those|these|them)\b", re.I)


def _total(claims: list[records.Claim]) -> tuple[int, bool]:
    """One source's figure. Figures for distinct named groups add up ("3 soldiers ... 20 militants were also
    killed"); repeated figures for one group conflict (lowest estimate wins); a figure with no group ("27 killed")
    is a total that covers the groups (the larger of the two counts). A partitive ("one of the attackers was
    killed") is part of some other group: it only bounds the total. Returns (figure, has_estimate)."""
    partitive = [c for c in claims if _PARTITIVE.match(c.text or "")]
    claims = [c for c in claims if c not in partitive] or partitive
    groups: dict[str, list[records.Claim]] = {}
    for c in claims:
        groups.setdefault(_victim_key(c), []).append(c)
    values: dict[str, int] = {}
    has_estimate = False
    for key, items in groups.items():
        est = [c for c in items if c.qualifier != "at_least"]
        if est:
            has_estimate = True
            values[key] = min(_low(c) for c in est)
        else:
            values[key] = max(_low(c) for c in items)
    specific = sum(v for k, v in values.items() if k)
    total = max(values[""], specific) if "" in values else specific
    if partitive and claims is not partitive:
        total = max(total, max(_low(c) for c in partitive))
    return total, has_estimate


def aggregate(claims: Sequence[records.Claim]) -> records.Fatalities:
    """ACLED's conservative count and UCDP low/best/high over the 'killed' claims of one event."""
    if any(not isinstance(c, records.Claim) for c in claims):
        raise TypeError("aggregate() takes records.Claim objects (from extract_claims)")
    f = _from_text(claims)
    shares = sorted((c for c in claims if c.kind == "shared" and c.value and c.value > 1), key=_at)
    coded = sorted((c for c in claims if c.kind == "killed" and c.qualifier == "coded" and c.value is not None), key=_at)
    if coded:
        n = coded[0].value
        f = records.Fatalities(acled=n, low=n, best=n, high=max(n, f.high or 0))
    if shares and f.acled:
        k = shares[0].value
        f = records.Fatalities(*(-(-v // k) if v is not None else None for v in (f.acled, f.low, f.best, f.high)))
    return f


def _at(c: records.Claim) -> int:
    return c.span.start if c.span is not None else 0


def _from_text(claims: Sequence[records.Claim]) -> records.Fatalities:
    killed = [c for c in without_parts(list(claims)) if c.kind == "killed" and c.value is not None
              and c.qualifier != "coded"]
    if not killed:
        return records.Fatalities(acled=0)
    positive = [c for c in killed if _high(c) > 0]
    if not positive:
        return records.Fatalities(acled=0, low=0, best=0, high=0)
    pool = [c for c in positive if c.party_to_fight is not True] or positive
    precise = [c for c in pool if c.qualifier != "vague"] or pool
    by_source: dict[str, list[records.Claim]] = {}
    for c in precise:
        by_source.setdefault(_claimant_key(c), []).append(c)
    totals = [_total(items) for items in by_source.values()]
    estimates = [t for t, est in totals if est]
    # conflicting sources: the lowest estimate; sources that only give lower bounds count when nobody estimates
    acled = min(estimates) if estimates else max(t for t, _ in totals)
    high = max(max(_high(c) for c in positive), acled)
    return records.Fatalities(acled=acled, low=acled, best=acled, high=high)
