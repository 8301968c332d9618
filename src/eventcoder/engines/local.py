"""Engines on this machine: ``local`` codes in the calling process; ``processes`` in a pool of worker processes."""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..records import Article
from .base import CodingResult, Engine, code_article, in_order, options_key, warm


class LocalEngine(Engine):
    """Code in this process, one article after another (no start-up cost; the default)."""
    name = "local"

    def __init__(self, pipeline: Any = None, pipeline_options: dict[str, Any] | None = None):
        self._pipeline = pipeline
        self._options = options_key(pipeline_options)

    def map(self, articles: Iterable[Article]) -> Iterator[CodingResult]:
        if self._pipeline is None:
            for a in articles:
                yield code_article(a, self._options)
            return
        from .base import log
        for a in articles:
            try:
                mentions = self._pipeline.mentions(self._pipeline.document(a))
            except Exception as exc:  # one bad article never stops a batch
                log.exception("processing failed for %s", a.origin or a.id)
                yield CodingResult(a, error=f"{type(exc).__name__}: {exc}")
            else:
                yield CodingResult(a, tuple(mentions))


class ProcessEngine(Engine):
    """A pool of worker processes on this machine; each loads the pipeline once. Results come back in input
    order with at most ``workers * 8`` articles in flight."""
    name = "processes"

    def __init__(self, workers: int | None = None, pipeline_options: dict[str, Any] | None = None,
                 start_method: str = "spawn"):
        self.workers = max(1, workers or os.cpu_count() or 1)
        self._options = options_key(pipeline_options)
        ctx = multiprocessing.get_context(start_method)   # spawn: workers never inherit the store's threads
        self._pool = ctx.Pool(self.workers)
        self._pool.map(warm, [self._options] * self.workers, chunksize=1)   # load before timing/work

    def map(self, articles: Iterable[Article]) -> Iterator[CodingResult]:
        return in_order(lambda a: self._pool.apply_async(code_article, (a, self._options)), lambda h: h.get(),
                        articles, self.workers * 8)

    def close(self) -> None:
        self._pool.close()
        self._pool.join()
