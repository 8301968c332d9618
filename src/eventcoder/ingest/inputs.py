"""Expanding the inputs of a run: URLs, "-" (stdin), files and folders (walked recursively, sorted,
hidden files and folders skipped)."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import IngestError
from .fetch import is_url


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
