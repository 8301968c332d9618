"""Metric arithmetic: precision/recall/F1 from counts, accuracies, macro-F1 over gold classes.

`Tally` collects the outcomes of one evaluation run under metric names and turns them into the flat
`{name: value, name + ".n": count}` object that `eventcoder evaluate --json` writes, plus table rows.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def safe_div(num: float, den: float) -> float | None:
    return num / den if den else None


def prf(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1 from counts; None where the denominator is 0."""
    p = safe_div(tp, tp + fp)
    r = safe_div(tp, tp + fn)
    f = safe_div(2 * tp, 2 * tp + fp + fn)
    return p, r, f


def multiset_match(gold: Iterable[str], pred: Iterable[str]) -> tuple[int, int, int]:
    """(tp, fp, fn) of two label multisets: a predicted label matches at most one gold label of that label."""
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def macro_f1(pairs: Sequence[tuple[str, str | None]]) -> float | None:
    """Mean per-class F1 over the classes present in the gold labels (a missing prediction is a miss).

    Classes only ever predicted (never gold) count as false positives of the gold classes they replace but
    do not get a 0 of their own: the score reads as "how well each gold class is found".
    """
    labels = sorted({g for g, _ in pairs})
    if not labels:
        return None
    scores = []
    for lab in labels:
        tp = sum(1 for g, p in pairs if g == lab and p == lab)
        fp = sum(1 for g, p in pairs if g != lab and p == lab)
        fn = sum(1 for g, p in pairs if g == lab and p != lab)
        scores.append(2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


@dataclass(frozen=True)
class MetricRow:
    """One line of the printed table."""
    field: str               # what is scored: event, actor, date, fatalities ...
    metric: str              # full metric name as in the JSON: "date.within_7d"
    value: float | None
    n: int
    detail: str = ""         # counts: "tp=3 fp=1 fn=2" or "12/15"


class Tally:
    """Collects outcomes under metric names; `metrics()` gives the flat object, `rows()` the table."""

    def __init__(self) -> None:
        self._acc: dict[str, list[int]] = {}
        self._prf: dict[str, list[int]] = {}
        self._cls: dict[str, list[tuple[str, str | None]]] = {}

    def declare(self, *names: str) -> None:
        """Make accuracy-style metrics appear (value None, n 0) even when no record exercises them."""
        for name in names:
            self._acc.setdefault(name, [0, 0])

    def hit(self, name: str, ok: bool) -> bool:
        a = self._acc.setdefault(name, [0, 0])
        a[0] += bool(ok)
        a[1] += 1
        return bool(ok)

    def count(self, name: str, tp: int, fp: int, fn: int) -> None:
        c = self._prf.setdefault(name, [0, 0, 0])
        c[0] += tp
        c[1] += fp
        c[2] += fn

    def label(self, name: str, gold: str, pred: str | None) -> None:
        self._cls.setdefault(name, []).append((gold, pred))

    def metrics(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {}
        for row in self.rows():
            out[row.metric] = row.value
            out[row.metric + ".n"] = row.n
        return out

    def rows(self) -> list[MetricRow]:
        rows: list[MetricRow] = []
        for name, (tp, fp, fn) in self._prf.items():
            p, r, f = prf(tp, fp, fn)
            detail = f"tp={tp} fp={fp} fn={fn}"
            rows += [MetricRow(name, f"{name}.precision", p, tp + fp, detail),
                     MetricRow(name, f"{name}.recall", r, tp + fn, detail),
                     MetricRow(name, f"{name}.f1", f, tp + fn, detail)]
        for name, pairs in self._cls.items():
            right = sum(1 for g, p in pairs if g == p)
            rows += [MetricRow(name, f"{name}.macro_f1", macro_f1(pairs), len(pairs),
                               f"{len({g for g, _ in pairs})} gold classes"),
                     MetricRow(name, f"{name}.accuracy", safe_div(right, len(pairs)), len(pairs),
                               f"{right}/{len(pairs)}")]
        for name, (hits, n) in self._acc.items():
            rows.append(MetricRow(name.rsplit(".", 1)[0], name, safe_div(hits, n), n, f"{hits}/{n}"))
        return rows
