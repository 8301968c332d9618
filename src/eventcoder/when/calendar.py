"""Calendar arithmetic against a publication date (no parsing here)."""
from __future__ import annotations

import calendar as _cal
import datetime as dt


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def latest_on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    """The most recent `month`/`day` on or before `published` ("July 25" published 2024-08-05 -> 2024-07-25)."""
    for year in (published.year, published.year - 1, published.year - 4):   # -4: a 29 February
        d = safe_date(year, month, day)
        if d is not None and d <= published:
            return d
    return None


def latest_month(month: int, published: dt.date) -> int:
    """Year of the most recent `month` that has started on or before `published`."""
    return published.year if month <= published.month else published.year - 1


def weekday_before(weekday: int, published: dt.date, *, strict: bool = False) -> dt.date:
    """Most recent `weekday` (0 = Monday) on or before `published` (strictly before when `strict`)."""
    delta = (published.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def add_months(d: dt.date, months: int) -> tuple[int, int]:
    idx = d.year * 12 + (d.month - 1) + months
    return idx // 12, idx % 12 + 1


def week_of(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def midpoint(start: dt.date, end: dt.date | None) -> dt.date:
    if end is None or end <= start:
        return start
    return start + dt.timedelta(days=(end - start).days // 2)
