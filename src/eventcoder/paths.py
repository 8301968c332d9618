"""Where eventcoder keeps user data (gazetteer index, user KB files). No hard-coded absolute paths."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DATA = Path(__file__).parent / "data"


def data_home() -> Path:
    """User data directory: $EVENTCODER_HOME, else $XDG_DATA_HOME/eventcoder, else ~/.local/share/eventcoder."""
    env = os.environ.get("EVENTCODER_HOME")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "eventcoder"


def default_db() -> Path:
    return Path(os.environ.get("EVENTCODER_DB", "eventcoder.duckdb"))


def shared_dir() -> Path | None:
    """The team's ../shared folder (eval data, GeoNames dumps), for tests and benchmarks only."""
    env = os.environ.get("EVENTCODER_SHARED")
    cands = [Path(env)] if env else []
    here = Path(__file__).resolve()
    cands += [p / "shared" for p in here.parents] + [p.parent / "shared" for p in here.parents]
    for c in cands:
        if (c / "DESIGN.md").exists() or (c / "eval").is_dir():
            return c
    return None
