"""Command-line interface: thin Typer commands over the library."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .paths import default_db

app = typer.Typer(help="eventcoder: news reports in, verifiable conflict and diplomacy event data out.",
                  no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True, soft_wrap=True)

DbOpt = typer.Option(None, "--db", help="DuckDB store (default: $EVENTCODER_DB or ./eventcoder.duckdb)")


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name} must be a date like 2024-08-05, got {value!r}") from None


def _open(db: Optional[Path], read_only: bool = False):
    from .store import Store, StoreBusy
    path = db or default_db()
    if read_only and not Path(path).exists():
        err.print(f"[red]no store at {path}[/red]: run `eventcoder run PATH` first (or pass --db)")
        raise typer.Exit(2)
    try:
        return Store.open(path, read_only=read_only)
    except StoreBusy as exc:
        err.print(f"[yellow]{exc}[/yellow]")
        raise typer.Exit(3) from None


def _actors(actors) -> str:
    return "; ".join(f"{a.name} ({a.country or '?'} {a.sector or '?'})" for a in actors)


def events_table(events, title: str = "events") -> Table:
    t = Table(title=title, show_lines=False)
    for col in ("id", "date", "type", "cameo", "acled", "actor", "recipient", "location", "deaths", "status", "src"):
        t.add_column(col, overflow="fold")
    for e in events:
        loc = e.place.name if e.place else ""
        if e.place and e.place.precision not in ("point",):
            loc += f" ({e.place.precision})"
        acled = f"{e.coding.acled_event_type}/{e.coding.acled_sub_event_type}" if e.coding.acled_event_type else ""
        deaths = "" if e.fatalities.acled is None else str(e.fatalities.acled)
        t.add_row(e.id[:12], str(e.date.date) if e.date and e.date.date else "", e.coding.plover_type,
                  e.coding.cameo_code or "", acled, _actors(e.actors), _actors(e.recipients), loc, deaths,
                  e.status, str(e.n_sources))
    return t


@app.command()
def run(paths: list[str] = typer.Argument(..., help="files, directories (walked recursively), feed files or URLs"),
        db: Optional[Path] = DbOpt,
        published: Optional[str] = typer.Option(None, help="publication date for articles that carry none (YYYY-MM-DD)"),
        source: Optional[str] = typer.Option(None, help="source name for articles that carry none"),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="do not print the events table"),
        reprocess: bool = typer.Option(False, "--reprocess",
                                       help="re-code articles already stored (after changing the lexicon or KB)"),
        engine: Optional[str] = typer.Option(None, help="where articles are coded: local (default), processes, "
                                             "dask"),
        workers: Optional[int] = typer.Option(None, min=1, help="worker processes (processes/dask engines; "
                                              "default: one per CPU); implies --engine processes"),
        scheduler: Optional[str] = typer.Option(None, help="address of a running dask scheduler "
                                                "(implies --engine dask)"),
        actors: Optional[list[Path]] = typer.Option(None, "--actors", help="extra actor knowledge-base file or "
                                                    "folder of YAML files (repeatable); overrides entries by id")):
    """Read articles, extract events, store them, and print the events found.

    Re-running the same input adds nothing; a new version of a stored article (same URL, or the same edited
    file) replaces the old one, and the events it supported are updated."""
    from rich.progress import Progress

    from .ingest import count_inputs
    from .pipeline import Pipeline

    pub = _date(published, "--published")
    if actors:
        _use_actor_files(actors)
    name = engine or ("dask" if scheduler else "processes" if workers else "local")
    with _open(db) as store:
        pipeline = Pipeline()
        total = count_inputs(paths)
        with _engine(name, pipeline, workers, scheduler) as runner, \
                Progress(console=err, transient=True, disable=total < 5 or not sys.stderr.isatty()) as progress:
            task = progress.add_task("coding articles", total=total or None)
            summary = pipeline.run(paths, store, published=pub, source=source, reprocess=reprocess, engine=runner,
                                   on_item=lambda _: progress.advance(task))
        events = [store.event(i) for i in dict.fromkeys(summary.event_ids)]
        events = [e for e in events if e is not None]
        if not quiet:
            console.print(events_table(events, title=f"events from this run ({len(events)})"))
        errors = store.errors()
    err.print(f"{summary.articles} inputs: {summary.new} new, {summary.unchanged} unchanged, "
              f"{summary.syndicated} syndicated, {summary.updated} updated, {summary.errors} errors; store: {db or default_db()}")
    if summary.errors:
        for e in errors[-summary.errors:]:
            err.print(f"  [yellow]{e.get('reason')}[/yellow] {e.get('origin')}: {e.get('message')}")


def _use_actor_files(paths: list[Path]) -> None:
    """Load the user's actor files on top of the knowledge base for this run (and its worker processes)."""
    import os

    from .actors import kb as kbmod
    from .actors.resolver import default_resolver
    from .nlp import load_nlp
    try:
        kbmod.KnowledgeBase.load(paths)          # a missing file or a bad entry stops here, with its reason
    except kbmod.KBError as exc:
        err.print(f"[red]--actors[/red]: {exc}")
        raise typer.Exit(2) from None
    os.environ[kbmod.ACTORS_ENV] = os.pathsep.join(str(Path(p).resolve()) for p in paths)
    for cached in (kbmod.default_kb, default_resolver, load_nlp):   # the KB also feeds the entity ruler
        cached.cache_clear()


