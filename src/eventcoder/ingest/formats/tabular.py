"""JSON Lines, JSON and CSV/TSV: many articles per file, streamed; one bad row never stops the others.

Columns are matched through data/ingest/columns.yaml, so ACLED exports (notes, event_date) and UCDP GED
(source_headline, date_start) read without options. Each physical line is read with a cap, so a huge row
is rejected as too_large without loading it whole.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from typing import Any, Protocol

from ..normalize import decode_bytes
from ..problems import Rejected
from ..meta import column_aliases, map_columns, pick
from .base import RawDoc
from .html import fragment_to_text

_CHUNK = 1 << 20
_HTML_TEXT = re.compile(r"</(?:p|div|span|a|li|h[1-6])>|<br\s*/?>", re.I)


class LineSource(Protocol):
    def readline(self, limit: int = -1, /) -> bytes: ...


def _capped_lines(fh: LineSource, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) for each physical line; bytes is None when the line exceeds max_bytes
    (the rest of that line is skipped in chunks, never held in memory)."""
    n = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:                      # skip the remainder of the oversized line
                chunk = fh.readline(_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line


def _decode_line(raw: bytes, n: int) -> str:
    if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return decode_bytes(raw).text


def _from_record(rec: dict[str, Any], mapping: dict[str, str], line: int) -> RawDoc:
    text = pick(rec, mapping, "text")
    if text is None:
        if "text" not in mapping:
            names = ", ".join(column_aliases()["text"])
            raise Rejected("malformed", f"record has no text field (looked for: {names})", line)
        raise Rejected("empty", "the record's text field is empty", line)
    if not isinstance(text, str):
        raise Rejected("malformed", f"the text field {mapping['text']!r} is not a string", line)
    meta: dict[str, str] = {}
    if _HTML_TEXT.search(text):                 # scraped dumps often store the page body as HTML
        text = fragment_to_text(text)
        meta["html_stripped"] = "true"
    rid = pick(rec, mapping, "id")
    if rid is not None:
        meta["record_id"] = str(rid)
    meta["line"] = str(line)
    def s(field: str) -> str | None:
        v = pick(rec, mapping, field)
        # only scalars are metadata (a PLOVER record's "source" is a list of actors, not an outlet)
        return str(v) if isinstance(v, (str, int, float)) and not isinstance(v, bool) else None
    return RawDoc(text=text, title=s("title"), url=s("url"), published=s("published"),
                  source=s("source"), language=s("language"), line=line, meta=meta)


def read_jsonl(fh: LineSource, max_bytes: int) -> Iterator[RawDoc | Rejected]:
    """One JSON object per line; blank lines are skipped."""
    for n, raw in _capped_lines(fh, max_bytes):
        if raw is None:
            yield Rejected("too_large", f"line is over the {max_bytes:,}-byte limit", n)
            continue
        if not raw.strip():
            continue
        try:
            rec = json.loads(_decode_line(raw, n))
        except Rejected as r:
            r.line = n
            yield r
            continue
        except json.JSONDecodeError as exc:
            yield Rejected("malformed", f"not valid JSON: {exc.msg} (column {exc.colno})", n)
            continue
        if not isinstance(rec, dict):
            yield Rejected("malformed", f"expected a JSON object, got {type(rec).__name__}", n)
            continue
        try:
            yield _from_record(rec, map_columns(list(rec)), n)
        except Rejected as r:
            yield r


def read_json(text: str) -> Iterator[RawDoc | Rejected]:
    """A JSON document: one article object, or a list of them."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Rejected("malformed", f"not valid JSON: {exc.msg}", exc.lineno) from None
    items = data if isinstance(data, list) else [data]
    for i, rec in enumerate(items, 1):
        if not isinstance(rec, dict):
            yield Rejected("malformed", f"item {i} is not a JSON object", None)
            continue
        try:
            doc = _from_record(rec, map_columns(list(rec)), i)
        except Rejected as r:
            r.line = None
            r.message = f"item {i}: {r.message}"
            yield r
            continue
        doc.line = None if len(items) == 1 else doc.line
        doc.meta.pop("line", None)
        if len(items) > 1:
            doc.meta["item"] = str(i)
        yield doc


def read_csv(fh: LineSource, max_bytes: int, delimiter: str = ",") -> Iterator[RawDoc | Rejected]:
    """CSV/TSV with a header row. Rows whose field count differs from the header are errors."""
    too_long: list[int] = []
    bad_enc: list[tuple[int, Rejected]] = []

    def lines() -> Iterator[str]:
        for n, raw in _capped_lines(fh, max_bytes):
            if raw is None:
                too_long.append(n)
                yield "\n"
                continue
            try:
                yield _decode_line(raw, n)
            except Rejected as r:
                bad_enc.append((n, r))
                yield "\n"

    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, max_bytes))
    try:
        reader = csv.reader(lines(), delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise Rejected("empty", "the CSV file has no rows") from None
        except csv.Error as exc:
            raise Rejected("malformed", f"cannot read the CSV header: {exc}", 1) from None
        if len(header) == 1 and delimiter == "," and ("\t" in header[0] or ";" in header[0]):
            raise Rejected("malformed", "the header has one column: is this file tab- or semicolon-separated? "
                                        "(use .tsv for tab-separated files)", 1)
        mapping = map_columns(header)
        if "text" not in mapping:
            names = ", ".join(column_aliases()["text"])
            raise Rejected("malformed", f"no text column in the CSV header (looked for: {names}; "
                                        f"found: {', '.join(header[:12])})", 1)
        last = reader.line_num
        while True:
            start = last + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                last = reader.line_num
                why = str(exc)
                if "unexpected end of data" in why:
                    why = "a quoted field is never closed"
                elif "expected after" in why:
                    why = "a closing quote is followed by text (quotes inside a field must be doubled)"
                yield Rejected("malformed", f"unreadable CSV row: {why}", start)
                continue
            last = reader.line_num
            if too_long and too_long[0] <= last:
                n = too_long.pop(0)
                yield Rejected("too_large", f"line is over the {max_bytes:,}-byte limit", n)
                continue
            if bad_enc and bad_enc[0][0] <= last:
                n, r = bad_enc.pop(0)
                r.line = n
                yield r
                continue
            if not row or all(not c.strip() for c in row):
                continue
            if len(row) != len(header):
                yield Rejected("malformed", f"row has {len(row)} fields, the header has {len(header)}", start)
                continue
            try:
                yield _from_record(dict(zip(header, row)), mapping, start)
            except Rejected as r:
                yield r
    finally:
        csv.field_size_limit(old_limit)
