"""Knowledge files: reading a YAML mapping with a clear error, and layering user files over package data.

Every stage keeps its knowledge in data/<area>/*.yaml and lets users extend it with files of the same shape in
$EVENTCODER_HOME/<area>/; these two helpers are the one way to read and combine them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any


def read_yaml(path: Path, what: str, error: type[Exception] = ValueError) -> dict[str, Any]:
    """A YAML file that must hold a mapping; `error(message naming the file)` otherwise."""
    import yaml
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"cannot read {what} {path}: {exc}") from None
    if not isinstance(data, dict):
        raise error(f"{what} {path} must be a YAML mapping, got {type(data).__name__}")
    return data


def deep_merge(base: dict[str, Any], extra: dict[str, Any], *, extend_lists: bool = False) -> dict[str, Any]:
    """`extra` layered over `base`: mappings merge key by key, lists are replaced (or extended, without
    repeats, with extend_lists), anything else is replaced."""
    out = dict(base)
    for key, val in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(val, dict):
            out[key] = deep_merge(old, val, extend_lists=extend_lists)
        elif extend_lists and isinstance(old, list) and isinstance(val, list):
            out[key] = old + [v for v in val if v not in old]
        else:
            out[key] = val
    return out
