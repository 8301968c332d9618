"""Content fingerprints of articles: MinHash of word shingles, banded for locality-sensitive lookup.

Two syndicated copies of one wire story (other headline, a byline, a trimmed last paragraph) share most of
their word 4-shingles; their MinHash signatures agree in about Jaccard(A, B) of the positions.
"""
from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence

from eventcoder.dedup.config import settings

_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 61) - 1          # Mersenne prime for universal hashing


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def shingles(text: str, k: int | None = None) -> set[int]:
    """Hashed word k-shingles of a text (64-bit ints)."""
    k = k or int(settings()["fingerprint"]["shingle"])
    words = _words(text)
    if len(words) < k:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + k]) for i in range(len(words) - k + 1)]
    return {struct.unpack("<Q", hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest())[0] for g in grams}


def _coeffs(n: int) -> list[tuple[int, int]]:
    out = []
    for i in range(n):
        h = hashlib.sha256(f"eventcoder-minhash-{i}".encode()).digest()
        a = int.from_bytes(h[:8], "little") % _MASK or 1
        b = int.from_bytes(h[8:16], "little") % _MASK
        out.append((a, b))
    return out


_COEFFS: dict[int, list[tuple[int, int]]] = {}


def minhash(text: str, permutations: int | None = None) -> list[int]:
    """MinHash signature (values < 2**61) of the text's word shingles; empty text -> all max values."""
    n = permutations or int(settings()["fingerprint"]["permutations"])
    coeffs = _COEFFS.setdefault(n, _coeffs(n))
    sh = shingles(text)
    if not sh:
        return [_MASK] * n
    return [min((a * s + b) % _MASK for s in sh) for a, b in coeffs]


def similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    return sum(1 for x, y in zip(sig_a, sig_b) if x == y) / len(sig_a)


def bands(sig: Sequence[int], n_bands: int | None = None) -> list[str]:
    """LSH band keys: two signatures sharing any band key are candidate near-duplicates."""
    n_bands = n_bands or int(settings()["fingerprint"]["bands"])
    rows = max(1, len(sig) // n_bands)
    out = []
    for i in range(n_bands):
        chunk = ",".join(str(v) for v in sig[i * rows:(i + 1) * rows])
        out.append(f"{i}:" + hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest())
    return out


def fingerprint(text: str) -> str:
    """A short printable fingerprint (hex digest of the MinHash signature)."""
    sig = minhash(text)
    return hashlib.blake2b(",".join(map(str, sig)).encode(), digest_size=8).hexdigest()
