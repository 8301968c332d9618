"""Engines: where the per-article coding runs (this process, worker processes, or a Dask cluster).

Coding an article (parse, extract, resolve, geocode) is independent of every other article and is where the
time goes (spaCy alone is about 85%); storing and cross-article de-duplication need one writer and stay in the
calling process, in input order, so that every engine stores exactly the same events with the same ids.

An engine is a context manager with ``map(articles) -> iterator of CodingResult`` in input order::

    with engines.create("processes", workers=4, pipeline_options={}) as engine:
        for result in engine.map(articles): ...

``create(name, **options)`` picks one by name: ``local`` (default, in this process), ``processes``
(a pool of worker processes on this machine), ``dask`` (a dask.distributed cluster: ``address`` of a running
scheduler, or a local cluster of ``workers`` processes; needs ``pip install 'eventcoder[distributed]'``).
"""
from __future__ import annotations

from .base import CodingResult, Engine, code_article
from .registry import available, create

__all__ = ["CodingResult", "Engine", "available", "code_article", "create"]
