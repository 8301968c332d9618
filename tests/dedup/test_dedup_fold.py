"""fold_mentions(): the sentences of one article that report one act become one event."""
import datetime as dt

import pytest

from eventcoder import records as r
from eventcoder.dedup import fold_mentions

from builders import TINZAOUATEN, mention
from seed_case import seed_article, seed_mentions


@pytest.fixture(scope="module")
def seed():
    a = seed_article()
    if a is None:
        pytest.skip("the team's shared folder (seed/mali_ukraine.txt) is not available; set EVENTCODER_SHARED")
    return a, seed_mentions(a)


def _by_type(events):
    out = {}
    for e in events:
        out.setdefault(e.coding.plover_type, []).append(e)
    return out


def test_seed_battle_is_one_event(seed):
    a, ms = seed
    events = fold_mentions(ms)
    by = _by_type(events)
    assert sorted(by) == ["ACCUSE", "ASSAULT", "COOPERATE", "SANCTION"]
    assert len(by["ASSAULT"]) == 1                      # "deadly fighting", "clashes", "ambushed", ... = E1
    e1 = by["ASSAULT"][0]
    assert len(e1.mention_ids) == 11
    assert e1.status == "reported"                       # the separatists' kill claim folds into the fact
    assert e1.date.date == dt.date(2024, 7, 25) and e1.date.precision == "day"
    assert e1.place.name == "Tinzaouaten"
    assert {x.kb_id for x in e1.actors} >= {"CSP", "JNIM"}
    assert {x.kb_id for x in e1.recipients} == {"FAMA", "WAGNER"}
    assert len(e1.claims) == 5
    for s in e1.evidence:                               # evidence spans point into the article
        assert a.text[s.start:s.end] == s.text


def test_seed_accusation_rupture_and_claim_stay_separate(seed):
    _, ms = seed
    by = _by_type(fold_mentions(ms))
    assert len(by["ACCUSE"]) == 1 and len(by["SANCTION"]) == 1
    assert len(by["SANCTION"][0].mention_ids) == 2      # "cutting ..." and "breaking off ..." relations
    claim = by["COOPERATE"][0]
    assert claim.status == "claim" and claim.claimant.kb_id == "HUR"
    assert claim.mention_ids == ("seed:m5",)


def test_only_emitted_mentions_become_events(seed):
    _, ms = seed
    ids = {m for e in fold_mentions(ms) for m in e.mention_ids}
    assert "seed:m16" not in ids and "seed:m17" not in ids   # history (lost control, coups)
    assert ids == {m.id for m in ms if m.emitted}


def test_fold_is_deterministic(seed):
    _, ms = seed
    assert fold_mentions(ms) == fold_mentions(list(ms))
    assert [e.id for e in fold_mentions(ms)] == [e.id for e in fold_mentions(ms)]


TEXT = ("Gunmen attacked Djibo on Sunday. Three days later gunmen attacked Djibo again. "
        "The army said the first attack killed 30.")


def test_two_attacks_in_the_same_town_on_different_days_stay_apart():
    ms = [mention("d", TEXT, 1, "ASSAULT", "attacked Djibo on Sunday", actors=("JNIM",),
                  date=dt.date(2024, 5, 26), place=TINZAOUATEN),
          mention("d", TEXT, 2, "ASSAULT", "attacked Djibo again", actors=("JNIM",),
                  date=dt.date(2024, 5, 29), place=TINZAOUATEN),
          mention("d", TEXT, 3, "ASSAULT", "the first attack", date=dt.date(2024, 5, 26))]
    events = fold_mentions(ms)
    assert len(events) == 2
    assert sorted(len(e.mention_ids) for e in events) == [1, 2]


def test_negated_and_hypothetical_mentions_are_not_events():
    ms = [mention("n", TEXT, 1, "ASSAULT", "attacked Djibo on Sunday", modality="negated"),
          mention("n", TEXT, 2, "ASSAULT", "attacked Djibo again", modality="hypothetical")]
    assert fold_mentions(ms) == []


def test_seed_fatalities_come_from_the_claims(seed):
    pytest.importorskip("eventcoder.casualties.aggregate", reason="casualties.aggregate not written yet")
    _, ms = seed
    e1 = _by_type(fold_mentions(ms))["ASSAULT"][0]
    assert e1.fatalities.acled is not None and e1.fatalities.high is not None
    assert e1.fatalities.high >= e1.fatalities.acled


PARTS = ("Fighting broke out between Malian forces and rebels near the border. Several Wagner fighters were "
         "killed, and gunmen also attacked a convoy.")


def test_sentences_naming_different_participants_fold_within_an_article_only():
    from eventcoder.dedup import dedup_events
    from eventcoder.dedup.merge import from_mention

    a = mention("p", PARTS, 1, "ASSAULT", "Fighting broke out", actors=("FAMA", "CSP"), place=TINZAOUATEN)
    b = mention("p", PARTS, 2, "ASSAULT", "were killed", recipients=("WAGNER",), place=TINZAOUATEN)
    c = mention("p", PARTS, 3, "ASSAULT", "attacked a convoy", actors=("gunmen",), place=TINZAOUATEN)
    folded = fold_mentions([a, b, c])
    assert len(folded) == 1
    e = folded[0]
    assert {x.kb_id for x in e.actors + e.recipients} == {"FAMA", "CSP", "WAGNER"}   # "gunmen" adds nothing
    # across articles the same two partial reports are not enough to merge (different known actors)
    assert len(dedup_events([from_mention(a), from_mention(r.replace(b, article_id="q"))])) == 2


def test_claim_of_the_same_act_folds_into_the_reported_event_within_an_article():
    a = mention("c", PARTS, 1, "ASSAULT", "Fighting broke out", actors=("FAMA", "CSP"), date=dt.date(2024, 7, 25))
    claim = mention("c", PARTS, 2, "ASSAULT", "attacked a convoy", status="claim", modality="claim",
                    claimant="HUR")
    other = mention("c", PARTS, 3, "COOPERATE", "were killed", status="claim", modality="claim", claimant="HUR")
    events = fold_mentions([a, claim, other])
    assert len(events) == 2
    assault = next(e for e in events if e.coding.plover_type == "ASSAULT")
    assert assault.status == "reported" and len(assault.mention_ids) == 2
