"""The web dashboard and REST API over a stored event database.

    from eventcoder.web import create_app
    app = create_app("events.duckdb")        # a FastAPI app; serve it with uvicorn, or `eventcoder serve`

The store is opened read-only for each request, so a running `eventcoder run` is never blocked for long; while
it writes, the API answers 503 with the store's message. FastAPI is imported only when an app is created.
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def create_app(db_path: Any) -> Any:
    from eventcoder.web.app import create_app as _create

    return _create(db_path)
