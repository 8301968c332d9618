"""Event dates from text: find every date expression, resolve it against the publication date, pick the one
that dates the act.

    find_dates(text, published=...)          -> [DateMention]   every date expression, resolved
    resolve_event_date(text, published=...)  -> EventDate|None  the date governing the act (never the publication date)
    is_historical(text, published=...)       -> bool            the passage dates the act well before publication

Periods ("last month", "July 2024", "last week") are returned as EventDate(date=first day, end=last day,
precision=month|week|year); a continuing event ("since Friday", "between 25 and 27 July") as date=start, end=end at
the precision of its parts; an approximate day ("around 5 May", ACLED's "(week of)") as that day at week precision.
`acled_event_date()` gives the single date ACLED's codebook records for such periods (their middle).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .. import records
from ..paths import PACKAGE_DATA
from . import calendar as cal
from .grammar import Grammar, grammar
from .lexicon import LexiconError

__all__ = ["DateMention", "find_dates", "resolve_event_date", "is_historical", "acled_event_date", "LexiconError"]

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: records.EventDate
    statement: bool = False          # dates a statement/report ("said on Monday"), not necessarily the act


def _check(text: object, published: object, language: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if published is not None and not isinstance(published, dt.date):
        raise TypeError(f"published must be a datetime.date or None, got {type(published).__name__}: {published!r}")
    if isinstance(published, dt.datetime):
        raise TypeError("published must be a datetime.date, not a datetime (use .date())")
    if not isinstance(language, str) or not language:
        raise TypeError(f"language must be an ISO 639-1 code such as 'en', got {language!r}")


def _lang(language: str) -> str:
    return language.lower().split("-")[0].split("_")[0]


# ----------------------------------------------------------------------------------------------- scanning

def _scan(text: str, g: Grammar) -> list[tuple[str, re.Match[str]]]:
    """All pattern matches, longest first, without overlaps."""
    found: list[tuple[str, re.Match[str]]] = []
    for order, (name, rx) in enumerate(g.patterns):
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((name, m))
    order = {name: i for i, (name, _) in enumerate(g.patterns)}
    found.sort(key=lambda nm: (-(nm[1].end() - nm[1].start()), order[nm[0]], nm[1].start()))
    taken: list[tuple[int, int]] = []
    out: list[tuple[str, re.Match[str]]] = []
    for name, m in found:
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        if not _plausible(name, m, g):
            continue
        taken.append((m.start(), m.end()))
        out.append((name, m))
    out.sort(key=lambda nm: nm[1].start())
    return out


def _plausible(name: str, m: re.Match[str], g: Grammar) -> bool:
    if " ".join(m.group().lower().split()) in g.not_dates:
        return False
    gd = m.groupdict()
    for key in ("m", "m1", "m2"):
        word = gd.get(key)
        if word and word.lower().rstrip(".") in g.ambiguous_months and not word[0].isupper():
            return False
    wd = gd.get("wd")
    if wd and wd.lower() in g.ambiguous_weekdays and not (wd[0].isupper() and m.string[m.end():m.end() + 1] == "."):
        return False
    if name == "weekend" and not gd.get("wpre"):
        return False
    return True


def _day(s: str | None) -> int | None:
    if not s:
        return None
    digits = re.match(r"\d+", s)
    return int(digits.group()) if digits else None


# ----------------------------------------------------------------------------------------------- resolving

@dataclass
class _Res:
    date: dt.date
    end: dt.date | None
    precision: str
    basis: str


def _resolve(name: str, m: re.Match[str], g: Grammar, published: dt.date | None) -> _Res | None:
    gd = m.groupdict()
    pub = published
    res: _Res | None = None

    if name in ("iso", "dmy_num", "dmy", "mdy"):
        month = int(gd["m"]) if name in ("iso", "dmy_num") else g.month(gd["m"])
        day = int(gd["d"]) if name in ("iso", "dmy_num") else _day(gd["d"])
        if name == "dmy_num" and month and month > 12 and day and day <= 12:
            month, day = day, month
        d = cal.safe_date(int(gd["y"]), month or 0, day or 0) if month and day else None
        res = _Res(d, None, "day", "explicit") if d else None

    elif name in ("dm", "md", "dm_num"):
        month = int(gd["m"]) if name == "dm_num" else g.month(gd["m"])
        day = _day(gd["d"])
        if not month or month > 12:
            return None
        if pub is None or not month or not day:
            return None
        d = cal.latest_on_or_before(month, day, pub)
        res = _Res(d, None, "day", "relative") if d else None

    elif name in ("range_dm", "range_md"):
        m2 = g.month(gd["m2"]) if gd.get("m2") else None
        m1 = g.month(gd["m1"]) if gd.get("m1") else None
        m1, m2 = m1 or m2, m2 or m1
        d1, d2 = _day(gd["d1"]), _day(gd["d2"])
        if not (m1 and m2 and d1 and d2):
            return None
        if gd.get("y"):
            y2 = int(gd["y"])
            y1 = y2 - 1 if m1 > m2 else y2
            start, end = cal.safe_date(y1, m1, d1), cal.safe_date(y2, m2, d2)
            basis = "explicit"
        else:
            if pub is None:
                return None
            start = cal.latest_on_or_before(m1, d1, pub)
            end = cal.safe_date(start.year + (1 if m2 < m1 else 0), m2, d2) if start else None
            basis = "relative"
        if not start or not end or end < start or (end - start).days > 62:
            return None
        res = _Res(start, end, "day", basis)

    elif name == "my":
        month, year = g.month(gd["m"]), int(gd["y"])
        if not month:
            return None
        res = _month_res(g, year, month, gd.get("part"), "explicit")

    elif name == "m":
        month = g.month(gd["m"])
        if not month or pub is None:
            return None
        year = cal.latest_month(month, pub)
        prep = (gd.get("prep") or "").lower()
        if prep == "last" and month == pub.month:
            year -= 1
        res = _month_res(g, year, month, gd.get("part"), "relative")

    elif name == "year":
        years = [int(y) for y in re.findall(r"(?:1[89]|20)\d\d", m.group())]
        res = _Res(dt.date(min(years), 1, 1), dt.date(max(years), 12, 31), "year", "explicit")

    elif name == "weekday":
        if pub is None:
            return None
        wd = g.weekdays[gd["wd"].lower().rstrip(".")]
        # "last Monday" / "lundi dernier" on a Monday is the Monday before (lexicon weekday_previous_prefixes and
        # period_after_previous); a bare "Monday" may be the day of the report
        prev = {" ".join(str(w).lower().split()) for w in g.lx.get("weekday_previous_prefixes", [])}
        strict = " ".join((gd.get("wpre") or "").lower().split()) in prev or bool(gd.get("wpost"))
        res = _Res(cal.weekday_before(wd, pub, strict=strict), None, "day", "relative")

    elif name == "reldays":
        if pub is None:
            return None
        off = g.relative_days.get(" ".join(gd["rel"].lower().split()), 0)
        res = _Res(pub + dt.timedelta(days=off), None, "day", "relative")

    elif name in ("ago", "ago_before"):
        if pub is None:
            return None
        n = g.number(gd["n"])
        unit = g.units.get(gd["unit"].lower())
        if n is None or unit is None:
            return None
        res = _ago(pub, n, unit)

    elif name in ("period", "period_after"):
        if pub is None:
            return None
        unit = g.units.get(gd["unit"].lower())
        which = " ".join(gd["which"].lower().split())
        prev = which in {str(w).lower() for w in g.lx.get("period_previous", [])} or \
            which in {str(w).lower() for w in g.lx.get("period_after_previous", [])}
        res = _period(pub, unit, -1 if prev else 0)

    elif name == "lastn":
        if pub is None:
            return None
        n = g.number(gd["n"])
        unit = g.units.get(gd["unit"].lower())
        if n is None or unit not in ("day", "week", "month"):
            return None
        days = {"day": 1, "week": 7, "month": 30}[unit] * n
        res = _Res(pub - dt.timedelta(days=days), pub, "day" if unit == "day" else unit, "relative")

    elif name == "weekend":
        if pub is None:
            return None
        wpre = (gd.get("wpre") or "").lower()
        strict = wpre in ("last",)
        sat = cal.weekday_before(5, pub, strict=strict)
        res = _Res(sat, min(sat + dt.timedelta(days=1), pub), "week", "relative")

    if res is None:
        return None
    # modifiers: "since X" runs to publication; "around X" / "(week of)" / "(month of)" lower the precision
    if gd.get("since"):
        if pub is None or res.date > pub:
            return None
        res = _Res(res.date, pub, res.precision, "relative" if res.basis == "relative" else res.basis)
    tail = m.string[m.end():m.end() + 20]
    if gd.get("approx") and res.precision == "day" and (res.end is None or name in ("range_dm", "range_md")):
        res.precision = "week"          # "around 5 May", "overnight between 3 and 4 May": the day is uncertain
    elif res.precision == "day" and _nonempty(g.approx_after) and g.approx_after.match(tail):
        res.precision = "week"
    if _nonempty(g.month_after) and g.month_after.match(tail) and res.precision in ("day", "week"):
        res.precision = "month"
    return res


def _nonempty(rx: re.Pattern[str]) -> bool:
    return "(?!x)x" not in rx.pattern


def _month_res(g: Grammar, year: int, month: int, part: str | None, basis: str) -> _Res:
    last = cal.month_end(year, month)
    if part:
        key = " ".join(part.lower().split())
        lo, hi = g.month_parts.get(key, g.month_parts.get(key.rstrip("-"), (1, last.day)))
        lo, hi = min(lo, last.day), min(hi, last.day)
        if (lo, hi) == (11, 20):                     # mid-month: ACLED codes the 15th at week precision
            return _Res(dt.date(year, month, 15), None, "week", basis)
        return _Res(dt.date(year, month, lo), dt.date(year, month, hi), "month", basis)
    return _Res(dt.date(year, month, 1), last, "month", basis)


def _ago(pub: dt.date, n: int, unit: str) -> _Res:
    if unit == "day":
        return _Res(pub - dt.timedelta(days=n), None, "day", "relative")
    if unit in ("week", "fortnight"):
        d = pub - dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1))
        s, e = cal.week_of(d)
        return _Res(s, e, "week", "relative")
    if unit == "month":
        y, mth = cal.add_months(pub, -n)
        return _Res(dt.date(y, mth, 1), cal.month_end(y, mth), "month", "relative")
    years = n * (10 if unit == "decade" else 1)
    return _Res(dt.date(pub.year - years, 1, 1), dt.date(pub.year - years, 12, 31), "year", "relative")


def _period(pub: dt.date, unit: str | None, which: int) -> _Res | None:
    if unit in ("week", "fortnight"):
        s, e = cal.week_of(pub + dt.timedelta(days=7 * which))
        return _Res(s, min(e, pub), "week", "relative")
    if unit == "month":
        y, mth = cal.add_months(pub, which)
        return _Res(dt.date(y, mth, 1), min(cal.month_end(y, mth), pub), "month", "relative")
    if unit == "year":
        y = pub.year + which
        return _Res(dt.date(y, 1, 1), min(dt.date(y, 12, 31), pub), "year", "relative")
    return None                      # "last day", "this day": no calendar period


# ----------------------------------------------------------------------------------------------- public API

@dataclass(frozen=True)
class _Limits:
    report_gap: int = 25
    historical_days: int = 60


def _grammar(language: str) -> Grammar | None:
    """The lexicon grammar for `language`, or None when only the dateparser fallback covers it."""
    lang = _lang(language)
    if (PACKAGE_DATA / "when" / f"{lang}.yaml").exists():
        return grammar(lang)
    from . import fallback
    if fallback.supported(lang):
        return None
    known = sorted(p.stem for p in (PACKAGE_DATA / "when").glob("*.yaml"))
    raise LexiconError(f"no date lexicon for language {language!r} (available: {', '.join(known)}) and "
                       f"dateparser does not know it either")


def _limits(g: Grammar | None) -> _Limits:
    return _Limits(g.report_gap, g.historical_days) if g is not None else _Limits()


def _mentions(text: str, published: dt.date | None, language: str, article_id: str = "",
              offset: int = 0) -> list[DateMention]:
    g = _grammar(language)
    if g is None:
        from . import fallback
        return [DateMention(s, e, t, ed) for s, e, t, ed in fallback.mentions(text, published, _lang(language),
                                                                                article_id, offset)]
    out: list[DateMention] = []
    for name, m in _scan(text, g):
        res = _resolve(name, m, g, published)
        if res is None:
            continue
        if res.end is not None and res.end == res.date and res.precision == "day":
            res.end = None
        start, end = m.start(), m.end()
        span = records.Span(article_id, offset + start, offset + end, m.group())
        ed = records.EventDate(date=res.date, end=res.end, precision=res.precision, basis=res.basis, span=span)
        before = text[max(0, start - 60):start]
        statement = bool(g.report_before.search(_statement_tail(before, g))) or bool(g.report_after.match(text[end:end + 30]))
        # "the October 26 poll", "ahead of March 6 presidential polls": the date names another event
        if name not in ("weekday", "reldays", "ago", "ago_before", "period", "period_after", "lastn", "weekend") \
                and g.reference_before.search(before) and re.match(r"\s+[a-z][\w-]*", text[end:end + 20]) \
                and not g.reference_breaks.match(text[end:end + 20]):
            statement = True
        out.append(DateMention(start, end, m.group(), ed, statement))
    return out


def _statement_tail(before: str, g: Grammar) -> str:
    """Keep only '<reporting word> <linking words>' at the end of `before` so that report_before matches only a
    date that directly follows a reporting word ("said on Monday"), not one inside the reported clause."""
    m = g.report_links.search(before)
    head = before[:m.start()] if m else before
    word = re.search(r"[\w’']+(?:\s+[\w’']+)?\s*$", head)
    return (word.group() if word else "") + "  "


def find_dates(text: str, *, published: dt.date | None, language: str = "en") -> list[DateMention]:
    """Every date expression in `text`, resolved against `published` (offsets into `text`).

    Partial and relative expressions ("July 25", "on Monday", "last month") need `published`; without it only
    dates that carry their own year are returned.
    """
    _check(text, published, language)
    return _mentions(text, published, language)


_SENT_END = re.compile(r"[.;!?](?=\s+[A-ZÀ-ÖØ-Þ\"“‘'(«])|\n")


def _is_old(ed: records.EventDate, published: dt.date | None, days: int) -> bool:
    if published is None:
        return False
    last = ed.end or ed.date
    return last is not None and (published - last).days > days


def _choose(text: str, cands: list[DateMention], published: dt.date | None, trigger: tuple[int, int] | None,
            g: _Limits) -> DateMention | None:
    if not cands:
        return None
    def own(c: DateMention) -> bool:
        if not c.statement:
            return True
        # the trigger is the statement itself ("Mali announced on Monday ..."): its date is the act's date
        return trigger is not None and 0 <= c.start - trigger[1] <= g.report_gap + 12
    owned = [c for c in cands if own(c)]
    if not owned:
        return None
    recent = [c for c in owned if not _is_old(c.date, published, g.historical_days)]
    plain = [c for c in owned if not _aside(text, c, trigger)]
    def score(c: DateMention) -> float:
        s = 0.0
        if recent and c not in recent:
            s += 300
        if plain and c not in plain:
            s += 500                    # a date in an aside "(since July)", "[killed on 6 July]" dates something else
        if trigger is not None:
            ts, te = trigger
            dist = 0 if (c.start < te and ts < c.end) else min(abs(c.start - te), abs(ts - c.end))
            lo, hi = sorted((c.end, ts)) if c.end <= ts else sorted((te, c.start))
            s += dist + 1000 * len(_SENT_END.findall(text, lo, hi))
            s += 5 * _PRECISION_RANK.get(c.date.precision, 3)
        else:
            s += 100 * _PRECISION_RANK.get(c.date.precision, 3) + 50 * c.start / max(len(text), 1)
            s += 0 if c.date.basis == "explicit" else 30
        return s
    return min(owned, key=score)


_OPEN, _CLOSE = "([", ")]"


def _aside(text: str, c: DateMention, trigger: tuple[int, int] | None) -> bool:
    """Whether the date sits inside parentheses or brackets that do not also hold the trigger."""
    depth, start = 0, None
    for i in range(c.start - 1, -1, -1):
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                start = i
                break
            depth -= 1
    if start is None:
        return False
    close = text.find(_CLOSE[_OPEN.index(text[start])], c.end)
    end = close if close >= 0 else len(text)
    return trigger is None or not (start <= trigger[0] and trigger[1] <= end)


def resolve_event_date(text: str, *, published: dt.date | None, trigger: tuple[int, int] | None = None,
                       article_id: str = "", offset: int = 0, language: str = "en") -> records.EventDate | None:
    """The date of the act reported in `text` (a sentence or passage), or None when the passage does not date it.

    trigger: (start, end) of the event word in `text`; the nearest date in the same sentence wins. Dates of
    statements ("said on Monday") are skipped unless the trigger is that statement; dates far before publication
    (background) lose to recent ones. Never falls back to the publication date.
    """
    _check(text, published, language)
    if trigger is not None:
        if (not isinstance(trigger, tuple) or len(trigger) != 2 or not all(isinstance(i, int) for i in trigger)
                or not 0 <= trigger[0] <= trigger[1] <= len(text)):
            raise ValueError(f"trigger must be a (start, end) pair of offsets into text (0..{len(text)}), got {trigger!r}")
    g = _limits(_grammar(language))
    best = _choose(text, _mentions(text, published, language, article_id, offset), published, trigger, g)
    return best.date if best else None


def is_historical(text: str, *, published: dt.date | None, language: str = "en") -> bool:
    """True when the passage dates its act more than ~60 days (lexicon `historical_days`) before publication:
    "over a decade ago", "in 2012", "two years ago", "which took power in coups in 2020 and 2021"."""
    _check(text, published, language)
    g = _limits(_grammar(language))
    cands = _mentions(text, published, language)
    if published is None:
        return False
    best = _choose(text, cands, published, None, g)
    return best is not None and _is_old(best.date, published, g.historical_days)


def acled_event_date(ed: records.EventDate) -> dt.date | None:
    """The single date ACLED records: the day itself, or the middle of a week/month period (codebook time_precision
    2 and 3), or the first day of a continuing event."""
    if ed.date is None:
        return None
    if ed.precision in ("week", "month") and ed.end is not None:
        return cal.midpoint(ed.date, ed.end)
    return ed.date
