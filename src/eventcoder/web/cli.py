"""`eventcoder serve`: the dashboard and REST API over a store (mounted with ``register(app)``).

This module has no Typer ``app`` of its own: ``serve`` is a top-level command, added to the main CLI by
``register()``.
"""
from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

err = Console(stderr=True, soft_wrap=True)

LOOPBACK_NAMES = {"localhost"}


def _is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: Optional[Path] = typer.Option(None, "--db", help="DuckDB store (default: $EVENTCODER_DB or "
                                                                  "./eventcoder.duckdb)"),
          host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
          port: int = typer.Option(8000, "--port", min=1, max=65535, help="port to listen on"),
          log_level: str = typer.Option("info", "--log-level", help="uvicorn log level")) -> None:
    """Serve the web dashboard (map, timeline, event detail) and the REST API (/api/..., docs at /docs)."""
    from eventcoder.paths import default_db
    from eventcoder.store import Store, StoreBusy, StoreError

    path = Path(db or default_db())
    if not path.exists():
        err.print(f"[red]no store at {path}[/red]: run `eventcoder run PATH` first (or pass --db)")
        raise typer.Exit(2)
    try:   # say now, not on the first request, when the file is not a usable store
        Store.open(path, read_only=True).close()
    except StoreBusy as exc:
        err.print(f"[yellow]{exc}[/yellow] (serving anyway: the API answers 503 until the run finishes)")
    except StoreError as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    if not _is_loopback(host):
        err.print(f"[yellow]note:[/yellow] the API has no authentication; anyone who can reach {host}:{port} "
                  "can read every stored article and event")
    try:
        import uvicorn

        from eventcoder.web.app import create_app
    except ImportError as exc:
        err.print(f"[red]eventcoder serve needs fastapi and uvicorn[/red] ({exc}): pip install fastapi uvicorn")
        raise typer.Exit(1) from None

    err.print(f"eventcoder dashboard: http://{host if ':' not in host else f'[{host}]'}:{port}/ "
              f"(API docs at /docs; store {path})")
    uvicorn.run(create_app(path), host=host, port=port, log_level=log_level)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the main CLI."""
    app.command("serve")(serve)
