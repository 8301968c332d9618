"""Casualty lexicons: data/casualties/<lang>.yaml, extended by $EVENTCODER_HOME/casualties/<lang>*.yaml.

Mappings are merged (user keys win), lists are extended. Loaded lazily, once per process and language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import deep_merge, read_yaml
from ..paths import PACKAGE_DATA, data_home

AREA = "casualties"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed (the message names the file)."""


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return deep_merge(base, extra, extend_lists=True)


def _read(path: Path) -> dict[str, Any]:
    return read_yaml(path, "casualty lexicon", LexiconError)


@lru_cache(maxsize=None)
def load(language: str = "en") -> dict[str, Any]:
    """The merged lexicon for `language` (cached; `load.cache_clear()` after adding user files)."""
    base = PACKAGE_DATA / AREA / f"{language}.yaml"
    if not base.exists():
        known = sorted(p.stem for p in (PACKAGE_DATA / AREA).glob("*.yaml"))
        raise LexiconError(f"no casualty lexicon for language {language!r} (available: {', '.join(known)})")
    data = _read(base)
    user = data_home() / AREA
    if user.is_dir():
        for path in sorted(user.glob(f"{language}*.yaml")):
            data = _merge(data, _read(path))
    return data


def alt(words: Any) -> str:
    """Regex alternation of lexicon phrases, longest first; spaces match any whitespace."""
    ws = sorted({str(w) for w in (words or [])}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or r"(?!x)x"


def norm(s: str) -> str:
    return " ".join(s.lower().split())
