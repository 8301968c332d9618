"""Name folding shared by the gazetteer index and the resolver: one function, so index and query agree."""
from __future__ import annotations

import functools
import re
import unicodedata

_DROP = str.maketrans({"'": None, "\u2019": None, "\u2018": None, "`": None, ".": None, "\u02bc": None})
_SPACE = re.compile(r"[\s\-\u2010-\u2015_/,;:()\[\]\"]+")
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "point"}


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower-case, accent-free, punctuation-light key: "Ti-n-Zaouâtene" -> "ti n zaouatene", "U.S." -> "us"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.lower().translate(_DROP)
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def variants(key: str) -> list[str]:
    """Other spellings of a folded key worth trying: "st louis" -> "saint louis", "tinzaouaten" unchanged."""
    out = [key]
    words = key.split()
    if words and words[0] in _ABBREV:
        out.append(" ".join([_ABBREV[words[0]], *words[1:]]))
    if " " in key:
        out.append(key.replace(" ", ""))
    return out


def is_latin(name: str) -> bool:
    """True when a name is written in Latin script (non-Latin alternate names are dropped from the index)."""
    for ch in name:
        if ch.isalpha() and not ("LATIN" in unicodedata.name(ch, "")):
            return False
    return True
