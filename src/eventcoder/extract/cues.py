"""Cue word lists (data/extract/cues.yaml, overridable per key by $EVENTCODER_HOME/extract/cues.yaml)."""
from __future__ import annotations

from functools import lru_cache

from ..datafiles import deep_merge, read_yaml
from ..paths import PACKAGE_DATA, data_home


@lru_cache(maxsize=1)
def cues() -> dict[str, dict[str, frozenset[str]]]:
    data = read_yaml(PACKAGE_DATA / "extract" / "cues.yaml", "cue file")
    user = data_home() / "extract" / "cues.yaml"
    if user.exists():                     # a list given there replaces the packaged list of that name
        data = deep_merge(data, read_yaml(user, "cue file"))
    return {sec: {k: frozenset(str(w).lower() for w in v) for k, v in lists.items()} for sec, lists in data.items()}
