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


_SKELETON_RULES: tuple[tuple[str, str], ...] | None = None
_SKELETON_RE: tuple[re.Pattern, dict[str, str]] | None = None


def _skeleton_re() -> tuple[re.Pattern, dict[str, str]]:
    """The rules as one pattern (alternatives in file order, applied in one left-to-right pass)."""
    global _SKELETON_RE
    if _SKELETON_RE is None:
        rules = _skeleton_rules()
        table = {}
        for a, b in rules:
            table.setdefault(a, b)
        pat = re.compile("|".join(re.escape(a) for a in table) if table else r"(?!x)x")
        _SKELETON_RE = (pat, table)
    return _SKELETON_RE


def _skeleton_rules() -> tuple[tuple[str, str], ...]:
    """Spelling rules from data/geo/spelling.yaml (and the user's file of the same name): ordered (from, to)
    replacements that map the transliterations of one name to one key ("Ouagadougou" / "Wagadugu")."""
    global _SKELETON_RULES
    if _SKELETON_RULES is None:
        from eventcoder.datafiles import deep_merge, read_yaml
        from eventcoder.geo.gazetteer import gazetteer_home
        from eventcoder.paths import PACKAGE_DATA
        data: dict = {}
        for p in (PACKAGE_DATA / "geo" / "spelling.yaml", gazetteer_home() / "spelling.yaml"):
            if p.exists():
                data = deep_merge(data, read_yaml(p, "geo spelling rules"), extend_lists=True)
        rules = []
        for item in data.get("replace") or ():
            a, _, b = str(item).partition("=")
            if a.strip():
                rules.append((a.strip(), b.strip()))
        _SKELETON_RULES = tuple(rules)
    return _SKELETON_RULES


_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """A spelling-insensitive key of a folded name: French/English transliterations ("ou"/"u"/"w", "dj"/"j",
    "tch"/"ch", "y"/"i"), doubled letters, spaces and a final silent "e" are levelled out, so that "Tin-Hamma",
    "Tin Hama" and "Tinhama" share one key. Rules: data/geo/spelling.yaml."""
    pat, table = _skeleton_re()
    s = pat.sub(lambda m: table[m.group()], key.replace(" ", ""))
    s = _DOUBLE.sub(r"\1", s)
    if len(s) > 4 and s.endswith("e"):
        s = s[:-1]
    return s
