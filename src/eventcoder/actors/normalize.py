"""Text normalization for actor matching: diacritic-, case- and transliteration-insensitive tokens.

Every alias in the knowledge base and every text the resolver reads goes through `tokenize`, so the index
compares like with like. A token keeps its character offsets into the original text so that a match can
be reported as a span.

Folding rules (applied to each token after lower-casing and stripping diacritics):
- apostrophes inside a word vanish ("Jama'at" -> "jamaat"); a trailing possessive "'s" is dropped
  ("Ukraine's" -> "ukraine");
- hyphens and other punctuation separate tokens ("wal-Muslimin" -> "wal", "muslimin");
- a small transliteration key folds common Arabic/French/English spelling variants: doubled letters
  collapse ("Shabaab" = "Shabab"), "ou" -> "u" ("Ansaroul" = "Ansarul"), "q" -> "k" ("Qaeda" = "Kaeda"),
  "ae"/"ai" -> "a" ("Qaeda" = "Qaida"), "ph" -> "f", "dh" -> "d", "kh" -> "k", "ee" -> "i", "y" after a
  consonant at word end -> "i" ("Houthy" = "Houthi").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Token", "fold", "key", "tokenize", "norm_key"]

# letters that NFKD does not decompose
_SPECIAL = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "ð": "d"})
_APOS = "'’ʼ‘`´"
# a word: letters/digits, possibly joined by apostrophes ("Jama'at", "Ukraine's"); "." inside acronyms ("U.S.")
_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:[" + _APOS + r"][^\W_]+)*[" + _APOS + r"]?", re.UNICODE)


class Token(NamedTuple):
    key: str        # folded form used for matching
    start: int      # offsets into the original text
    end: int
    text: str       # original text of the token
    upper: bool     # starts with an upper-case letter in the original

    @property
    def caps(self) -> bool:
        """All letters upper-case (an acronym as written: "US", "AU", "IS")."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


def fold(text: str) -> str:
    """Lower-case, strip diacritics ("Maïga" -> "maiga", "Türkiye" -> "turkiye")."""
    text = text.translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


_RULES = [(re.compile(r"(.)\1+"), r"\1"), (re.compile("ph"), "f"), (re.compile("dh"), "d"), (re.compile("kh"), "k"),
          (re.compile("q"), "k"), (re.compile("ou"), "u"), (re.compile("ee"), "i"), (re.compile("a[ei]"), "a"),
          (re.compile(r"(?<=[^aeiou])y$"), "i")]


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """Transliteration key of one already-split word (see module doc)."""
    w = fold(word)
    if len(w) <= 4 and word.isupper():      # an acronym as written ("AES", "HUR"): no spelling folding
        return w.replace(".", "")
    for ch in _APOS:
        w = w.replace(ch, "")
    w = w.replace(".", "")
    if len(w) <= 2:        # keep short words (acronym parts, "al", "wa") as they are
        return w
    for rx, rep in _RULES:
        w = rx.sub(rep, w)
    return w


def tokenize(text: str) -> list[Token]:
    """Split text into matchable tokens with offsets (possessive "'s" dropped from the token span)."""
    out: list[Token] = []
    for m in _WORD.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        if len(word) > 2 and word[-2] in _APOS and word[-1] in "sS":      # possessive "'s"
            word, end = word[:-2], end - 2
        if word and word[-1] in _APOS:
            word, end = word[:-1], end - 1
        if not word:
            continue
        k = key(word)
        if k:
            out.append(Token(k, start, end, word, word[0].isupper()))
    return out


def norm_key(text: str) -> tuple[str, ...]:
    """The token-key sequence of a phrase (what the index stores for an alias)."""
    return tuple(t.key for t in tokenize(text))
