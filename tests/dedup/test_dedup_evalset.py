"""The de-duplication test set and the pairwise metric."""
from pathlib import Path

import pytest

from eventcoder.dedup import dedup_events, fold_mentions
from eventcoder.dedup.evalset import load, pairwise

SET = Path(__file__).parent / "data" / "dedup_set.yaml"
SET_B = Path(__file__).parent / "data" / "dedup_set_b.yaml"
SET_C = Path(__file__).parent / "data" / "dedup_set_c.yaml"
SET_D = Path(__file__).parent / "data" / "dedup_set_d.yaml"


def test_pairwise_metric():
    gold = {"a": "E1", "b": "E1", "c": "E2", "d": "E2"}
    assert pairwise([["a", "b"], ["c", "d"]], gold)["f1"] == 1.0
    r = pairwise([["a", "b", "c"], ["d"]], gold)
    assert (r["tp"], r["fp"], r["fn"]) == (1, 2, 1)
    r = pairwise([["a"]], gold)                       # missing mentions are singletons
    assert (r["tp"], r["fp"], r["fn"], r["precision"]) == (0, 0, 2, 1.0)


def test_set_loads_with_real_offsets():
    gs = load(SET)
    assert len(gs.articles) >= 30 and len(set(gs.gold.values())) >= 15
    texts = {a.id: a.text for a in gs.articles}
    for ms in gs.mentions.values():
        for m in ms:
            assert texts[m.article_id][m.trigger.start:m.trigger.end] == m.trigger.text


def test_bad_set_gives_a_clear_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles:\n  - {id: x, text: 'abc', mentions: [{type: ASSAULT, trigger: zzz}]}\n")
    with pytest.raises(ValueError, match="trigger 'zzz' is not in the article text"):
        load(bad)


def test_dedup_quality_on_the_set():
    gs = load(SET)
    events = [e for a in gs.articles for e in fold_mentions(gs.mentions[a.id])]
    r = pairwise([e.mention_ids for e in dedup_events(events)], gs.gold)
    # measured 0.927 / 0.95 (bench/dedup_eval.py); fail on a clear regression
    assert r["precision"] >= 0.9 and r["recall"] >= 0.9, r


def test_second_batch_look_alikes_stay_apart_and_reports_merge():
    # labelled before the first run (precision 0.59, recall 0.83 then); these pairs are what failed
    gs = load(SET_B)
    events = [e for a in gs.articles for e in fold_mentions(gs.mentions[a.id])]
    clusters = [e.mention_ids for e in dedup_events(events)]
    where = {m: i for i, c in enumerate(clusters) for m in c}
    assert where["b15:1"] != where["b17:1"]      # one summit lifts sanctions on Niger and on Guinea: two events
    assert where["b10:1"] != where["b13:1"]      # Rubaya captured / attack near Sake, 18 km apart, same day
    assert where["b15:1"] == where["b16:1"]      # the Niger decision, one report without a place
    assert where["b01:1"] == where["b02:1"] == where["b03:1"]   # El Fasher / Al Fashir / a camp on its edge
    assert where["b10:1"] == where["b12:1"]      # recalled three weeks later with month precision
    r = pairwise(clusters, gs.gold)
    assert r["precision"] >= 0.9 and r["recall"] >= 0.9, r


def test_third_batch_reprisals_and_one_host_two_guests_stay_apart():
    # labelled before the first run (precision 0.72 then); these pairs are what failed
    gs = load(SET_C)
    events = [e for a in gs.articles for e in fold_mentions(gs.mentions[a.id])]
    clusters = [e.mention_ids for e in dedup_events(events)]
    where = {m: i for i, c in enumerate(clusters) for m in c}
    assert where["c01:1"] != where["c04:1"]      # an attack and the other side's air strikes the next day
    assert where["c04:1"] == where["c05:1"]      # the air strikes, told twice
    assert where["c19:1"] == where["c01:1"]      # recalled with month precision: the attack, not the reprisal
    assert where["c15:1"] == where["c16:1"]      # one meeting told from each side
    assert where["c15:1"] != where["c17:1"]      # the same host, another guest, the same day
    assert where["c06:1"] == where["c07:1"] == where["c08:1"]   # a toll rising from 5 to 37
    assert where["c09:1"] != where["c08:1"]      # the protest the bombing caused
    r = pairwise(clusters, gs.gold)
    assert r["precision"] >= 0.95 and r["recall"] >= 0.95, r


def test_store_keeps_a_syndicated_copy_as_a_source_of_the_original():
    from eventcoder.store import Store
    gs = load(SET_C)
    with Store.open(":memory:") as store:
        for a in gs.articles:
            res = store.add_article(a, gs.mentions[a.id])
            if a.id == "c18":
                assert res.status == "syndicated" and res.duplicate_of == "c01"
        ev = next(e for e in store.events() if "c01:1" in e.mention_ids)
        assert "c02:1" in ev.mention_ids and "c04:1" not in ev.mention_ids


def _clusters_d():
    gs = load(SET_D)
    events = [e for a in gs.articles for e in fold_mentions(gs.mentions[a.id])]
    clusters = [e.mention_ids for e in dedup_events(events)]
    return {m: i for i, c in enumerate(clusters) for m in c}


def test_blind_fourth_batch_what_holds():
    # labelled after the last settings change and run once (pairwise P 0.714, R 1.0 then)
    where = _clusters_d()
    assert where["d01:1"] == where["d02:1"] != where["d03:1"]   # two villages of one state, two days apart
    assert where["d04:1"] == where["d05:1"] != where["d06:1"]   # an order to leave, then the expulsion order
    assert where["d10:1"] == where["d11:1"]                     # a kidnapping recalled "last weekend"
    assert where["d12:1"] == where["d13:1"] != where["d14:1"]   # a town attacked, then retaken (sides swapped)


@pytest.mark.xfail(strict=True, reason="known limitation: a rally for the government and a protest against it "
                   "in one city on one day merge; telling them apart needs the stance of each crowd")
def test_blind_fourth_batch_counter_demonstrations_stay_apart():
    where = _clusters_d()
    assert where["d07:1"] != where["d08:1"]
