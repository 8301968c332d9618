"""Score a coder against published gold data: `evaluate(fmt, path, coder=..., limit=...) -> Report`.

Formats (read as published, so users can score the system on their own gold data):

plover      PLOVER gold JSON Lines (one coded sentence per record). One gold event per sentence. The
            predicted event scored is the one with the gold type if any, else the highest-confidence one;
            event detected = some predicted event has the gold type (each other predicted event is a false
            positive). Draft-0.5 type names are mapped to PLOVER 2.0 (DEMAND->REQUEST, DISAPPROVE and
            INVESTIGATE->ACCUSE, FIGHT->ASSAULT; data/evaluate/mappings.yaml). actor/recipient.accuracy: every
            gold source (target) actor is matched by an actor (recipient) of the scored event: same country code
            and, where gold codes one, the same 3-letter sector (a gold IGO/NGO code may match the sector instead).
petrarch    PETRARCH2 validation records. triple.recall = share of expected (source, target, CAMEO root)
            triples found: some predicted event has the root (first two digits of cameo_code), an actor with the
            source code and a recipient with the target code. Codes are compared as CAMEO country codes: gold
            codes cut to 3 letters (GONGOV -> GON); a predicted actor is its ISO3 country, else (actors the KB
            does not know: fictional Arnor, Gondor) the first 3 letters of its name, else '---' (which also
            stands for "no recipient"); '###' matches anything. Triples with PETRARCH's dictionary-test codes
            (8xx/9xx, not CAMEO roots) and records with expect_error are left out and counted.
            no_event.false_positive_rate = share of expect_no_events records with any predicted event.
acled       ACLED CSV export (notes = text, event_date = publication date). The predicted event scored is the
            ACLED-scope event (coding.acled_event_type set) with the highest confidence. event detected = some
            ACLED-scope event has the gold event_type. Actors: country + ACLED inter code (actor1 vs the event's
            actors, actor2 vs its recipients; the gold country is read from the actor name, and only the inter
            code is compared where the name names no country). Locations by great-circle km; fatalities = the
            event's ACLED count (none = 0).
ucdp        UCDP GED CSV export (source_headline = text, one headline per line; date_start = publication date).
            The predicted event scored is the ACLED-scope event with the highest confidence, else the
            highest-confidence event; detected = some predicted event is organized violence. actor.accuracy =
            side_a's and side_b's countries are among the scored event's parties. deaths.low_le_best_le_high =
            predicted low <= gold best <= predicted high; deaths.best_exact only where a headline states a count.
seed        a hand-coded gold.yaml with its article file beside it: which gold events are found with which
            fields right, must_not_emit violations, and the pass line (see eventcoder.evaluate.seed).
geoparsing  delegated to eventcoder.evaluate.geoparsing.evaluate_geoparsing (toponym P/R/F1, acc@161).

Every per-record field metric counts a record with no scored event as wrong (end-to-end scores). Metrics a
format has no gold label for are reported as null with n 0. event_type is scored in the gold's own type
system: PLOVER type (plover, seed), CAMEO root (petrarch), ACLED event type (acled); macro-F1 averages per-class
F1 over the classes that occur in the gold labels.
"""
from __future__ import annotations

import importlib
import math
from pathlib import Path
from typing import Any

from eventcoder.evaluate.common import Coder, CoderFailed, EvaluateInputError, GuardedCoder, default_coder, resolve_path
from eventcoder.evaluate.metrics import MetricRow
from eventcoder.evaluate.report import STANDARD_METRICS, Report

__all__ = ["FORMATS", "Report", "MetricRow", "EvaluateInputError", "CoderFailed", "evaluate", "STANDARD_METRICS"]

FORMATS = ("plover", "petrarch", "acled", "ucdp", "seed", "geoparsing")


def evaluate(fmt: str, path: Path | str, *, coder: Coder | None = None, limit: int | None = None,
             timeout: float | None = None) -> Report:
    """Score `coder` (default: the real pipeline, `Pipeline.default().code`) on the gold file `path`.

    Raises EvaluateInputError with a readable message for an unknown format, a missing file or malformed gold,
    and CoderFailed (a subclass) when the coder raises on each of the first 25 records. A coder that raises on
    some records only is scored as emitting nothing there; the count is in metrics["coder_errors"].
    timeout: seconds allowed per article (POSIX main thread); an article over it is such a coder error.
    """
    fmt = (fmt or "").strip().lower()
    if fmt not in FORMATS:
        raise EvaluateInputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if limit is not None and limit < 1:
        raise EvaluateInputError(f"--limit must be a positive number, got {limit}")
    path = resolve_path(path)
    if fmt == "geoparsing":
        return _geoparsing(path, limit)
    if path.is_dir() and fmt != "seed":
        raise EvaluateInputError(f"{path} is a folder; give the {fmt} gold file itself")
    module = importlib.import_module(f"eventcoder.evaluate.{fmt}")
    try:
        golds = module.load(path, limit)
    except UnicodeDecodeError as exc:
        raise EvaluateInputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not golds:
        raise EvaluateInputError(f"{path}: no gold records found")
    report = module.score(golds, GuardedCoder(coder or default_coder(), timeout=timeout))
    report.source = str(path)
    crashes = [e for e in report.errors if e.get("field") == "coder_error"]
    report.metrics["coder_errors"] = len(crashes)
    if crashes:
        report.notes.insert(0, f"warning: the coder raised on {len(crashes)} record(s), scored as no events; "
                               f"first: {crashes[0]['pred']}")
    return report


def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool) or value is None:
        out[prefix] = None if isinstance(value, float) and math.isnan(value) else value


def _geoparsing(path: Path, limit: int | None) -> Report:
    try:
        from eventcoder.evaluate.geoparsing import evaluate_geoparsing
    except ImportError as exc:
        raise EvaluateInputError(f"geoparsing evaluation is not available ({exc})") from None
    result = evaluate_geoparsing(path, limit=limit)
    errors = []
    if isinstance(result, dict):
        errs = result.get("errors")
        errors = [e for e in errs if isinstance(e, dict)] if isinstance(errs, list) else []
        result = {k: v for k, v in result.items() if k != "errors"}
    metrics: dict[str, Any] = {}
    _flatten("", result, metrics)
    rows = [MetricRow(k.split(".")[0], k, float(v) if v is not None else None,
                      int(metrics.get(k + ".n") or 0)) for k, v in metrics.items() if not k.endswith(".n")]
    records = metrics.get("n_docs") or metrics.get("records") or metrics.get("documents") or 0
    return Report("geoparsing", metrics, rows, errors, records=int(records), source=str(path))
