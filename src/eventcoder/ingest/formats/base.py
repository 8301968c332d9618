from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RawDoc:
    """One document as a format reader found it, before normalisation, defaults and checks."""
    text: str
    title: str | None = None
    url: str | None = None
    published: Any = None                 # date, datetime, struct_time or string; parsed by the reader
    source: str | None = None
    language: str | None = None           # as declared by the document (e.g. "en-US", "French")
    line: int | None = None               # line (JSONL/CSV) or item number (feeds) inside its container
    meta: dict[str, str] = field(default_factory=dict)
