"""Dates in languages without a lexicon under data/when/: dateparser's search, resolved against the publication
date (RELATIVE_BASE, PREFER_DATES_FROM='past'), with the period dateparser reports as the precision.

Only used when no `<lang>.yaml` lexicon exists; dateparser is imported here, on first use.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .. import records
from . import calendar as cal


@lru_cache(maxsize=None)
def supported(language: str) -> bool:
    try:
        from dateparser.languages.loader import default_loader
        default_loader.get_locale(language)
    except (ImportError, ValueError, KeyError):
        return False
    return True


def _settings(published: dt.date | None) -> dict:
    s = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        s["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    return s


def mentions(text: str, published: dt.date | None, language: str, article_id: str = "",
             offset: int = 0) -> list[tuple[int, int, str, records.EventDate]]:
    """(start, end, text, EventDate) for every date dateparser finds in `text`."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = _settings(published)
    found = search_dates(text, languages=[language], settings=settings) or []
    parser = DateDataParser(languages=[language], settings=settings)
    out: list[tuple[int, int, str, records.EventDate]] = []
    pos = 0
    for sub, when in found:
        start = text.find(sub, pos)
        if start < 0:
            continue
        end = start + len(sub)
        pos = end
        explicit = bool(re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", sub))
        if published is None and not explicit:
            continue
        period = (parser.get_date_data(sub).period or "day") if sub.strip() else "day"
        day = when.date()
        if published is not None and day > published:
            continue
        if period == "month":
            date, last, precision = day.replace(day=1), cal.month_end(day.year, day.month), "month"
        elif period == "year":
            date, last, precision = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"
        elif period == "week":
            date, last = cal.week_of(day)
            precision = "week"
        else:
            date, last, precision = day, None, "day"
        span = records.Span(article_id, offset + start, offset + end, sub)
        out.append((start, end, sub, records.EventDate(date=date, end=last, precision=precision,
                                                        basis="explicit" if explicit else "relative", span=span)))
    return out
