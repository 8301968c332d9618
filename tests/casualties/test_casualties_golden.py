"""Golden file: tests/casualties/golden/claims_en.yaml holds passages and the claims ledger + fatalities expected."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventcoder import records
from eventcoder.casualties import aggregate, extract_claims

DATA = yaml.safe_load((Path(__file__).parent / "golden" / "claims_en.yaml").read_text(encoding="utf-8"))
ACTORS = {k: records.Actor(**v) for k, v in DATA["actors"].items()}


@pytest.mark.parametrize("case", DATA["cases"], ids=[c["name"] for c in DATA["cases"]])
def test_golden(case):
    table = {name: ACTORS[kb] for name, kb in (case.get("resolver") or {}).items()}
    parties = [ACTORS[k] for k in case.get("parties", [])]
    text = case["text"]
    claims = extract_claims(text, article_id="a1", offset=7, resolve_claimant=table.get, parties=parties)
    got = [[c.kind, c.low, c.high, c.qualifier, c.victims, c.claimant, c.party_to_fight, c.text] for c in claims]
    assert got == case["claims"]
    for c in claims:
        assert c.span.article_id == "a1"
        assert text[c.span.start - 7:c.span.end - 7] == c.span.text == c.text
        if c.claimant in table:
            assert c.claimant_actor == table[c.claimant]
    f = aggregate(claims)
    assert (f.acled, f.low, f.best, f.high) == tuple(case["fatalities"][k] for k in ("acled", "low", "best", "high"))
