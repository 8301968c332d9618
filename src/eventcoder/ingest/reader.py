"""The public entry points of ingestion: iter_articles over paths/URLs, read_text over a string."""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..records import Article, IngestError
from .assemble import MIN_LANGUAGE_CONFIDENCE, Options, Result, normalize_language
from .fetch import DEFAULT_TIMEOUT
from .files import read_file, read_stdin
from .inputs import count_inputs, expand_inputs
from .language import detect_language
from .meta import parse_date
from .normalize import normalize_text
from .remote import read_url

__all__ = ["iter_articles", "read_text", "count_inputs", "normalize_language"]


def iter_articles(paths: Iterable[str | os.PathLike], *, published: dt.date | None = None,
                  source: str | None = None, max_bytes: int = 10_000_000, languages: Sequence[str] = ("en",),
                  timeout: float = DEFAULT_TIMEOUT, dedupe: bool = True,
                  follow_links: bool | None = None) -> Iterator[Result]:
    """Read articles from files, folders (recursive, sorted, hidden skipped), feeds, http(s) URLs and "-" (stdin).

    Yields an Article per readable document and an IngestError (origin, reason, message, line) per problem;
    it never raises for bad input. ``published``/``source`` are defaults for documents that carry none;
    ``max_bytes`` caps a file (or, for JSONL/CSV, one record); articles not in ``languages`` are
    IngestErrors with reason "language" (``languages=("*",)`` accepts any; text too short to tell is
    accepted). With ``dedupe``, an article whose content id was already yielded in this call is skipped
    (the store also ignores ids it has, so re-runs add nothing).
    ``follow_links``: items of a feed *URL* whose text is a short summary get their link fetched and the
    page's main text used (None/True); False never fetches. Local feed files never trigger fetching.
    """
    if isinstance(published, str):
        published = parse_date(published)
    opts = Options(published=published, source=source, max_bytes=int(max_bytes),
                   languages=tuple(normalize_language(x) or x for x in languages), timeout=timeout,
                   follow_links=follow_links)
    seen: set[str] = set()
    for item in expand_inputs(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        if item == "-":
            results = read_stdin(opts)
        elif isinstance(item, str):
            results = read_url(item, opts)
        else:
            results = read_file(item, opts)
        for res in results:
            if isinstance(res, Article) and dedupe:
                if res.id in seen:
                    continue
                seen.add(res.id)
            yield res


def read_text(text: str, **meta: Any) -> Article:
    """An Article from a string: keywords title, url, published (date or string), source, language, origin;
    any other keyword goes to Article.meta. Raises ValueError for empty text."""
    if not isinstance(text, str):
        raise TypeError(f"read_text expects a str, got {type(text).__name__}")
    norm = normalize_text(text)
    if not norm:
        raise ValueError("read_text: the text is empty")
    fields = {k: meta.pop(k, None) for k in ("title", "url", "published", "source", "language", "origin")}
    language = normalize_language(fields["language"])
    if language is None:
        detected, confidence = detect_language(norm)
        language = detected if confidence >= MIN_LANGUAGE_CONFIDENCE else None
    return Article.from_text(norm, title=fields["title"], url=fields["url"],
                             published=parse_date(fields["published"]), source=fields["source"],
                             language=language, origin=fields["origin"],
                             meta=tuple((str(k), str(v)) for k, v in meta.items()))
