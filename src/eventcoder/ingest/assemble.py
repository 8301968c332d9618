"""Assembling an Article from what a format reader found: normalise, check size and language, apply defaults.

Every failure becomes a records.IngestError with a short reason code and a message a person can act on.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Article, IngestError
from .fetch import DEFAULT_TIMEOUT
from .formats import RawDoc
from .language import detect_language
from .meta import parse_date
from .normalize import normalize_text
from .problems import Rejected

MIN_LANGUAGE_CONFIDENCE = 0.3
Result = Article | IngestError


@dataclass(frozen=True)
class Options:
    published: dt.date | None = None
    source: str | None = None
    max_bytes: int = 10_000_000
    languages: tuple[str, ...] = ("en",)
    timeout: float = DEFAULT_TIMEOUT
    follow_links: bool | None = None


@functools.lru_cache(maxsize=256)
def normalize_language(value: str | None) -> str | None:
    """'en-US' -> 'en', 'fra' -> 'fr', 'French' -> 'fr'; None when unknown."""
    if not value:
        return None
    v = str(value).strip().lower().replace("_", "-")
    code = v.split("-")[0]
    if len(code) == 2 and code.isalpha():
        return code
    import pycountry                          # lazy
    try:
        lang = pycountry.languages.lookup(code if len(code) == 3 else v)
    except LookupError:
        return None
    return getattr(lang, "alpha_2", None)


def language_name(code: str) -> str:
    import pycountry
    lang = pycountry.languages.get(alpha_2=code)
    return lang.name if lang else code


def finish(raw: RawDoc, origin: str, fmt: str, opts: Options, extra_meta: dict[str, str]) -> Result:
    line = raw.line
    text = normalize_text(raw.text)
    if not text:
        if fmt == "feed":
            label = f"item {raw.meta.get('item', '?')}" + (f" ({raw.title!r})" if raw.title else "")
            why = f"{label} has no text in its description or content"
            if raw.meta.get("link_error"):
                why += f", and its link could not be read ({raw.meta['link_error']})"
        else:
            why = "no text after extraction" if fmt == "html" else "the document is empty (whitespace only)"
        return IngestError(origin, "empty", why, line)
    size = len(text.encode("utf-8"))
    if size > opts.max_bytes:
        return IngestError(origin, "too_large", f"article text is {size:,} bytes, over the {opts.max_bytes:,}-byte "
                                                f"limit", line)
    declared = normalize_language(raw.language)
    detected, confidence = detect_language(text)
    language = declared or (detected if confidence >= MIN_LANGUAGE_CONFIDENCE else None)
    if language and language not in opts.languages and "*" not in opts.languages:
        how = (f"declared as {raw.language!r}" if declared
               else f"detected from stopwords, confidence {confidence:.2f}")
        return IngestError(origin, "language",
                           f"article is in {language_name(language)} ({language}; {how}); only "
                           f"{', '.join(opts.languages)} can be coded for now", line)
    meta: dict[str, str] = {"format": fmt, **extra_meta, **raw.meta}
    if detected and not declared:
        if language == detected:
            meta["language_confidence"] = f"{confidence:.2f}"
        else:                                  # too little evidence to act on; kept for the curious
            meta["language_guess"] = f"{detected} {confidence:.2f}"
    published = None
    try:
        published = parse_date(raw.published)
    except (ValueError, OverflowError, TypeError):
        pass
    if raw.published and published is None:
        meta["published_raw"] = str(raw.published)
    title = " ".join(raw.title.split()) if raw.title else None
    return Article.from_text(text, title=title or None, url=raw.url or None,
                             published=published or opts.published, source=raw.source or opts.source,
                             language=language, origin=origin, meta=tuple((k, str(v)) for k, v in meta.items()))


def run(docs: Iterable[RawDoc | Rejected], origin: str, fmt: str, opts: Options,
        extra_meta: dict[str, str]) -> Iterator[Result]:
    """Turn a reader's output into Articles and IngestErrors; a reader that gives up mid-way ends as one error."""
    try:
        for d in docs:
            if isinstance(d, Rejected):
                yield d.to_error(origin)
            else:
                yield finish(d, origin, fmt, opts, extra_meta)
    except Rejected as r:
        yield r.to_error(origin)
