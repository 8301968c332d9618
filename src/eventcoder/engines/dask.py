"""The distributed engine: a dask.distributed cluster codes the articles; this process stores them.

``address``: a running scheduler ("tcp://10.0.0.5:8786", workers started with ``dask worker ADDRESS`` on
machines where eventcoder is installed with the same data home); without it, a local cluster of ``workers``
processes on 127.0.0.1. Needs ``pip install 'eventcoder[distributed]'``.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..records import Article
from .base import CodingResult, Engine, code_article, in_order, options_key, warm


class DaskEngine(Engine):
    name = "dask"

    def __init__(self, address: str | None = None, workers: int | None = None,
                 pipeline_options: dict[str, Any] | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RuntimeError("the dask engine needs dask.distributed: pip install 'eventcoder[distributed]'") from None
        self._options = options_key(pipeline_options)
        self._cluster = None
        if address:
            self._client = Client(address)
        else:
            import logging
            import os
            # a cluster we start and stop ourselves: its workers' shutdown chatter is not the user's business
            logging.getLogger("distributed").setLevel(logging.ERROR)
            n = max(1, workers or os.cpu_count() or 1)
            self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                                         dashboard_address=None)
            self._client = Client(self._cluster)
        self.workers = len(self._client.scheduler_info()["workers"]) or 1
        self._client.run(warm, self._options)     # every worker loads the pipeline once, before the first article

    def map(self, articles: Iterable[Article]) -> Iterator[CodingResult]:
        return in_order(lambda a: self._client.submit(code_article, a, self._options, pure=False),
                        lambda future: future.result(), articles, self.workers * 8)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
