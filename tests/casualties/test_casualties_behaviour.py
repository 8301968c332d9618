from __future__ import annotations

import pytest

from eventcoder import records
from eventcoder.casualties import aggregate, extract_claims, lexicon, reload_lexicons
from eventcoder.casualties.numbers import find_numbers


def claim(kind="killed", low=None, high=None, qual="exact", party=None, span=None, claimant=None):
    return records.Claim(kind=kind, low=low, high=high, qualifier=qual, party_to_fight=party, claimant=claimant,
                         span=span)


@pytest.mark.parametrize("text, low, high, qual", [
    ("forty-seven", 47, 47, "exact"),
    ("a dozen", 12, 12, "exact"),
    ("dozens", 12, 12, "vague"),
    ("hundreds", 100, 100, "vague"),
    ("several", 3, 3, "vague"),
    ("at least 1,200", 1200, None, "at_least"),
    ("more than 60", 60, None, "at_least"),
    ("up to 30", None, 30, "at_most"),
    ("nearly 100", 100, 100, "about"),
    ("between 20 to 80", 20, 80, "range"),
    ("20-80", 20, 80, "range"),
])
def test_number_expressions(text, low, high, qual):
    (n,) = find_numbers(text + " people")
    assert (n.low, n.high, n.qualifier) == (low, high, qual)


def test_party_by_country_and_sector_when_kb_ids_differ():
    army = records.Actor("Malian army", country="MLI", sector="MIL")
    party = records.Actor("FAMa", country="MLI", sector="MIL", kb_id="FAMA")
    (c,) = extract_claims("The Malian army said 12 soldiers were killed.", resolve_claimant=lambda s: army,
                          parties=[party])
    assert c.claimant == "The Malian army" and c.party_to_fight is True


def test_claimant_outside_the_fight_is_not_a_party():
    un = records.Actor("United Nations", country="UNO", sector="IGO", kb_id="UN")
    party = records.Actor("FAMa", country="MLI", sector="MIL", kb_id="FAMA")
    (c,) = extract_claims("At least 30 civilians were killed, the UN said.", resolve_claimant=lambda s: un,
                          parties=[party])
    assert c.claimant == "the UN" and c.claimant_actor == un and c.party_to_fight is False


def test_unresolved_claimant_is_unknown_not_neutral():
    (c,) = extract_claims("The rebels said 12 soldiers were killed.")
    assert c.claimant == "The rebels" and c.party_to_fight is None


def test_pronoun_claimant_takes_the_previous_sentence_claimant():
    cl = extract_claims("Wagner confirmed that a commander was killed. They reported being attacked by 300 fighters.")
    assert [(c.kind, c.claimant) for c in cl] == [("killed", "Wagner"), ("attackers", "Wagner")]


def test_aggregate_discounts_party_claims_when_a_neutral_figure_exists():
    f = aggregate([claim(low=131, high=131, party=True), claim(low=40, high=40, party=False)])
    assert (f.acled, f.low, f.high) == (40, 40, 131)


def test_aggregate_prefers_specific_over_vague_and_takes_range_low_end():
    f = aggregate([claim(low=12, high=12, qual="vague"), claim(low=20, high=80, qual="range")])
    assert f.acled == 20 and f.high == 80
    assert aggregate([claim(low=12, high=12, qual="vague")]).acled == 12


def test_aggregate_lower_bounds_only_when_no_estimate():
    assert aggregate([claim(low=1, qual="at_least"), claim(low=20, high=20)]).acled == 20
    assert aggregate([claim(low=60, qual="at_least"), claim(low=50, qual="at_least")]).acled == 60


def test_aggregate_does_not_count_parts_twice():
    whole = records.Span("a", 0, 50, "x")
    part = records.Span("a", 10, 20, "y")
    f = aggregate([claim(low=131, high=131, span=whole), claim(low=84, high=84, span=part)])
    assert f.acled == 131


def test_aggregate_ignores_other_kinds_and_empty_ledgers():
    assert aggregate([claim(kind="injured", low=5, high=5)]) == records.Fatalities(acled=0)
    assert aggregate([]) == records.Fatalities(acled=0)


def test_ucdp_order_holds():
    f = aggregate([claim(low=5, high=5), claim(low=3, high=9, qual="range"), claim(low=100, high=100, party=True)])
    assert f.low <= f.best <= f.high


