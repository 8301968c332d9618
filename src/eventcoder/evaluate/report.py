"""The result of one evaluation: flat metrics, table rows and per-record mismatches."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder.evaluate.metrics import MetricRow

# Metrics every report carries (None with n 0 where the gold format has no such label), so tables of several
# formats line up.
STANDARD_METRICS = (
    "event.precision", "event.recall", "event.f1",
    "event_type.macro_f1", "event_type.accuracy", "cameo_root.accuracy",
    "actor.accuracy", "recipient.accuracy",
    "acled_event_type.accuracy", "acled_sub_event_type.accuracy",
    "no_event.false_positive_rate",
)


@dataclass
class Report:
    fmt: str
    metrics: dict[str, float | None]
    rows: list[MetricRow] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)   # per-record mismatches, one dict each
    records: int = 0                                              # gold records read
    source: str | None = None                                     # the gold file
    notes: list[str] = field(default_factory=list)                # lines printed under the table (seed verdict)

    def to_json(self) -> dict[str, Any]:
        """Flat object: format, records, then every metric and its `.n`."""
        out: dict[str, Any] = {"format": self.fmt, "records": self.records}
        for name in STANDARD_METRICS:
            out[name] = None
            out[name + ".n"] = 0
        for name, value in self.metrics.items():
            if isinstance(value, float):
                value = None if math.isnan(value) else round(value, 4)
            out[name] = value
        return out

    def write_json(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), indent=2, sort_keys=False) + "\n", encoding="utf-8")

    def write_errors(self, path: Path) -> None:
        """Per-record mismatches as JSON Lines: {format, record, field, gold, pred, text}."""
        with Path(path).open("w", encoding="utf-8") as fh:
            for err in self.errors:
                fh.write(json.dumps({"format": self.fmt, **err}, default=str, ensure_ascii=False) + "\n")

    def print(self, console: Any) -> None:
        """A rich table, one row per metric, grouped by field."""
        from rich.table import Table

        title = f"eventcoder evaluate {self.fmt}" + (f" — {self.source}" if self.source else "")
        table = Table(title=title, caption=f"{self.records} gold records, {len(self.errors)} mismatches")
        for col, justify in (("field", "left"), ("metric", "left"), ("value", "right"), ("n", "right"),
                             ("counts", "left")):
            table.add_column(col, justify=justify)
        last = None
        for row in sorted(self.rows, key=lambda r: r.field):
            value = "—" if row.value is None else f"{row.value:.3f}"
            table.add_row(row.field if row.field != last else "", row.metric.rsplit(".", 1)[-1]
                          if row.metric.startswith(row.field + ".") else row.metric, value, str(row.n), row.detail)
            last = row.field
        console.print(table)
        for line in self.notes:
            console.print(line, markup=False, highlight=False)
