"""From paths and URLs to Articles: walk inputs, pick a format, decode, normalise, check, default.

Every failure becomes a records.IngestError with a short reason code and a message a person can act on;
nothing here raises for bad input, so a batch always goes on.
"""
from __future__ import annotations

import datetime as dt
import functools
import gzip
import io
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from ..records import Article, IngestError, replace
from .fetch import DEFAULT_TIMEOUT, fetch, is_url
from .formats import CONTAINERS, EXTENSIONS, RawDoc, sniff_format
from .formats.feed import read_feed
from .formats.html import read_html
from .formats.plain import read_markdown, read_text_doc
from .formats.tabular import read_csv, read_json, read_jsonl
from .language import detect_language
from .meta import parse_date
from .normalize import decode_bytes, normalize_text, sniff_binary
from .problems import Rejected

HEAD_BYTES = 8192
MIN_LANGUAGE_CONFIDENCE = 0.3
FOLLOW_BELOW_CHARS = 500        # feed items from a feed URL with less text than this get their link fetched
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""", re.I)

Result = Article | IngestError
STDIN = "<stdin>"


@dataclass(frozen=True)
class Options:
    published: dt.date | None = None
    source: str | None = None
    max_bytes: int = 10_000_000
    languages: tuple[str, ...] = ("en",)
    timeout: float = DEFAULT_TIMEOUT
    follow_links: bool | None = None


# ----------------------------------------------------------------------------------------- inputs
def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(root: Path) -> list[Path]:
    """Files under ``root``, recursively, hidden files and folders skipped, sorted by relative path."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not _hidden(d)]
        found += [Path(dirpath) / f for f in filenames if not _hidden(f)]
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def expand_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[str | Path | IngestError]:
    """URLs (str), files (Path) and, for paths that do not exist, an IngestError."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in paths:
        s = os.fspath(p)
        if isinstance(s, str) and (is_url(s) or s == "-"):
            yield s
            continue
        path = Path(s)
        try:
            if path.is_dir():
                yield from _walk(path)
            elif path.exists():
                yield path
            else:
                yield IngestError(origin=str(s), reason="not_found", message=f"no such file or directory: {s}")
        except OSError as exc:
            yield IngestError(origin=str(s), reason="unreadable", message=f"cannot read {s}: {exc.strerror or exc}")


def count_inputs(paths: Iterable[str | os.PathLike]) -> int:
    """How many inputs (files after walking folders, URLs, missing paths) iter_articles will visit."""
    return sum(1 for _ in expand_inputs(list(paths) if not isinstance(paths, (str, os.PathLike)) else [paths]))


# ----------------------------------------------------------------------------------------- language
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


def _language_name(code: str) -> str:
    import pycountry
    lang = pycountry.languages.get(alpha_2=code)
    return lang.name if lang else code


# ----------------------------------------------------------------------------------------- finishing
def _finish(raw: RawDoc, origin: str, fmt: str, opts: Options, extra_meta: dict[str, str]) -> Result:
    line = raw.line
    text = normalize_text(raw.text)
    if not text:
        return IngestError(origin, "empty", "no text after extraction" if fmt in ("html", "feed")
                           else "the document is empty (whitespace only)", line)
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
                           f"article is in {_language_name(language)} ({language}; {how}); only "
                           f"{', '.join(opts.languages)} can be coded for now", line)
    meta: dict[str, str] = {"format": fmt, **extra_meta, **raw.meta}
    if detected and not declared:
        meta["language_confidence"] = f"{confidence:.2f}"
    published = None
    try:
        published = parse_date(raw.published)
    except (ValueError, OverflowError):
        pass
    if raw.published and published is None:
        meta["published_raw"] = str(raw.published)
    title = " ".join(raw.title.split()) if raw.title else None
    return Article.from_text(text, title=title or None, url=raw.url or None,
                             published=published or opts.published, source=raw.source or opts.source,
                             language=language, origin=origin, meta=tuple((k, str(v)) for k, v in meta.items()))


def _run(docs: Iterable[RawDoc | Rejected], origin: str, fmt: str, opts: Options,
         extra_meta: dict[str, str]) -> Iterator[Result]:
    try:
        for d in docs:
            if isinstance(d, Rejected):
                yield d.to_error(origin)
            else:
                yield _finish(d, origin, fmt, opts, extra_meta)
    except Rejected as r:
        yield r.to_error(origin)


# ----------------------------------------------------------------------------------------- readers
def _decode(data: bytes, declared: str | None = None) -> tuple[str, dict[str, str]]:
    dec = decode_bytes(data, declared)
    meta = {"encoding": dec.encoding, "encoding_guessed": "true"} if dec.guessed else {}
    return dec.text, meta


def _declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii") if m else None


def _single(fmt: str, data: bytes, url: str | None, declared: str | None = None
            ) -> tuple[Iterable[RawDoc | Rejected], dict[str, str]]:
    """Docs of a whole-document format (everything except JSONL/CSV), plus encoding metadata."""
    if fmt == "feed":
        return read_feed(data, url), {}
    text, meta = _decode(data, declared or (_declared_charset(data[:HEAD_BYTES]) if fmt == "html" else None))
    if fmt == "markdown":
        return [read_markdown(text)], meta
    if fmt == "html":
        return [read_html(text, url)], meta
    if fmt == "json":
        return read_json(text), meta
    if fmt == "jsonl":
        import io
        return read_jsonl(io.BytesIO(data), len(data) + 1), meta
    return [read_text_doc(text)], meta


class _Rejoined:
    """The already-read head of a stream followed by the rest, for line readers (stdin cannot seek)."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self.head = io.BytesIO(head)
        self.rest = rest

    def readline(self, limit: int = -1) -> bytes:
        line = self.head.readline(limit)
        if line.endswith(b"\n") or (limit >= 0 and len(line) >= limit):
            return line
        return line + self.rest.readline(limit - len(line) if limit >= 0 else -1)


