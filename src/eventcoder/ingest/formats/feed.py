"""RSS and Atom feeds via feedparser; each item's content (or description) is the article text.

An item with a link but no text is still passed on: for a feed URL its link may be followed (remote.py);
otherwise it becomes an "empty" IngestError naming the item."""
from __future__ import annotations

from collections.abc import Iterator

from ..problems import Rejected
from .base import RawDoc
from .html import fragment_to_text


def read_feed(data: bytes, url: str | None = None) -> Iterator[RawDoc | Rejected]:
    import feedparser                      # lazy

    parsed = feedparser.parse(data, response_headers={"content-location": url} if url else None)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            raise Rejected("malformed", f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        if not parsed.get("version"):
            raise Rejected("malformed", "not an RSS or Atom feed (no <rss> or <feed> element)")
        raise Rejected("empty", "the feed has no items")
    feed = parsed.get("feed", {})
    feed_title = feed.get("title")
    feed_lang = feed.get("language")
    for i, e in enumerate(entries, 1):
        body = ""
        for c in e.get("content") or ():
            if c.get("value"):
                body = c["value"]
                break
        body = body or e.get("summary") or e.get("description") or ""
        text = fragment_to_text(body)
        title = e.get("title")
        if not text.strip() and not e.get("link"):
            label = f"item {i}" + (f" ({title!r})" if title else "")
            yield Rejected("empty", f"{label} has no text in its description or content, and no link")
            continue
        meta = {"item": str(i)}
        if e.get("id"):
            meta["guid"] = str(e["id"])
        if feed_title:
            meta["feed"] = str(feed_title)
        published = e.get("published_parsed") or e.get("updated_parsed") or e.get("published")
        src = (e.get("source") or {}).get("title") or feed_title
        yield RawDoc(text=text, title=title, url=e.get("link"), published=published, source=src,
                     language=feed_lang, meta=meta)
