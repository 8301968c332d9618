"""Ingestion: files, folders, feeds and URLs in; records.Article (or records.IngestError) out.

    from eventcoder.ingest import iter_articles
    for item in iter_articles(["examples/"], published=None, source=None):
        ...   # records.Article or records.IngestError

Formats: .txt, .md (YAML front matter), .html/.htm, .jsonl, .json, .csv/.tsv (incl. ACLED and UCDP GED
exports), RSS/Atom (.xml/.rss/.atom or a feed URL) and http(s) URLs; other files are sniffed.
"""
from __future__ import annotations

from .language import detect_language
from .reader import count_inputs, iter_articles, read_text
from .stage import IngestStage

__all__ = ["iter_articles", "read_text", "detect_language", "count_inputs", "IngestStage"]
