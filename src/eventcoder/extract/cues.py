"""Cue word lists (data/extract/cues.yaml, overridable per key by $EVENTCODER_HOME/extract/cues.yaml)."""
from __future__ import annotations

from functools import lru_cache

import yaml

from ..paths import PACKAGE_DATA, data_home


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, frozenset[str]]]:
    with open(PACKAGE_DATA / "extract" / "cues.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    user = data_home() / "extract" / "cues.yaml"
    if user.exists():
        with open(user, encoding="utf-8") as fh:
            for section, lists in (yaml.safe_load(fh) or {}).items():
                data.setdefault(section, {}).update(lists or {})
    return {sec: {k: frozenset(str(w).lower() for w in v) for k, v in lists.items()} for sec, lists in data.items()}
