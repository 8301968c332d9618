"""What every engine shares: the unit of work (one article in, its mentions or the reason it failed out) and the
per-process pipeline a worker builds once."""
from __future__ import annotations

import collections
import functools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..records import Article, Mention

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CodingResult:
    article: Article
    mentions: tuple[Mention, ...] = ()
    error: str | None = None          # "ExceptionType: message" when coding failed (the batch goes on)


@functools.lru_cache(maxsize=4)
def _pipeline(options: tuple[tuple[str, Any], ...]):
    from ..pipeline import Pipeline
    return Pipeline(**dict(options))


def code_article(article: Article, options: tuple[tuple[str, Any], ...] = ()) -> CodingResult:
    """Code one article with this process's pipeline (built on first use with ``options``)."""
    try:
        pipeline = _pipeline(options)
        mentions = pipeline.mentions(pipeline.document(article))
    except Exception as exc:  # one bad article never stops a batch
        log.exception("processing failed for %s", article.origin or article.id)
        return CodingResult(article, error=f"{type(exc).__name__}: {exc}")
    return CodingResult(article, tuple(mentions))


WARM_UP = "Troops clashed with rebels near Gao on Monday, killing three, the army said."


def warm(options: tuple[tuple[str, Any], ...] = ()) -> int:
    """Load this process's pipeline (spaCy, lexicons, KB, gazetteer) by coding one sentence, before real work."""
    import datetime as dt
    import os
    code_article(Article.from_text(WARM_UP, published=dt.date(2024, 1, 1)), options)
    return os.getpid()


def options_key(options: dict[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((options or {}).items()))


def in_order(submit: Callable[[Article], Any], wait: Callable[[Any], CodingResult], articles: Iterable[Article],
             limit: int) -> Iterator[CodingResult]:
    """Submit articles as they come (``submit`` returns a handle, ``wait`` turns it into its result) and yield the
    results in input order, with at most ``limit`` in flight so memory stays flat on any corpus size."""
    pending: collections.deque = collections.deque()
    for a in articles:
        pending.append(submit(a))
        if len(pending) >= limit:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())


class Engine:
    """Base class: ``map`` codes articles in input order; ``close`` releases workers."""
    name = "engine"
    workers = 1

    def map(self, articles: Iterable[Article]) -> Iterator[CodingResult]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def describe(self) -> str:
        return f"{self.name} ({self.workers} worker{'s' if self.workers != 1 else ''})"
