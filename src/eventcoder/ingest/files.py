"""Reading local inputs: plain files, gzip-compressed files and standard input, as one byte stream each.

JSONL/CSV are streamed record by record; other formats are read whole, up to the size limit.
"""
from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..records import IngestError
from .assemble import Options, Result, run
from .formats import CONTAINERS, EXTENSIONS, RawDoc, sniff_format
from .formats.feed import read_feed
from .formats.html import read_html
from .formats.plain import read_markdown, read_text_doc
from .formats.tabular import read_csv, read_json, read_jsonl
from .normalize import decode_bytes, sniff_binary
from .problems import Rejected

HEAD_BYTES = 8192
STDIN = "<stdin>"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""", re.I)


def _decode(data: bytes, declared: str | None = None) -> tuple[str, dict[str, str]]:
    dec = decode_bytes(data, declared)
    meta = {"encoding": dec.encoding, "encoding_guessed": "true"} if dec.guessed else {}
    return dec.text, meta


def declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii") if m else None


def read_document(fmt: str, data: bytes, url: str | None,
                  declared: str | None = None) -> tuple[Iterable[RawDoc | Rejected], dict[str, str]]:
    """Docs of a whole-document format (everything except JSONL/CSV), plus encoding metadata."""
    if fmt == "feed":
        return read_feed(data, url), {}
    text, meta = _decode(data, declared or (declared_charset(data[:HEAD_BYTES]) if fmt == "html" else None))
    if fmt == "markdown":
        return [read_markdown(text)], meta
    if fmt == "html":
        return [read_html(text, url)], meta
    if fmt == "json":
        return read_json(text), meta
    if fmt == "jsonl":
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
        yield IngestError(origin, "empty", "the input is empty (0 bytes)")
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
        yield from run(docs, origin, fmt, opts, extra)
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
        docs, meta = read_document(fmt, b"".join(chunks), None)
    except Rejected as r:
        yield r.to_error(origin)
        return
    yield from run(docs, origin, fmt, opts, {**extra, **meta})


def read_file(path: Path, opts: Options) -> Iterator[Result]:
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


def read_stdin(opts: Options) -> Iterator[Result]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        yield IngestError(STDIN, "unreadable", "standard input is not available")
        return
    yield from _read_stream(stream, STDIN, None, None, opts, {})
