"""Golden files: tests/dedup/golden/<case>.input.json (article + mentions) -> <case>.expected.json (events).

Refresh after a deliberate change with EVENTCODER_UPDATE_GOLDEN=1 and review the diff."""
import json
import os
import sys
from pathlib import Path

import pytest

from eventcoder import records as r
from eventcoder.dedup import fold_mentions
from eventcoder.store.codec import from_data, to_data

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name[: -len(".input.json")] for p in GOLDEN.glob("*.input.json"))


@pytest.mark.parametrize("case", CASES)
def test_golden(case, monkeypatch):
    # fatalities come from another stage (casualties.aggregate); keep this stage's golden files independent of it
    monkeypatch.setitem(sys.modules, "eventcoder.casualties.aggregate", None)
    data = json.loads((GOLDEN / f"{case}.input.json").read_text())
    article = from_data(r.Article, data["article"])
    mentions = [from_data(r.Mention, m) for m in data["mentions"]]
    for m in mentions:       # the inputs' offsets are real
        assert article.text[m.trigger.start:m.trigger.end] == m.trigger.text
    got = to_data(fold_mentions(mentions))
    expected_path = GOLDEN / f"{case}.expected.json"
    if os.environ.get("EVENTCODER_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n")
    expected = json.loads(expected_path.read_text())
    assert got == expected