def _read_stream(fh: IO[bytes], origin: str, fmt: str | None, size: int | None, opts: Options,
                 extra: dict[str, str]) -> Iterator[Result]:
    """Read one opened input. ``size`` is the byte size when known (plain files), else None (gzip, stdin)."""
    head = fh.read(HEAD_BYTES)
    if not head:
        yield IngestError(origin, "empty", "the file is empty (0 bytes)")
        return
    fmt = fmt or sniff_format(head)
    too_large = f"over the {opts.max_bytes:,}-byte limit (raise max_bytes to read it)"
    # Size first: a huge file is rejected from its size alone, whatever its bytes look like.
    if fmt not in CONTAINERS and size is not None and size > opts.max_bytes:
        yield IngestError(origin, "too_large", f"the file is {size:,} bytes, {too_large}")
        return
    what = sniff_binary(head)
    if what:
        yield IngestError(origin, "binary", f"this is {what}, not text; eventcoder reads .txt, .md, .html, "
                                            f".jsonl, .json, .csv, .tsv (optionally .gz) and RSS/Atom feeds")
        return
    if fmt in CONTAINERS:
        joined = _Rejoined(head, fh)
        docs = read_jsonl(joined, opts.max_bytes) if fmt == "jsonl" else \
            read_csv(joined, opts.max_bytes, "\t" if fmt == "tsv" else ",")
        yield from _run(docs, origin, fmt, opts, extra)
        return
    chunks, total = [head], len(head)
    while total <= opts.max_bytes:
        # read(n) allocates n bytes up front: ask for what the file holds (+1 to notice growth)
        want = min(1 << 20, (size if size is not None else opts.max_bytes) + 1 - total, opts.max_bytes + 1 - total)
        chunk = fh.read(max(1, want))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > opts.max_bytes:
        yield IngestError(origin, "too_large", f"the {'decompressed ' if extra.get('compression') else ''}"
                                               f"document is {too_large}")
        return
    try:
        docs, meta = _single(fmt, b"".join(chunks), None)
    except Rejected as r:
        yield r.to_error(origin)
        return
    yield from _run(docs, origin, fmt, opts, {**extra, **meta})


def _read_file(path: Path, opts: Options) -> Iterator[Result]:
    origin = str(path)
    try:
        st = path.stat()
        if not path.is_file():
            yield IngestError(origin, "unreadable", "not a regular file (device, socket or pipe)")
            return
        if st.st_size == 0:
            yield IngestError(origin, "empty", "the file is empty (0 bytes)")
            return
        suffix = path.suffix.lower()
        if suffix == ".gz":
            fmt = EXTENSIONS.get(Path(path.stem).suffix.lower())
            with gzip.open(path, "rb") as fh:
                yield from _read_stream(fh, origin, fmt, None, opts, {"compression": "gzip"})
            return
        with path.open("rb") as fh:
            yield from _read_stream(fh, origin, EXTENSIONS.get(suffix), st.st_size, opts, {})
    except PermissionError:
        yield IngestError(origin, "unreadable", "permission denied")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield IngestError(origin, "malformed", f"not a valid gzip file: {exc}")
    except OSError as exc:
        yield IngestError(origin, "unreadable", f"cannot read the file: {exc.strerror or exc}")


