"""Readers for each input format. Each turns bytes or text into RawDoc records (or raises Rejected)."""
from __future__ import annotations

from .base import RawDoc

# Extension -> format name. Unknown extensions are sniffed from the first bytes (see sniff_format).
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    # ".gz": the format of the name without .gz (rows.jsonl.gz), decompressed as a stream
}
CONTAINERS = {"jsonl", "csv", "tsv"}      # streamed: the size limit applies per record, not per file


def sniff_format(head: bytes) -> str:
    """Guess a format from the first bytes of a document whose extension says nothing."""
    s = head.lstrip(b"\xef\xbb\xbf").lstrip()[:2048].lower()
    if s.startswith(b"---\n") or s.startswith(b"---\r\n"):
        return "markdown"
    if s.startswith(b"<?xml") or s.startswith(b"<rss") or s.startswith(b"<feed"):
        return "feed" if (b"<rss" in s or b"<feed" in s or b"<rdf:rdf" in s) else "html"
    if s.startswith(b"<!doctype html") or s.startswith(b"<html") or b"<body" in s:
        return "html"
    if s.startswith(b"{"):
        return "jsonl"
    if s.startswith(b"["):
        return "json"
    return "text"


__all__ = ["RawDoc", "EXTENSIONS", "CONTAINERS", "sniff_format"]
