"""`eventcoder gazetteer ...`: add GeoNames dumps, look names up, list what is installed."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(help="GeoNames gazetteer", no_args_is_help=True)
console = Console()
err = Console(stderr=True, soft_wrap=True)


@app.command("add")
def add(path_or_country_code: str = typer.Argument(..., help="a GeoNames dump (ML.txt / ML.zip) or a 2-letter "
                                                               "country code to download"),
        home: Optional[Path] = typer.Option(None, help="gazetteer folder (default: data_home()/gazetteer)")) -> None:
    """Load a full GeoNames country dump into the local gazetteer."""
    from eventcoder.geo.gazetteer import GazetteerError, add_dump
    try:
        n = add_dump(path_or_country_code, home=home)
    except GazetteerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    console.print(f"loaded {n:,} places from {path_or_country_code}")


@app.command("lookup")
def lookup(name: str = typer.Argument(..., help="place name (any case, accents optional)"),
           country: Optional[str] = typer.Option(None, "--country", "-c", help="ISO alpha-2 or alpha-3 code"),
           limit: int = typer.Option(10, help="rows to show"),
           home: Optional[Path] = typer.Option(None, help="gazetteer folder")) -> None:
    """Show the gazetteer's candidates for a name, most important first."""
    from eventcoder.geo.gazetteer import GazetteerError, default_gazetteer
    try:
        cands = default_gazetteer(home).lookup(name, country)
    except GazetteerError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from None
    if not cands:
        console.print(f"no place named {name!r}" + (f" in {country}" if country else ""))
        raise typer.Exit(1)
    table = Table(title=f"{name} ({len(cands)} candidates)")
    for col in ("geonameid", "name", "country", "code", "admin1", "admin2", "population", "lat", "lon"):
        table.add_column(col, justify="right" if col in ("geonameid", "population", "lat", "lon") else "left",
                         overflow="fold", no_wrap=col in ("geonameid", "population"))
    for c in cands[:limit]:
        table.add_row(str(c.geonameid), c.name, c.country, c.feature_code, c.admin1 or "", c.admin2 or "",
                      f"{c.population:,}", f"{c.lat:.4f}", f"{c.lon:.4f}")
    console.print(table)


@app.command("list")
def list_(home: Optional[Path] = typer.Option(None, help="gazetteer folder")) -> None:
    """What is installed: the packaged default and every added dump."""
    from eventcoder.geo.gazetteer import gazetteer_home, installed_dumps
    folder = gazetteer_home(home)
    table = Table(title=f"gazetteer in {folder}")
    table.add_column("part")
    table.add_column("file")
    table.add_column("size", justify="right")
    defaults = sorted(folder.glob("default-*.pkl"))
    table.add_row("default (cities500, countries, divisions)", defaults[0].name if defaults else "(built on first use)",
                  f"{defaults[0].stat().st_size / 1e6:.1f} MB" if defaults else "")
    for d in installed_dumps(home):
        table.add_row(f"dump {d.stem}", d.name, f"{d.stat().st_size / 1e6:.1f} MB")
    console.print(table)
