import json
from pathlib import Path

import pytest

from eventcoder import records as r
from eventcoder.store.codec import from_data

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def events():
    return [from_data(r.Event, e) for e in json.loads((GOLDEN / "events.input.json").read_text())]


@pytest.fixture(scope="session")
def articles():
    arts = [from_data(r.Article, a) for a in json.loads((GOLDEN / "articles.input.json").read_text())]
    return {a.id: a for a in arts}
