"""The loaders on the team's dev data as published (skipped when ../shared is not there)."""
import pytest

from eventcoder.evaluate import acled, petrarch, plover, seed, ucdp
from eventcoder.paths import shared_dir

SHARED = shared_dir()
pytestmark = pytest.mark.skipif(SHARED is None or not (SHARED / "eval").is_dir(),
                                reason="../shared/eval not found (set EVENTCODER_SHARED): dev data is not in the repo")


def test_plover_dev_reads_every_record_in_plover_2_types():
    golds = plover.load(SHARED / "eval" / "plover" / "dev.jsonl")
    assert len(golds) == 161
    types = {g.event_type for g in golds}
    assert not types & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types


def test_petrarch_dev_triples_and_no_event_records():
    golds = petrarch.load(SHARED / "eval" / "petrarch" / "unittest_records.jsonl")
    assert len(golds) == 284
    assert sum(g.expect_no_events for g in golds) == 19
    assert all(t.root in petrarch.CAMEO_ROOTS for g in golds for t in g.triples)
    assert sum(g.pseudo for g in golds) > 0


def test_acled_dev_rows_and_actor_countries():
    golds = acled.load(SHARED / "eval" / "acled" / "dev.csv")
    assert len(golds) == 2000
    with_country = sum(1 for g in golds if g.actor1 and g.actor1.country)
    assert with_country / len(golds) > 0.6           # most ACLED actor names carry their country
    assert all(g.date is not None and g.event_type for g in golds)


def test_ucdp_dev_rows():
    golds = ucdp.load(SHARED / "eval" / "ucdp" / "dev.csv")
    assert len(golds) == 930
    assert all("SDN" in g.side_countries for g in golds if g.side_countries)
    assert 0 < sum(g.states_number for g in golds) < len(golds)


def test_seed_gold_reads_alternatives_from_comments():
    if not (SHARED / "seed" / "gold.yaml").exists():
        pytest.skip("../shared/seed/gold.yaml not found")
    gold = seed.load(SHARED / "seed" / "gold.yaml")
    ev = {e.id: e for e in gold.events}
    assert set(ev) == {"E1", "E2", "E3", "E4"}
    assert ev["E3"].alts["date"] == ["2024-08-05"] and "1123" in ev["E3"].alts["cameo"]
    assert [p.id for p in ev["E2"].actors[1]] == ["UKR"]
