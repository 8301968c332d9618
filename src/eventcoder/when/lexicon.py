"""Date lexicons: YAML files under data/when/<lang>.yaml, extended by the user's $EVENTCODER_HOME/when/<lang>*.yaml.

Mappings are merged (user keys win) and lists are extended, so a user file only lists what it adds.
Loaded lazily, once per process and language.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import deep_merge, read_yaml
from ..paths import PACKAGE_DATA, data_home

AREA = "when"


class LexiconError(ValueError):
    """A lexicon file is missing or malformed (message says which file and why)."""


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    return deep_merge(base, extra, extend_lists=True)


def _read(path: Path) -> dict[str, Any]:
    return read_yaml(path, "lexicon", LexiconError)


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
