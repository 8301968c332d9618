from __future__ import annotations

import pytest

from eventcoder.actors.kb import default_kb
from eventcoder.actors.resolver import ActorResolver


@pytest.fixture(scope="session")
def kb():
    return default_kb()


@pytest.fixture(scope="session")
def resolver(kb):
    return ActorResolver(kb)
