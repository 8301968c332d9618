"""Date lexicons: YAML files under data/when/<lang>.yaml, extended by the user's $EVENTCODER_HOME/when/<lang>*.yaml.

Mappings are merged (user keys win) and lists are extended, so a user file only lists what it adds.
Loaded lazily, once per process and language.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import PACKAGE_DATA, data_home

AREA = "when"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed (message says which file and why)."""


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, val in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(val, dict):
            out[key] = {**old, **val}
        elif isinstance(old, list) and isinstance(val, list):
            out[key] = old + [v for v in val if v not in old]
        else:
            out[key] = val
    return out


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {path} must be a YAML mapping, got {type(data).__name__}")
    return data


def lexicon_files(area: str, language: str, extra_dirs: tuple[Path, ...] = ()) -> list[Path]:
    base = PACKAGE_DATA / area / f"{language}.yaml"
    if not base.exists():
        known = sorted(p.stem for p in (PACKAGE_DATA / area).glob("*.yaml"))
        raise LexiconError(f"no {area} lexicon for language {language!r} (available: {', '.join(known) or 'none'})")
    files = [base]
    for d in (data_home() / area, *extra_dirs):
        if d.is_dir():
            files += sorted(p for p in d.glob(f"{language}*.yaml") if p.is_file())
    return files


@lru_cache(maxsize=None)
def load(language: str = "en", area: str = AREA) -> dict[str, Any]:
    """The merged lexicon for one language (cached; call `load.cache_clear()` after adding user files)."""
    data: dict[str, Any] = {}
    for path in lexicon_files(area, language):
        data = merge(data, _read(path))
    return data
