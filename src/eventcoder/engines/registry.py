"""Engines by name (``eventcoder run --engine NAME``)."""
from __future__ import annotations

from typing import Any

from .base import Engine

_ENGINES = {
    "local": ("eventcoder.engines.local", "LocalEngine", "this process (default)"),
    "processes": ("eventcoder.engines.local", "ProcessEngine", "worker processes on this machine"),
    "dask": ("eventcoder.engines.dask", "DaskEngine", "a dask.distributed cluster (local or --scheduler ADDRESS)"),
}


def available() -> dict[str, str]:
    return {name: doc for name, (_, _, doc) in _ENGINES.items()}


def create(name: str, **options: Any) -> Engine:
    """Build an engine; options it does not take (``address`` for a local pool) are ignored."""
    import importlib
    import inspect

    if name not in _ENGINES:
        raise ValueError(f"unknown engine {name!r}; choose one of: {', '.join(_ENGINES)}")
    module, cls_name, _ = _ENGINES[name]
    cls = getattr(importlib.import_module(module), cls_name)
    params = inspect.signature(cls).parameters
    return cls(**{k: v for k, v in options.items() if k in params and v is not None})
