"""Casualty lexicons: data/casualties/<lang>.yaml, extended by $EVENTCODER_HOME/casualties/<lang>*.yaml.

Mappings are merged (user keys win), lists are extended. Loaded lazily, once per process and language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import PACKAGE_DATA, data_home

AREA = "casualties"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed (the message names the file)."""


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, val in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(val, dict):
            out[key] = _merge(old, val)
        elif isinstance(old, list) and isinstance(val, list):
            out[key] = old + [v for v in val if v not in old]
        else:
            out[key] = val
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read casualty lexicon {path}: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"casualty lexicon {path} must be a YAML mapping, got {type(data).__name__}")
    return data


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
