"""`eventcoder evaluate FORMAT PATH [--json FILE] [--errors FILE] [--limit N] [--coder MODULE:FUNCTION]
[--timeout SECONDS]`.

`register(app)` adds the command to a Typer app as `evaluate` (eventcoder.cli mounts it that way); a Typer app
of its own would make the command `eventcoder evaluate evaluate`, so this module deliberately has no `app`.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Optional

import typer

from eventcoder.evaluate import FORMATS, EvaluateInputError, evaluate
from eventcoder.evaluate.common import Coder

def load_coder(spec: str) -> Coder:
    """'package.module:function' -> the function (a user's own coder: Article -> list[Event])."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise EvaluateInputError(f"--coder wants MODULE:FUNCTION, got {spec!r}")
    try:
        obj = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise EvaluateInputError(f"cannot load coder {spec!r}: {exc}") from None
    if not callable(obj):
        raise EvaluateInputError(f"coder {spec!r} is not callable")
    return obj


def evaluate_command(
    fmt: str = typer.Argument(..., metavar="FORMAT", help=f"one of: {', '.join(FORMATS)}"),
    path: Path = typer.Argument(..., help="gold file (seed: gold.yaml or its folder)"),
    json_out: Optional[Path] = typer.Option(None, "--json", help="write the flat metrics object to FILE"),
    limit: Optional[int] = typer.Option(None, "--limit", help="score only the first N gold records"),
    errors_out: Optional[Path] = typer.Option(None, "--errors", help="write per-record mismatches (JSONL)"),
    coder: Optional[str] = typer.Option(None, "--coder", help="MODULE:FUNCTION to score instead of the pipeline"),
    timeout: Optional[float] = typer.Option(60.0, "--timeout",
                                            help="seconds per article; a slower article is scored as no events"),
) -> None:
    """Score the coder on gold data and print precision, recall, F1 or accuracy per field."""
    from rich.console import Console

    console = Console()
    err = Console(stderr=True, soft_wrap=True)
    try:
        report = evaluate(fmt, path, coder=load_coder(coder) if coder else None, limit=limit,
                          timeout=timeout if timeout and timeout > 0 else None)
        report.print(console)
        if json_out:
            report.write_json(json_out)
            console.print(f"metrics written to {json_out}")
        if errors_out:
            report.write_errors(errors_out)
            console.print(f"{len(report.errors)} mismatches written to {errors_out}")
    except EvaluateInputError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from None
    except OSError as exc:
        err.print(f"[red]error:[/red] {exc.strerror or exc}: {exc.filename or ''}", highlight=False)
        raise typer.Exit(2) from None


def register(app: typer.Typer, name: str = "evaluate") -> None:
    """Mount `evaluate_command` on `app` as `name`."""
    app.command(name, help="Score the system against human-coded data (PLOVER, PETRARCH, ACLED, UCDP, seed, "
                "geoparsing).")(evaluate_command)
