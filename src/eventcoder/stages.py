"""Stage registry: every pipeline stage is picked by name from configuration.

A stage is a callable over an iterable of records that streams its output. It declares what it reads and
what it fills so that a pipeline can be checked before it runs. Heavy back-ends import their dependencies
inside their own factory, so registering costs nothing at import time.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    fills: tuple[str, ...]

    def __call__(self, items: Iterable[Any]) -> Iterator[Any]: ...


@dataclass(frozen=True)
class _Entry:
    factory: Callable[..., Stage]
    doc: str


_REGISTRY: dict[str, dict[str, _Entry]] = {}


def register(kind: str, name: str) -> Callable[[Callable[..., Stage]], Callable[..., Stage]]:
    """Register a stage factory under (kind, name): `@register("extract", "rules")`."""
    def deco(factory: Callable[..., Stage]) -> Callable[..., Stage]:
        _REGISTRY.setdefault(kind, {})[name] = _Entry(factory, (factory.__doc__ or "").strip())
        return factory
    return deco


def create(kind: str, name: str, **config: Any) -> Stage:
    try:
        entry = _REGISTRY[kind][name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY.get(kind, {}))) or "none"
        raise KeyError(f"no {kind} stage named {name!r} (known: {known})") from None
    return entry.factory(**config)


def available(kind: str | None = None) -> dict[str, list[str]]:
    kinds = [kind] if kind else sorted(_REGISTRY)
    return {k: sorted(_REGISTRY.get(k, {})) for k in kinds}
