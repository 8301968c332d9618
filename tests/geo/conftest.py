"""Fixtures for the geo tests: a tmp EVENTCODER_HOME and a small gazetteer built from a hand-made GeoNames-format
file (tests/geo/fixtures/mini_geonames.txt), so that no test builds the 35 s packaged default."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent
MINI = HERE / "fixtures" / "mini_geonames.txt"


@pytest.fixture(autouse=True)
def tmp_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("EVENTCODER_HOME", str(home))
    from eventcoder.geo import gazetteer
    gazetteer._CACHE.clear()
    yield home
    gazetteer._CACHE.clear()


def mini_gazetteer(skip: set[int] = frozenset()):
    from eventcoder.geo.build import apply_demonyms
    from eventcoder.geo.dumps import parse_dump
    lines = [ln for ln in MINI.read_text(encoding="utf-8").splitlines(True) if int(ln.split("\t")[0]) not in skip]
    g = parse_dump(lines, "mini")
    apply_demonyms(g, None)
    return g


@pytest.fixture
def mini():
    return mini_gazetteer()


@pytest.fixture(scope="session")
def nlp():
    from eventcoder.geo.resolver import load_nlp
    try:
        return load_nlp()
    except RuntimeError as exc:
        pytest.skip(f"spaCy model not installed: {exc}")
