"""De-duplication settings: data/dedup/*.yaml from the package, then the user's <data_home>/dedup/*.yaml."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from eventcoder.paths import PACKAGE_DATA, data_home


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def config_files() -> list[Path]:
    files = sorted((PACKAGE_DATA / "dedup").glob("*.yaml"))
    user = data_home() / "dedup"
    if user.is_dir():
        files += sorted(user.glob("*.yaml"))
    return files


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Merged settings (loaded once per process)."""
    import yaml

    merged: dict[str, Any] = {}
    for path in config_files():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"cannot read de-duplication settings {path}: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError(f"de-duplication settings {path} must be a mapping, got {type(data).__name__}")
        merged = _deep_merge(merged, data)
    return merged


@functools.lru_cache(maxsize=1)
def type_table() -> dict[tuple[str, str], float]:
    table: dict[tuple[str, str], float] = {}
    for row in settings().get("compatible_types", []):
        a, b, score = str(row[0]).upper(), str(row[1]).upper(), float(row[2])
        table[(a, b)] = table[(b, a)] = score
    return table