def _engine(name: str, pipeline, workers: Optional[int], scheduler: Optional[str]):
    from .engines import available, create
    if name not in available():
        raise typer.BadParameter(f"--engine must be one of {', '.join(available())}, got {name!r}")
    if name == "local":
        from .engines.local import LocalEngine
        return LocalEngine(pipeline=pipeline)
    try:
        runner = create(name, workers=workers, address=scheduler, pipeline_options=pipeline.options)
    except (RuntimeError, OSError) as exc:
        err.print(f"[red]cannot start the {name} engine[/red]: {exc}")
        raise typer.Exit(2) from None
    err.print(f"coding with {runner.describe()}")
    return runner


@app.command()
def events(db: Optional[Path] = DbOpt,
           country: Optional[str] = typer.Option(None, help="ISO3 country of an actor or of the location"),
           type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type"),
           since: Optional[str] = typer.Option(None), until: Optional[str] = typer.Option(None),
           actor: Optional[str] = typer.Option(None, help="actor name or KB id"),
           limit: Optional[int] = typer.Option(None),
           format: str = typer.Option("table", "--format", help="table | csv | json")):
    """List stored events, filtered."""
    with _open(db, read_only=True) as store:
        evs = store.events(country=country.upper() if country else None, plover_type=type.upper() if type else None,
                           since=_date(since, "--since"), until=_date(until, "--until"), actor=actor, limit=limit)
    if format == "table":
        console.print(events_table(evs, title=f"{len(evs)} events"))
    elif format in ("json", "csv"):
        from .export import export
        with _open(db, read_only=True) as store:
            articles = store.articles_for(evs)
        export(evs, "plover" if format == "json" else "acled", sys.stdout, articles=articles)
    else:
        raise typer.BadParameter("--format must be table, csv or json")


@app.command()
def show(event_id: str, db: Optional[Path] = DbOpt):
    """One event with every field and the sentences behind it, the evidence highlighted."""
    with _open(db, read_only=True) as store:
        ev = store.event(event_id)
        if ev is None:
            matches = [e for e in store.events() if e.id.startswith(event_id)]
            ev = matches[0] if len(matches) == 1 else None
        if ev is None:
            err.print(f"[red]no event {event_id!r}[/red]")
            raise typer.Exit(1)
        articles = {a: store.article(a) for a in ev.article_ids}
    from .export.plover import event_to_dict
    d = event_to_dict(ev)
    d.pop("evidence", None)
    console.print_json(json.dumps(d, default=str))
    console.rule("evidence")
    for span in ev.evidence:
        art = articles.get(span.article_id)
        title = (art.title or art.origin or span.article_id) if art else span.article_id
        console.print(f"[bold]{title}[/bold] [dim]{span.article_id} {span.start}-{span.end}[/dim]")
        if art is None:
            console.print(span.text)
            continue
        # the sentence with every trigger/actor/claim span of this event inside it highlighted
        marks = [s for s in _event_spans(ev) if s.article_id == span.article_id and span.start <= s.start < span.end]
        line = Text(art.text[span.start:span.end])
        for s in marks:
            line.stylize("bold yellow", s.start - span.start, min(s.end, span.end) - span.start)
        console.print(line)


