"""Every actor of the seed gold (shared/seed/gold.yaml) resolves correctly from each of its listed mentions."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from eventcoder.paths import shared_dir


def _gold():
    sd = shared_dir()
    if sd is None or not (sd / "seed" / "gold.yaml").exists():
        pytest.skip("team shared folder with seed/gold.yaml not found (set EVENTCODER_SHARED); seed gold test skipped")
    return yaml.safe_load((sd / "seed" / "gold.yaml").read_text(encoding="utf-8")), sd


def test_gold_actor_mentions_resolve(resolver):
    gold, _ = _gold()
    date = gold["article"]["published"]
    date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    failures = []
    for key, spec in gold["actors"].items():
        for mention in spec["mentions"]:
            a = resolver.resolve(mention, date=date, context_countries=["MLI"])
            ok = a.country == spec["country"] and a.sector == spec["sector"]
            if "acled_inter" in spec:
                ok = ok and a.acled_inter == spec["acled_inter"]
            if not ok:
                failures.append(f"{key}: {mention!r} -> {a.code} inter {a.acled_inter} ({a.why})")
    assert not failures, "\n".join(failures)


def test_gold_mentions_found_in_seed_text(resolver):
    gold, sd = _gold()
    text = (sd / "seed" / gold["article"]["file"]).read_text(encoding="utf-8")
    found = resolver.find(text, date=dt.date(2024, 8, 5), context_countries=["MLI"])
    by_text = {m.text: m.actor for m in found}
    for key, spec in gold["actors"].items():
        for mention in spec["mentions"]:
            hits = [a for t, a in by_text.items() if mention.lower().removeprefix("the ").removeprefix("a ") in t.lower()
                    or t.lower() in mention.lower()]
            assert any(a.country == spec["country"] and a.sector == spec["sector"] for a in hits), (key, mention)
