"""Plain text and Markdown (with optional YAML front matter)."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from ..problems import Rejected
from .base import RawDoc

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_EMPH = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH1 = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)


def read_text_doc(text: str) -> RawDoc:
    return RawDoc(text=text)


def markdown_to_text(body: str) -> str:
    """Light Markdown to prose: keep words and line structure, drop markup characters."""
    body = _COMMENT.sub("", body)
    body = _IMAGE.sub(lambda m: m.group(1), body)
    body = _LINK.sub(lambda m: m.group(1), body)
    body = _HEADING.sub(lambda m: m.group(1), body)
    body = _RULE.sub("", body)
    body = _QUOTE.sub("", body)
    body = _EMPH.sub(lambda m: m.group(2), body)
    body = _EMPH1.sub(lambda m: m.group(1), body)
    return body


def _scalar(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return str(v)


def read_markdown(text: str) -> RawDoc:
    """Markdown; YAML front matter may carry title, url, published (or date), source, language."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    front: dict = {}
    m = _FRONT.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else None
            raise Rejected("malformed", f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                           line) from None
        if not isinstance(loaded, dict):
            raise Rejected("malformed", "front matter must be a YAML mapping (key: value lines)", 2)
        front = {str(k).lower(): v for k, v in loaded.items()}
        text = text[m.end():]
    published = front.get("published", front.get("date"))
    if isinstance(published, dt.datetime):
        published = published.date()
    known = {"title", "url", "link", "published", "date", "source", "language", "lang"}
    meta = {k: s for k, v in front.items() if k not in known and (s := _scalar(v)) is not None}
    return RawDoc(text=markdown_to_text(text), title=_scalar(front.get("title")),
                  url=_scalar(front.get("url") or front.get("link")), published=published,
                  source=_scalar(front.get("source")), language=_scalar(front.get("language") or front.get("lang")),
                  meta=meta)
