"""Reading http(s) URLs: a page, a feed (whose summary-only items may have their links followed) or text."""
from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

from ..records import Article, replace
from .assemble import Options, Result, run
from .fetch import fetch, is_url
from .files import HEAD_BYTES, declared_charset, read_document
from .formats import RawDoc, sniff_format
from .formats.html import read_html
from .normalize import decode_bytes, sniff_binary
from .problems import Rejected

FOLLOW_BELOW_CHARS = 500        # feed items from a feed URL with less text than this get their link fetched
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def read_url(url: str, opts: Options) -> Iterator[Result]:
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
        docs, meta = read_document(fmt, got.data, got.url, got.charset)
    except Rejected as r:
        yield r.to_error(url)
        return
    host = urlparse(got.url).hostname or None
    host = host[4:] if host and host.startswith("www.") else host
    if fmt == "feed" and opts.follow_links is not False:
        docs = (_follow(d, opts) for d in docs)
    for res in run(docs, url, fmt, opts, meta):
        if isinstance(res, Article):
            res = replace(res, url=res.url or got.url, source=res.source or host)
        yield res


def _follow(doc: RawDoc | Rejected, opts: Options) -> RawDoc | Rejected:
    """A feed item that carries only a summary: fetch its link and use the page's main text instead.

    The feed's title, date and source are kept and the page's fill in what the feed lacks; when the page
    cannot be read the summary stays and the reason is recorded in meta['link_error']."""
    if isinstance(doc, Rejected) or not doc.url or not is_url(doc.url) or len(doc.text) >= FOLLOW_BELOW_CHARS:
        return doc
    try:
        got = fetch(doc.url, max_bytes=opts.max_bytes, timeout=opts.timeout)
        if sniff_binary(got.data[:HEAD_BYTES]):
            raise Rejected("binary", f"{doc.url} is not a text page")
        page = read_html(decode_bytes(got.data, got.charset or declared_charset(got.data[:HEAD_BYTES])).text,
                         got.url)
    except Rejected as r:
        doc.meta["link_error"] = f"{r.reason}: {r.message}"
        return doc
    if len(page.text.strip()) <= len(doc.text.strip()):
        return doc
    doc.meta["summary"] = doc.text
    return RawDoc(text=page.text, title=doc.title or page.title, url=got.url,
                  published=doc.published or page.published, source=doc.source or page.source,
                  language=page.language or doc.language, meta=doc.meta)
