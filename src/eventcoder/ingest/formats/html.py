"""HTML: main text and metadata with trafilatura; a small stdlib converter for fragments (feed items)."""
from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from ..problems import Rejected
from .base import RawDoc

_BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "blockquote", "pre", "header", "footer", "hr", "dd", "dt", "figcaption", "td", "th"}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        if tag in _SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):  # noqa: ANN001
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def fragment_to_text(html: str) -> str:
    """HTML fragment (a feed description, a page trafilatura cannot read) to plain text, paragraphs kept."""
    if "<" not in html and "&" not in html:
        return html
    p = _TextParser()
    p.feed(html)
    p.close()
    text = "".join(p.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip()


def read_html(html: str, url: str | None = None) -> RawDoc:
    """Main text of a web page (boilerplate removed) with its title, date, site name and language."""
    import trafilatura                      # lazy: heavy import

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as exc:               # trafilatura raises assorted lxml errors on broken markup
        doc = None
        logging.getLogger(__name__).debug("trafilatura failed on %s: %s", url, exc)
    if doc is not None:
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = d.get("text") or ""
        if text.strip():
            meta = {k: str(d[k]) for k in ("author", "description", "hostname") if d.get(k)}
            return RawDoc(text=text, title=d.get("title"), url=d.get("url") or url, published=d.get("date"),
                          source=d.get("sitename") or d.get("hostname"), language=d.get("language"), meta=meta)
    # Fallback: very short pages that trafilatura rejects; keep all visible text.
    p = _TextParser()
    p.feed(html)
    p.close()
    text = fragment_to_text(html)
    if not text.strip():
        raise Rejected("empty", "the HTML page has no visible text")
    return RawDoc(text=text, title=" ".join("".join(p.title).split()) or None, url=url)
