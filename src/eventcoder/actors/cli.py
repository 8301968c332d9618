"""`eventcoder actors ...`: look up how text resolves against the actor knowledge base, and why."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="Actor knowledge base", no_args_is_help=True)
_out = Console()
_err = Console(stderr=True, soft_wrap=True)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _err.print(f"[red]error:[/red] --date must be YYYY-MM-DD, got {value!r}")
        raise typer.Exit(2) from None


def _resolver(actors: list[Path] | None):
    from .kb import KBError, KnowledgeBase, default_kb
    from .resolver import ActorResolver
    try:
        kb = KnowledgeBase.load(actors) if actors else default_kb()
    except KBError as exc:
        _err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
    return ActorResolver(kb)


@app.command()
def lookup(
    text: str = typer.Argument(..., help="A phrase or a passage: every actor mention in it is shown"),
    date: Optional[str] = typer.Option(None, "--date", help="Date of the text (YYYY-MM-DD): selects names, roles and office holders in force"),
    actors: Optional[list[Path]] = typer.Option(None, "--actors", help="Extra actor KB file or folder (repeatable)"),
    country: Optional[list[str]] = typer.Option(None, "--country", "-c", help="Context country ISO3 (repeatable), e.g. MLI"),
) -> None:
    """Print how TEXT resolves (actor, code, ACLED inter, KB id) and why."""
    d = _parse_date(date)
    if not text.strip():
        _err.print("[red]error:[/red] TEXT is empty")
        raise typer.Exit(2)
    r = _resolver(actors)
    ctx = [c.upper() for c in (country or [])]
    bad = [c for c in ctx if r.kb.country(c) is None]
    if bad:
        _err.print(f"[red]error:[/red] unknown country code(s) {', '.join(bad)} (use ISO 3166 alpha-3, e.g. MLI)")
        raise typer.Exit(2)
    matches = r.find(text, date=d, context_countries=ctx)
    rows = [(m.text, m.actor) for m in matches] or [(text, r.resolve(text, date=d, context_countries=ctx))]
    table = Table(title=f"actors in {text[:60]!r}" + (f" on {d}" if d else ""))
    for col in ("mention", "actor", "code", "inter", "kb id", "known", "why"):
        table.add_column(col, overflow="fold")
    for mention, a in rows:
        table.add_row(mention, a.name, a.code, str(a.acled_inter or ""), a.kb_id or "", "yes" if a.known else "no", a.why or "")
    _out.print(table)


@app.command()
def stats(actors: Optional[list[Path]] = typer.Option(None, "--actors", help="Extra actor KB file or folder (repeatable)")) -> None:
    """Count what the knowledge base holds (and check that all its files load)."""
    r = _resolver(actors)
    table = Table(title="actor knowledge base")
    table.add_column("what")
    table.add_column("count", justify="right")
    for k, v in r.kb.stats().items():
        table.add_row(k, str(v))
    _out.print(table)
