"""Helpers shared by the gold-format scorers: the coder call, event choice, code normalisation, distances.

Nothing here imports the pipeline or loads data at import time; mappings load once per process on first use.
"""
from __future__ import annotations

import datetime as dt
import math
import re
import signal
import threading
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.paths import PACKAGE_DATA, data_home

Coder = Callable[[records.Article], list[records.Event]]


class EvaluateInputError(ValueError):
    """Gold data that cannot be read: the message says which file, which line and what is wrong."""


# ---------------------------------------------------------------------------------------------- the coder
def default_coder() -> Coder:
    """The real system: `Pipeline.default().code` (imported only when an evaluation actually runs)."""
    try:
        from eventcoder.pipeline import Pipeline
    except ImportError as exc:  # the pipeline module is optional until the lead has built it
        raise EvaluateInputError(f"the eventcoder pipeline is not available ({exc}); pass a coder") from exc
    return Pipeline.default().code


class CoderFailed(EvaluateInputError):
    """The coder raised on every one of the first records: scoring the rest would only repeat the crash."""


class CoderTimeout(Exception):
    """One article took longer than the evaluation's per-article time limit."""


@contextmanager
def time_limit(seconds: float | None):
    """Raise CoderTimeout in the block after `seconds` (POSIX main thread only; elsewhere no limit)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def _expired(signum: int, frame: Any) -> None:
        raise CoderTimeout(f"no result after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class GuardedCoder:
    """Wraps a coder: a per-article time limit from the second article on (a hanging article becomes a coder
    error, not a stalled run),
    and CoderFailed when the first `give_up` calls all raise (a broken install, not data)."""

    def __init__(self, coder: Coder, give_up: int = 25, timeout: float | None = None) -> None:
        self.coder, self.give_up, self.timeout = coder, give_up, timeout
        self.calls = self.failures = 0

    def __call__(self, article: records.Article) -> list[records.Event]:
        self.calls += 1
        try:
            # the first call loads models and gazetteers: it is not timed
            with time_limit(self.timeout if self.calls > 1 else None):
                return self.coder(article)
        except Exception as exc:
            self.failures += 1
            if self.failures == self.calls == self.give_up:
                raise CoderFailed(f"the coder failed on each of the first {self.give_up} records "
                                  f"({type(exc).__name__}: {exc}); nothing to score") from exc
            raise


def run_coder(coder: Coder, article: records.Article, record_id: str, errors: list[dict]) -> list[records.Event]:
    """Call the coder on one article; a crash is logged as a per-record error and scored as 'no events'."""
    try:
        events = list(coder(article) or [])
    except CoderFailed:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop an evaluation of thousands
        errors.append({"record": record_id, "field": "coder_error", "gold": None,
                       "pred": f"{type(exc).__name__}: {exc}", "text": article.text[:200]})
        return []
    return [e for e in events if isinstance(e, records.Event)]


def top(events: Iterable[records.Event]) -> records.Event | None:
    """The highest-confidence event (first one on ties, i.e. the coder's order)."""
    best: records.Event | None = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def acled_scope(events: Iterable[records.Event]) -> list[records.Event]:
    return [e for e in events if e.coding.acled_event_type]


# ---------------------------------------------------------------------------------------------- mappings
@lru_cache(maxsize=1)
def mappings() -> dict[str, Any]:
    """Package mappings merged with the user's `$EVENTCODER_HOME/evaluate/*.yaml` (later files win per key)."""
    import yaml

    files = sorted((PACKAGE_DATA / "evaluate").glob("*.yaml"))
    user = data_home() / "evaluate"
    if user.is_dir():
        files += sorted(user.glob("*.yaml"))
    merged: dict[str, Any] = {}
    for f in files:
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for key, value in data.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


@lru_cache(maxsize=4096)
def country_iso3(name: str | None) -> str | None:
    """A country name (or ISO code) as written in ACLED/UCDP data -> ISO 3166 alpha-3, None if not a country."""
    if not name:
        return None
    name = name.strip()
    aliases = {k.lower(): v for k, v in (mappings().get("country_aliases") or {}).items()}
    if name.lower() in aliases:
        return aliases[name.lower()]
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


# ---------------------------------------------------------------------------------------------- distances
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine, mean Earth radius 6371 km)."""
    p = math.pi / 180
    h = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_km(place: records.Place | None, lat: float | None, lon: float | None) -> float | None:
    """Distance of a predicted place from gold coordinates; None when either side has no coordinates."""
    if place is None or place.lat is None or place.lon is None or lat is None or lon is None:
        return None
    return km(place.lat, place.lon, lat, lon)


def within_pct(pred: int | None, gold: int, pct: float) -> bool:
    """|pred - gold| <= pct * gold (so a gold 0 needs a predicted 0). A missing prediction counts as 0."""
    return abs((pred or 0) - gold) <= pct * gold


def event_date(event: records.Event | None) -> dt.date | None:
    return event.date.date if event is not None and event.date is not None else None


def days_apart(a: dt.date | None, b: dt.date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def parse_date(value: Any, *, where: str) -> dt.date | None:
    """ISO 'YYYY-MM-DD', 'YYYYMMDD', or UCDP's 'MM/DD/YYYY 00:00:00'; empty -> None; garbage -> clear error."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    for cand in (s, s.split(" ")[0], s[:10]):
        for fmt in ("%Y-%m-%d", "%Y%m%d", "%m/%d/%Y", "%d %B %Y", "%d-%B-%Y"):
            try:
                return dt.datetime.strptime(cand, fmt).date()
            except ValueError:
                continue
    raise EvaluateInputError(f"{where}: cannot read date {s!r} (expected YYYY-MM-DD, YYYYMMDD or MM/DD/YYYY)")


