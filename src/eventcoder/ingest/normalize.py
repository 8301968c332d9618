"""Bytes to text: binary sniffing, encoding detection and minimal normalisation.

Normalisation is deliberately minimal so that character offsets stay meaningful: the byte-order mark is
dropped, newlines become ``\\n`` and surrounding whitespace is trimmed. ``Article.text`` is exactly the
string that every later ``Span`` indexes into.
"""
from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from .problems import Rejected

# File signatures of common non-text formats, so the message can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an OLE document (DOC/XLS)"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"SQLite format 3", "an SQLite database"),
)

_TEXT_CONTROLS = {"\t", "\n", "\r", "\f", "\v", "\x1b"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool          # True when the bytes were not valid UTF-8 and a legacy encoding was assumed


def sniff_binary(head: bytes) -> str | None:
    """Return a description when ``head`` (the first KBs of a file) is not text, else None."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None        # UTF-16 text with a BOM: has NULs but is text
    if b"\x00" in head:
        return "binary data (contains NUL bytes)"
    if head:
        controls = sum(1 for b in head if b < 32 and chr(b) not in _TEXT_CONTROLS)
        if controls / len(head) > 0.05:
            return "binary data (control characters)"
    return None


def _looks_like_text(text: str) -> bool:
    """Whether a legacy-decoded string is plausible prose rather than mis-decoded garbage."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return True
    non_ascii = [c for c in chars if ord(c) > 127]
    if not non_ascii:
        return True
    if len(non_ascii) / len(chars) > 0.3:
        return False
    ok = 0
    for c in non_ascii:
        cat = unicodedata.category(c)
        # letters (é, ñ), typographic punctuation (’ “ – …), currency and a few symbols (°, €, ©)
        if cat[0] == "L" or cat in ("Pi", "Pf", "Pd", "Po", "Ps", "Pe", "Sc", "So", "No", "Zs", "Sk", "Sm"):
            ok += 1
    return ok / len(non_ascii) >= 0.8 and not any(unicodedata.category(c) == "Cc" for c in non_ascii)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode bytes: UTF-8 (with or without BOM), UTF-16 with BOM, a declared charset, then cp1252/latin-1.

    Raises Rejected("encoding") when no encoding gives plausible text.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig", False)
        except UnicodeDecodeError as exc:
            raise Rejected("encoding", f"starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                                       f"(byte {exc.start})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", False)
        except UnicodeDecodeError:
            raise Rejected("encoding", "starts with a UTF-16 byte-order mark but is not valid UTF-16") from None
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    candidates: list[str] = []
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    candidates += ["cp1252", "latin-1"]
    for enc in dict.fromkeys(candidates):
        if enc in ("utf-8", "utf_8"):
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return Decoded(text, enc, True)
    raise Rejected("encoding", f"not valid UTF-8 (first bad byte at offset {bad_at}) and not plausible "
                               f"cp1252/latin-1 text either")


def normalize_text(text: str) -> str:
    """Minimal normalisation: drop BOMs, newlines to ``\\n``, trim surrounding whitespace."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\x00", "")
    return text.strip()
