"""De-duplication settings: data/dedup/*.yaml from the package, then the user's <data_home>/dedup/*.yaml."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from eventcoder.datafiles import deep_merge, read_yaml
from eventcoder.paths import PACKAGE_DATA, data_home


def config_files() -> list[Path]:
    files = sorted((PACKAGE_DATA / "dedup").glob("*.yaml"))
    user = data_home() / "dedup"
    if user.is_dir():
        files += sorted(user.glob("*.yaml"))
    return files


@functools.lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """Merged settings (loaded once per process)."""
    merged: dict[str, Any] = {}
    for path in config_files():
        merged = deep_merge(merged, read_yaml(path, "de-duplication settings"))
    return merged


@functools.lru_cache(maxsize=1)
def type_table() -> dict[tuple[str, str], float]:
    table: dict[tuple[str, str], float] = {}
    for row in settings().get("compatible_types", []):
        a, b, score = str(row[0]).upper(), str(row[1]).upper(), float(row[2])
        table[(a, b)] = table[(b, a)] = score
    return table