def _event_spans(ev):
    for a in ev.actors + ev.recipients:
        if a.span:
            yield a.span
    for c in ev.claims:
        if c.span:
            yield c.span
    if ev.place and ev.place.span:
        yield ev.place.span
    if ev.date and ev.date.span:
        yield ev.date.span


@app.command("export")
def export_cmd(format: str = typer.Option(..., "--format", "-f", help="acled | plover | cameo | geojson | parquet"),
               output: Optional[Path] = typer.Option(None, "-o", "--output", help="file (default: stdout)"),
               db: Optional[Path] = DbOpt):
    """Export stored events in the formats users already load."""
    from .export import FORMATS, export
    if format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if format == "parquet" and output is None:
        raise typer.BadParameter("parquet needs -o FILE")
    with _open(db, read_only=True) as store:
        evs = store.events()
        n = export(evs, format, output or sys.stdout, articles=store.articles_for(evs))
    if output:
        err.print(f"wrote {n} {format} records to {output}")


@app.command()
def relations(country: str = typer.Argument(..., help="ISO3 code"),
              other: Optional[str] = typer.Argument(None, help="ISO3 code of the other country (default: all)"),
              db: Optional[Path] = DbOpt):
    """The state of bilateral relations over time, derived from stored events, with the events behind each change."""
    with _open(db, read_only=True) as store:
        changes = store.relations(country.upper(), other.upper() if other else None)
        t = Table(title=f"relations of {country.upper()}" + (f" and {other.upper()}" if other else ""))
        for col in ("date", "between", "relation", "state", "events"):
            t.add_column(col)
        for c in changes:
            t.add_row(str(c["date"] or ""), " - ".join(c["between"]), c["relation"], c["state"],
                      ", ".join(c.get("event_ids") or [c["event_id"]]))
    if not changes:
        err.print("no change of relations in the stored events")
    console.print(t)


@app.command()
def articles(db: Optional[Path] = DbOpt,
             format: str = typer.Option("table", "--format", help="table, csv or json")):
    """The stored articles, in the order they were added, with the number of events each supports."""
    if format not in ("table", "csv", "json"):
        raise typer.BadParameter(f"--format must be table, csv or json, got {format!r}")
    with _open(db, read_only=True) as store:
        rows = store.article_list()
    if format == "json":
        sys.stdout.write(json.dumps(rows, default=str, indent=1) + "\n")
        return
    if format == "csv":
        import csv
        w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        w.writeheader()
        w.writerows(rows)
        return
    t = Table(title=f"articles ({len(rows)})")
    for col in ("id", "published", "source", "title", "origin", "events"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(r["id"], str(r["published"] or ""), r["source"] or "", r["title"] or "", r["origin"] or "",
                  str(r["events"]))
    console.print(t)


@app.command()
def remove(article_ids: list[str] = typer.Argument(..., help="article ids (see `eventcoder articles`)"),
           db: Optional[Path] = DbOpt):
    """Remove articles: the events they supported are recomputed from their other sources, or deleted."""
    from .store import ArticleNotFound
    missing = 0
    with _open(db) as store:
        for aid in article_ids:
            try:
                store.remove_article(aid)
            except ArticleNotFound as exc:
                err.print(f"[yellow]{exc}[/yellow]")
                missing += 1
            else:
                err.print(f"removed article {aid}")
    if missing:
        raise typer.Exit(1)


def _mount(module: str, name: str, help_: str) -> None:
    import importlib
    try:
        sub = importlib.import_module(module)
    except ImportError as exc:  # a stage missing from this install: say so instead of crashing
        stub = typer.Typer(help=f"{help_} (unavailable: {exc})")
        app.add_typer(stub, name=name)
        return
    if hasattr(sub, "app"):
        app.add_typer(sub.app, name=name, help=help_)
    elif hasattr(sub, "register"):
        sub.register(app)


_mount("eventcoder.geo.cli", "gazetteer", "GeoNames gazetteer: add country dumps, look up names")
_mount("eventcoder.actors.cli", "actors", "Actor knowledge base: look up how a mention resolves")
_mount("eventcoder.evaluate.cli", "evaluate", "Score the system against human-coded data")
_mount("eventcoder.web.cli", "serve", "Web dashboard (map, timeline) and REST API over the store")


if __name__ == "__main__":
    app()
