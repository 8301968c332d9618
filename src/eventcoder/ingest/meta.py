"""Document metadata: publication dates and the column/key aliases of tabular and JSON inputs."""
from __future__ import annotations

import datetime as dt
import functools
import re
import time
from collections.abc import Mapping
from typing import Any

import yaml

from ..paths import PACKAGE_DATA, data_home

FIELDS = ("text", "title", "url", "published", "source", "language", "id")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\b")


@functools.lru_cache(maxsize=1)
def column_aliases() -> dict[str, tuple[str, ...]]:
    """Field -> accepted column names, user file first (data/ingest/columns.yaml + $EVENTCODER_HOME/ingest/)."""
    merged: dict[str, list[str]] = {f: [] for f in FIELDS}
    for path in (data_home() / "ingest" / "columns.yaml", PACKAGE_DATA / "ingest" / "columns.yaml"):
        if path.is_file():
            for field, names in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
                if field in merged:
                    merged[field] += [str(n).lower() for n in names or ()]
    return {f: tuple(dict.fromkeys(v)) for f, v in merged.items()}


def map_columns(columns: list[str]) -> dict[str, str]:
    """Pick, for each Article field, the first aliased column present: {field: actual column name}."""
    lower = {c.strip().lower(): c for c in columns if isinstance(c, str)}
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for field, names in column_aliases().items():
        for n in names:
            if n in lower and lower[n] not in used:
                chosen[field] = lower[n]
                used.add(lower[n])
                break
    return chosen


def parse_date(value: Any) -> dt.date | None:
    """A publication date from what documents carry: date, datetime, struct_time, ISO or free text.

    Returns None for empty or unparseable values (callers then fall back to the --published default).
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.match(s)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if re.fullmatch(r"(19|20)\d{6}", s):           # compact YYYYMMDD (GDELT, PETRARCH)
        try:
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        except ValueError:
            return None
    m = _SLASHED.match(s)
    if m:
        # Numeric dates: month first (US, as in UCDP GED exports) unless the first number cannot be a month.
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        month, day = (b, a) if a > 12 else (a, b)
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", s):
        return None                       # a bare year is not a publication date
    import dateparser                     # lazy: slow to import
    parsed = dateparser.parse(s, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                           "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None


def pick(record: Mapping[str, Any], mapping: Mapping[str, str], field: str) -> Any:
    col = mapping.get(field)
    if col is None:
        return None
    v = record.get(col)
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v