@pytest.mark.parametrize("bad, msg", [
    (dict(text=b"bytes"), "text must be a str"),
    (dict(text="x", offset=-1), "offset must be"),
    (dict(text="x", parties=["Wagner"]), "parties must be records.Actor"),
    (dict(text="x", resolve_claimant="Wagner"), "resolve_claimant must be a callable"),
])
def test_bad_input_gets_a_clear_message(bad, msg):
    with pytest.raises((TypeError, ValueError), match=msg):
        extract_claims(**bad)


def test_aggregate_rejects_non_claims():
    with pytest.raises(TypeError, match="records.Claim"):
        aggregate([{"kind": "killed"}])


def test_unknown_language():
    with pytest.raises(lexicon.LexiconError, match="no casualty lexicon for language 'xx'"):
        extract_claims("x", language="xx")


def test_user_lexicon_adds_vague_words(tmp_path, monkeypatch):
    (tmp_path / "casualties").mkdir()
    (tmp_path / "casualties" / "en_extra.yaml").write_text("vague:\n  countless: 10\n", encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_HOME", str(tmp_path))
    reload_lexicons()
    try:
        (c,) = extract_claims("Countless villagers were killed.")
        assert (c.low, c.qualifier) == (10, "vague")
    finally:
        monkeypatch.delenv("EVENTCODER_HOME")
        reload_lexicons()
    assert extract_claims("Countless villagers were killed.") == []


@pytest.mark.parametrize("text, claimant", [
    ("According to the Malian army, 12 soldiers were killed in the ambush.", "the Malian army"),
    ("Twelve soldiers were killed, the army said on Monday.", "the army"),
    ("The death toll rose to 30, said Colonel Souleymane Dembele, an army spokesman.", "Colonel Souleymane Dembele"),
    ("Rebels said they had killed 15 soldiers.", "Rebels"),
    ("Ten soldiers died in the attack, which was claimed by JNIM.", None),
    ("More than 60 killed in fresh violence in Darfur: UN", "UN"),
    ("Five protesters killed at Sunday demos - medics", "medics"),
])
def test_claimant_patterns(text, claimant):
    (c,) = [c for c in extract_claims(text) if c.kind == "killed"]
    assert c.claimant == claimant


def test_attacker_size_is_not_a_death_toll():
    cl = extract_claims("Over 100 gunmen on motorbikes attacked the village, killing 23 civilians.")
    assert [(c.kind, c.low, c.qualifier) for c in cl] == [("attackers", 100, "at_least"), ("killed", 23, "exact")]
    assert aggregate(cl).acled == 23


def test_hypothetical_and_background_killings_are_not_counted():
    assert extract_claims("A mob tried to lynch a suspected thief.") == []
    assert extract_claims("Students marched in memory of 12 classmates killed last year.") == []


@pytest.mark.parametrize("text, expected", [
    ("Four young men were abducted and executed by gunmen near the well.", 4),
    ("A trader was kidnapped by unknown men, his body was found two days later.", 1),
    ("Twelve farmers detained earlier by the militia were reportedly executed outside the camp.", 12),
    ("Gunmen kidnapped three herders, their bodies were found near the river.", 3),
    # the body of one person does not tell the fate of a group of captives
    ("Gunmen kidnapped ten passengers, the body of the driver was found later.", 0),
    # a killing counted in the sentence is the captives' own toll
    ("Gunmen kidnapped two traders and killed one of them.", 1),
    ("Police arrested five suspects after the raid.", 0),
])
def test_captives_whose_death_the_sentence_tells_are_killed(text, expected):
    assert (aggregate(extract_claims(text)).acled or 0) == expected


def test_pronoun_after_a_group_with_parts_is_the_whole_group():
    text = "Soldiers arrested three men including two herders and a trader and burned them alive in the village."
    killed = [c for c in extract_claims(text) if c.kind == "killed"]
    assert [(c.low, c.text) for c in killed] == [(3, "burned them alive")]
    assert aggregate(extract_claims(text)).acled == 3


@pytest.mark.parametrize("text, expected", [
    ("Two soldiers were killed in the ambush. Unconfirmed reports say that up to 30 attackers died.", 2),
    ("Three guards were shot dead. Nine other deaths are rumoured but unconfirmed.", 3),
    # an unconfirmed figure is still the toll when nothing firmer is told
    ("Unconfirmed reports say that 30 people were killed in the raid.", 30),
    ("Three guards were shot dead. Nine others died later in hospital.", 12),
])
def test_unconfirmed_figures_count_only_without_a_firmer_one(text, expected):
    assert aggregate(extract_claims(text)).acled == expected


@pytest.mark.parametrize("text, expected", [
    ("Four herders were attacked and killed on the road to the market.", 4),
    ("Five soldiers were ambushed and later killed.", 5),
    ("Three traders were attacked and robbed.", 0),
    ("Ten gunmen attacked and killed two farmers.", 2),
])
def test_a_group_attacked_and_killed_is_killed(text, expected):
    assert (aggregate(extract_claims(text)).acled or 0) == expected


@pytest.mark.parametrize("text, expected", [
    ("The fighting led to the death of five militiamen.", 5),
    ("The raid led to the killing of six herders.", 6),
    ("Militants tried to kill two officers.", 0),
    ("The gang threatened to kill four teachers.", 0),
])
def test_a_result_phrase_ending_in_to_is_no_intent(text, expected):
    assert (aggregate(extract_claims(text)).acled or 0) == expected


@pytest.mark.parametrize("text, expected", [
    ("Bandits killed an officer at the checkpoint.", 1),
    ("Bandits killed an official of the district.", 1),
    ("Bandits killed one of the guards.", 1),
])
def test_a_victim_noun_that_starts_with_of_is_a_victim(text, expected):
    assert aggregate(extract_claims(text)).acled == expected


@pytest.mark.parametrize("text, acled", [
    ("A village guard (VG) was shot dead near the market.", 1),
    ("At least 12 (local sources say 15) were killed in the raid.", 12),
    ("Seven herders (including two boys and 1 elder) were killed at the well.", 7),
    ("Gunmen killed 4 traders in Sira (Sira, Kayes).", 4),
    # an aside that tells a casualty of its own is read
    ("Two guards were killed in the raid (one more died later).", 2),
])
def test_asides_do_not_break_a_victim_group_from_its_verb(text, acled):
    claims = extract_claims(text, article_id="a", offset=5)
    assert aggregate(claims).acled == acled
    for c in claims:                    # spans point into the text as given, asides included
        assert c.span.text == text[c.span.start - 5:c.span.end - 5]


@pytest.mark.parametrize("text, acled", [
    ("The raid ended with the death of the four gunmen.", 4),       # a determiner between verb and number
    ("Bandits attacked the farm, killing his three sons.", 3),
    ("Two herders were fatally wounded at the well.", 2),           # 'fatally' + a verb of harm kills
    ("Police fatally shot a protester in the square.", 1),
    ("Unknown men decapitated a trader on the road.", 1),
    ("The wounded child did not survive.", 1),
    ("Three soldiers were wounded in the attack.", 0),
])
def test_killing_phrasings(text, acled):
    assert (aggregate(extract_claims(text)).acled or 0) == acled


@pytest.mark.parametrize("text, acled", [
    ("A dispute over grazing land left 3 dead.", 3),                 # the cue 'over' does not reach past 'left'
    ("Bandits fired against a bus and killed the driver.", 1),       # ... nor past 'and killed'
    ("Students protested over the death of two classmates.", 0),     # background: the cause of the protest
    ("Traders marched against the rape and killing of a vendor.", 0),
])
def test_background_cues_end_at_a_clause_of_their_own(text, acled):
    assert (aggregate(extract_claims(text)).acled or 0) == acled


@pytest.mark.parametrize("text, acled", [
    ("Clashes went on in the market. 3 killed (coded separately).", 0),   # the coder recorded them as another event
    ("Gunmen raided a farm, which killed two guards (coded in a separate event), and burned a barn.", 0),
    ("Three guards were killed in the raid.", 3),
    ("A crowd nearly lynched a suspected thief.", 0),                     # 'nearly' + a killing verb: no death
    ("Nearly 40 people were killed in the raid.", 40),                    # 'nearly' + a number: about
])
def test_deaths_coded_elsewhere_and_near_killings(text, acled):
    assert (aggregate(extract_claims(text)).acled or 0) == acled


@pytest.mark.parametrize("text, acled", [
    ("A trader was on Monday shot dead by gunmen.", 1),      # a time adverbial between the group and its verb
    ("Four farmers were yesterday killed in the raid.", 4),
])
def test_time_adverbials_inside_the_verb_group(text, acled):
    assert (aggregate(extract_claims(text)).acled or 0) == acled
