"""The embedded event store (DuckDB): articles, their syndicated copies, mentions, canonical events.

    from eventcoder.store import Store
    with Store.open("events.duckdb") as store:
        result = store.add_article(article, mentions)     # AddResult(status, event_ids)
        store.events(country="MLI", since=date(2024, 7, 1))

Schema: ordered SQL migrations in ``store/migrations/`` recorded in the ``schema_version`` table.
One writer process at a time: a second process gets ``StoreBusy`` ("store is busy: ... try again when the
run finishes").
"""
from __future__ import annotations

from eventcoder.store.db import ArticleNotFound, StoreBusy, StoreError
from eventcoder.store.store import AddResult, Store

__all__ = ["Store", "StoreBusy", "StoreError", "ArticleNotFound", "AddResult"]
