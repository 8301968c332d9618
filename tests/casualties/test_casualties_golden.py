"""Golden files: tests/casualties/golden/claims_<lang>.yaml hold passages side by side with the claims ledger and
the fatalities the stage must produce."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventcoder import records
from eventcoder.casualties import aggregate, extract_claims

GOLDEN = Path(__file__).parent / "golden"
FILES = {f.name: yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted(GOLDEN.glob("claims_*.yaml"))}
CASES = [(name, data, case) for name, data in FILES.items() for case in data["cases"]]


@pytest.mark.parametrize("name, data, case", CASES, ids=[f"{n}:{c['name']}" for n, _, c in CASES])
def test_golden(name, data, case):
    actors = {k: records.Actor(**v) for k, v in data["actors"].items()}
    table = {who: actors[kb] for who, kb in (case.get("resolver") or {}).items()}
    parties = [actors[k] for k in case.get("parties", [])]
    text = case["text"]
    claims = extract_claims(text, article_id="a1", offset=7, resolve_claimant=table.get, parties=parties,
                            language=data.get("language", "en"))
    got = [[c.kind, c.low, c.high, c.qualifier, c.victims, c.claimant, c.party_to_fight, c.text] for c in claims]
    assert got == case["claims"]
    for c in claims:
        assert c.span.article_id == "a1"
        assert text[c.span.start - 7:c.span.end - 7] == c.span.text == c.text
        if c.claimant in table:
            assert c.claimant_actor == table[c.claimant]
    f = aggregate(claims)
    assert (f.acled, f.low, f.best, f.high) == tuple(case["fatalities"][k] for k in ("acled", "low", "best", "high"))