# ---------------------------------------------------------------------------------------------- actor codes
_WORD = re.compile(r"[A-Za-z]+")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def cameo_country(actor: records.Actor) -> str:
    """A predicted actor as a 3-letter CAMEO country code.

    The actor's ISO3 country when the resolver gave one; else an actor-type code such as IGO when the sector is
    one; else, for actors the knowledge base does not know (PETRARCH's fictional Arnor, Gondor...), the first
    three letters of the first capitalised word of the name, or of the actor's span when the name is a role
    ("Gondor's foreign minister" -> GON; name "government", span "The Calenardhon government" -> CAL);
    else '---' (CAMEO's "no country").
    """
    if actor.country:
        return actor.country.upper()[:3]
    sector = (actor.sector or "").upper()
    if sector in set(mappings().get("cameo_non_state_codes") or ()):
        return sector
    # an unknown actor is often named by its role ("government") with the proper noun only in its span
    # ("The Calenardhon government", "an attack by Osgiliath soldiers"): the first capitalised word counts
    for text in (actor.name, actor.span.text if actor.span else None):
        for word in _WORD.findall(text or ""):
            if word[0].isupper() and len(word) >= 3 and word.lower() not in _DETERMINERS:
                return word[:3].upper()
    return "---"


def sector3(code: str | None) -> str | None:
    """PLOVER/CAMEO sector as its 3-letter primary code (CRMMOS -> CRM, CVLalb -> CVL); '***' or blank -> None."""
    if not code:
        return None
    code = str(code).strip().upper()[:3]
    if not code.isalpha():
        return None
    return str(mappings().get("sector_aliases", {}).get(code, code))


def jsonl_records(path: Path):
    """(line number, record) of a JSON Lines gold file, blank lines skipped; a clear error naming the line."""
    import json
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluateInputError(f"{path}:{lineno}: not a JSON object ({exc.msg})") from None
            yield lineno, rec


def csv_rows(path: Path, required: Iterable[str], kind: str):
    """(line number, row) of a published CSV export; a clear error when the file is not `kind` (e.g. "an ACLED
    export"): the columns it lacks and the ones it has."""
    import csv
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise EvaluateInputError(f"{path}: not {kind}: missing column(s) {', '.join(missing)} "
                                     f"(found: {header_summary(reader.fieldnames)})")
        yield from enumerate(reader, 2)


def header_summary(fieldnames: list[str] | None, limit: int = 80) -> str:
    """The first columns of a CSV header, shortened for an error message."""
    if not fieldnames:
        return "no header"
    joined = ", ".join(fieldnames)
    return joined if len(joined) <= limit else joined[: limit - 1] + "…"


def text_of(article: records.Article, limit: int = 200) -> str:
    t = " ".join(article.text.split())
    return t if len(t) <= limit else t[: limit - 1] + "…"


def resolve_path(path: Path | str) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        raise EvaluateInputError(f"{p}: no such file")
    return p
