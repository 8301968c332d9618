"""Exports of canonical events in the formats users load them into.

    export(events, "acled", Path("events.csv"), articles={a.id: a for a in arts})  -> rows written

acled: ACLED CSV (codebook columns; only events with an ACLED event type); plover: PLOVER JSON array;
cameo: GDELT 2.0 event-table TSV (61 columns, FIPS geo codes); geojson: FeatureCollection of located events;
parquet: one flat row per event (JSON text for nested fields).
"""
from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from eventcoder import records

FORMATS = ("acled", "plover", "cameo", "geojson", "parquet")
BINARY = {"parquet"}
EXTENSIONS = {"acled": ".csv", "plover": ".json", "cameo": ".tsv", "geojson": ".geojson", "parquet": ".parquet"}


def _writer(fmt: str) -> Any:
    if fmt == "acled":
        from eventcoder.export.acled import write
    elif fmt == "plover":
        from eventcoder.export.plover import write
    elif fmt == "cameo":
        from eventcoder.export.cameo import write
    elif fmt == "geojson":
        from eventcoder.export.geojson import write
    else:
        from eventcoder.export.parquet import write
    return write


def _is_binary(out: Any) -> bool:
    if isinstance(out, io.TextIOBase):
        return False
    if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        return True
    return "b" in getattr(out, "mode", "")


def export(events: Sequence[records.Event], fmt: str, out: Path | IO, *,
           articles: Mapping[str, records.Article] = {}) -> int:
    """Write events in format ``fmt`` to a path or an open file; returns the number of records written.

    ``articles`` (id -> Article) supplies source names, URLs and publication dates where a format has them.
    """
    fmt = (fmt or "").lower().strip()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    events = list(events)
    bad = [type(e).__name__ for e in events if not isinstance(e, records.Event)]
    if bad:
        raise TypeError(f"export() needs records.Event items, got {bad[0]}")
    write = _writer(fmt)
    if isinstance(out, (str, Path)):
        path = Path(out)
        if path.is_dir():
            raise ValueError(f"{path} is a folder: give a file name such as {path / ('events' + EXTENSIONS[fmt])}")
        if not path.parent.exists():
            raise ValueError(f"cannot write {path}: folder {path.parent} does not exist")
        if fmt in BINARY:
            with open(path, "wb") as fh:
                return write(events, fh, articles)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            return write(events, fh, articles)
    if fmt in BINARY:
        if not _is_binary(out):
            raise ValueError(f"{fmt} is a binary format: pass a file path or a file opened in binary mode")
        return write(events, out, articles)
    if _is_binary(out):
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            return write(events, wrapper, articles)
        finally:
            wrapper.detach()
    return write(events, out, articles)


__all__ = ["FORMATS", "export"]
