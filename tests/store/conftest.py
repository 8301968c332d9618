import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "dedup"))   # builders.py (hand-built mentions)

DEDUP_SET = HERE.parent / "dedup" / "data" / "dedup_set.yaml"


@pytest.fixture(scope="session")
def gold_set():
    from eventcoder.dedup.evalset import load

    return load(DEDUP_SET)
