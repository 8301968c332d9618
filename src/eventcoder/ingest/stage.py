"""The ingest stage in the registry: ``stages.create("ingest", "files", published=..., source=...)``."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..records import Article, IngestError
from ..stages import register


class IngestStage:
    """Paths/URLs in, Articles and IngestErrors out (see ingest.iter_articles for the options)."""
    name = "ingest.files"
    reads: tuple[str, ...] = ("path",)
    fills: tuple[str, ...] = ("Article", "IngestError")

    def __init__(self, **config: Any):
        self.config = config

    def __call__(self, items: Iterable[Any]) -> Iterator[Article | IngestError]:
        from .reader import iter_articles
        return iter_articles(items, **self.config)


@register("ingest", "files")
def files_stage(**config: Any) -> IngestStage:
    """Read files, folders, RSS/Atom feeds and http(s) URLs (txt, md, html, jsonl, json, csv, tsv)."""
    return IngestStage(**config)
