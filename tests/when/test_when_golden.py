"""Golden files: tests/when/golden/*.yaml hold input passages and the EventDate the resolver must return."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventcoder.when import resolve_event_date

GOLDEN = Path(__file__).parent / "golden"
CASES = [(f.name, c) for f in sorted(GOLDEN.glob("*.yaml")) for c in yaml.safe_load(f.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[f"{f}:{c['name']}" for f, c in CASES])
def test_golden(case):
    trigger = None
    if case.get("trigger"):
        i = case["text"].index(case["trigger"])
        trigger = (i, i + len(case["trigger"]))
    ed = resolve_event_date(case["text"], published=case["published"], trigger=trigger,
                            language=case.get("language", "en"), article_id="art", offset=100)
    exp = case["expect"]
    if exp["date"] is None:
        assert ed is None
        return
    assert ed is not None, "expected a date"
    assert ed.date == exp["date"]
    for key in ("end", "precision", "basis"):
        if key in exp:
            assert getattr(ed, key) == exp[key], key
    if "span" in exp:
        assert ed.span.text == exp["span"]
    # the span is evidence: offset + local offsets into the passage, with the article id
    assert ed.span.article_id == "art"
    assert case["text"][ed.span.start - 100:ed.span.end - 100] == ed.span.text
    if "acled" in exp:
        assert ed.acled_time_precision == exp["acled"]
    if "ucdp" in exp:
        assert ed.ucdp_date_prec == exp["ucdp"]
