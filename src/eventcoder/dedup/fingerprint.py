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
_PRIME = (1 << 31) - 1         # Mersenne prime for universal hashing (products fit in 64 bits)
EMPTY = _PRIME                 # signature value of a text without words


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
    return {struct.unpack("<Q", hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest())[0] % _PRIME
            for g in grams}


def _coeffs(n: int) -> list[tuple[int, int]]:
    out = []
    for i in range(n):
        h = hashlib.sha256(f"eventcoder-minhash-{i}".encode()).digest()
        a = int.from_bytes(h[:8], "little") % _PRIME or 1
        b = int.from_bytes(h[8:16], "little") % _PRIME
        out.append((a, b))
    return out


_COEFFS: dict[int, tuple] = {}


def minhash(text: str, permutations: int | None = None) -> list[int]:
    """MinHash signature (values < 2**31) of the text's word shingles; a text without words -> all EMPTY."""
    import numpy as np

    n = permutations or int(settings()["fingerprint"]["permutations"])
    if n not in _COEFFS:
        c = _coeffs(n)
        _COEFFS[n] = (np.array([a for a, _ in c], dtype=np.uint64)[:, None],
                      np.array([b for _, b in c], dtype=np.uint64)[:, None])
    a, b = _COEFFS[n]
    sh = shingles(text)
    if not sh:
        return [EMPTY] * n
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))[None, :]
    return [int(v) for v in ((a * x + b) % np.uint64(_PRIME)).min(axis=1)]


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


def digest(sig: Sequence[int]) -> str:
    """A short printable fingerprint of a signature."""
    return hashlib.blake2b(",".join(map(str, sig)).encode(), digest_size=8).hexdigest()


def fingerprint(text: str) -> str:
    """A short printable fingerprint (hex digest of the text's MinHash signature)."""
    return digest(minhash(text))