def _read_stdin(opts: Options) -> Iterator[Result]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield IngestError(STDIN, "unreadable", "standard input is not available")
        return
    yield from _read_stream(stream, STDIN, None, None, opts, {})


def _read_url(url: str, opts: Options) -> Iterator[Result]:
    try:
        got = fetch(url, max_bytes=opts.max_bytes, timeout=opts.timeout)
        if not got.data.strip():
            raise Rejected("empty", f"the server returned no content for {url}")
        what = sniff_binary(got.data[:HEAD_BYTES])
        if what:
            raise Rejected("binary", f"{url} returned {what} ({got.content_type or 'no content type'}), not text")
        sniffed = sniff_format(got.data[:HEAD_BYTES])
        if got.content_type in _FEED_TYPES or sniffed == "feed":
            fmt = "feed"
        elif got.content_type in _HTML_TYPES or sniffed == "html":
            fmt = "html"
        elif got.content_type in ("application/json", "application/x-ndjson"):
            fmt = "jsonl" if sniffed == "jsonl" else "json"
        else:
            fmt = "markdown" if sniffed == "markdown" else "text"
        docs, meta = _single(fmt, got.data, got.url, got.charset)
    except Rejected as r:
        yield r.to_error(url)
        return
    host = urlparse(got.url).hostname or None
    host = host[4:] if host and host.startswith("www.") else host
    if fmt == "feed" and opts.follow_links is not False:
        docs = (_follow(d, opts) for d in docs)
    for res in _run(docs, url, fmt, opts, meta):
        if isinstance(res, Article):
            res = replace(res, url=res.url or got.url, source=res.source or host)
        yield res


def _follow(doc: RawDoc | Rejected, opts: Options) -> RawDoc | Rejected:
    """A feed item that carries only a summary: fetch its link and use the page's main text instead.

    The feed's title, date and source are kept unless the page has its own; when the page cannot be read
    the summary stays and the reason is recorded in meta['link_error']."""
    if isinstance(doc, Rejected) or not doc.url or not is_url(doc.url) or len(doc.text) >= FOLLOW_BELOW_CHARS:
        return doc
    try:
        got = fetch(doc.url, max_bytes=opts.max_bytes, timeout=opts.timeout)
        if sniff_binary(got.data[:HEAD_BYTES]):
            raise Rejected("binary", f"{doc.url} is not a text page")
        page = read_html(decode_bytes(got.data, got.charset or _declared_charset(got.data[:HEAD_BYTES])).text,
                         got.url)
    except Rejected as r:
        doc.meta["link_error"] = f"{r.reason}: {r.message}"
        return doc
    if len(page.text.strip()) <= len(doc.text.strip()):
        return doc
    doc.meta["summary"] = doc.text
    return RawDoc(text=page.text, title=doc.title or page.title, url=got.url, published=doc.published or page.published,
                  source=doc.source or page.source, language=page.language or doc.language, meta=doc.meta)


# ----------------------------------------------------------------------------------------- public API
def iter_articles(paths: Iterable[str | os.PathLike], *, published: dt.date | None = None,
                  source: str | None = None, max_bytes: int = 10_000_000, languages: Sequence[str] = ("en",),
                  timeout: float = DEFAULT_TIMEOUT, dedupe: bool = True,
                  follow_links: bool | None = None) -> Iterator[Result]:
    """Read articles from files, folders (recursive, sorted, hidden skipped), feeds, http(s) URLs and "-" (stdin).

    Yields an Article per readable document and an IngestError (origin, reason, message, line) per problem;
    it never raises for bad input. ``published``/``source`` are defaults for documents that carry none;
    ``max_bytes`` caps a file (or, for JSONL/CSV, one record); articles not in ``languages`` are
    IngestErrors with reason "language" (``languages=("*",)`` accepts any; undetectable text is accepted). With ``dedupe``, an article whose content id was already yielded
    in this call is skipped (the store also ignores ids it has, so re-runs add nothing).
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
            results = _read_stdin(opts)
        elif isinstance(item, str):
            results = _read_url(item, opts)
        else:
            results = _read_file(item, opts)
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
