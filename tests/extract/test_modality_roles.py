"""Behaviour of the rules extractor: roles from the parse and modality, one phenomenon per test."""
import datetime as dt


def _types(ms, emitted=True):
    return [m.coding.plover_type for m in ms if m.emitted == emitted]


def test_active_clause_actor_and_recipient(mentions_of):
    ms = mentions_of("Mali accused Ukraine of interfering in its internal affairs on Sunday.")
    acc = [m for m in ms if m.coding.plover_type == "ACCUSE"]
    assert acc, ms
    assert [a.country for a in acc[0].actors] == ["MLI"]
    assert [a.country for a in acc[0].recipients] == ["UKR"]


def test_passive_agent_is_actor(mentions_of):
    ms = mentions_of("Malian soldiers were ambushed by Tuareg rebels near Kidal on Thursday.")
    m = next(m for m in ms if m.trigger.text == "ambushed")
    assert {(a.country, a.sector) for a in m.recipients} == {("MLI", "MIL")}
    assert all(a.sector == "REB" for a in m.actors) and m.actors


def test_coordinated_modifiers_split_into_two_actors(mentions_of):
    ms = mentions_of("Malian and Russian forces were attacked by jihadists on Monday.")
    m = next(m for m in ms if m.trigger.text == "attacked")
    assert {a.country for a in m.recipients} >= {"MLI", "RUS"}


def test_discontinuous_trigger_cut_relations(mentions_of):
    ms = mentions_of("Niger cut diplomatic relations with Ukraine on Tuesday.")
    m = next(m for m in ms if m.coding.plover_type == "SANCTION")
    assert m.coding.cameo_code == "161"
    assert m.coding.mode == "discontinue"
    assert [a.country for a in m.recipients] == ["UKR"]


def test_negated_act_is_not_emitted(mentions_of):
    ms = mentions_of("The army did not attack the village, the governor said on Monday.")
    assert "ASSAULT" not in _types(ms)
    assert any(m.modality == "negated" for m in ms)


def test_denied_act_is_not_emitted(mentions_of):
    ms = mentions_of("Ukraine denied that it had supplied weapons to the rebels.")
    assert "AID" not in _types(ms)


def test_conditional_attack_is_a_threat_not_an_assault(mentions_of):
    ms = mentions_of("The junta said it would attack the rebels if they did not leave Kidal.")
    assert "ASSAULT" not in _types(ms)


def test_future_cooperation_is_agree(mentions_of):
    ms = mentions_of("Russia will provide military aid to Burkina Faso, the Kremlin said on Friday.")
    assert "AGREE" in _types(ms) and "AID" not in _types(ms)


def test_threat_to_cut_ties_is_threaten(mentions_of):
    ms = mentions_of("Algeria threatened to cut diplomatic ties with Mali on Monday.")
    assert "THREATEN" in _types(ms)
    assert "SANCTION" not in _types(ms)


def test_reported_claim_keeps_claimant(mentions_of):
    ms = mentions_of("The separatists claimed they killed 84 Wagner mercenaries.")
    m = next(m for m in ms if m.coding.plover_type == "ASSAULT")
    assert m.status == "claim"
    assert m.claimant is not None and m.claimant.sector == "REB"


def test_history_long_before_publication_is_not_emitted(mentions_of):
    ms = mentions_of("In 2012, Tuareg rebels attacked army bases in northern Mali.", published=dt.date(2024, 8, 5))
    assert "ASSAULT" not in _types(ms)
    assert any(m.modality == "historical" for m in ms)


def test_evidence_offsets_point_into_the_text(mentions_of):
    text = "Protesters marched in Nairobi on Tuesday. Police fired tear gas at the crowd."
    ms = mentions_of(text)
    assert ms
    for m in ms:
        assert text[m.trigger.start:m.trigger.end] == m.trigger.text
        assert text[m.sentence.start:m.sentence.end] == m.sentence.text
        for a in m.actors + m.recipients:
            if a.span:
                assert text[a.span.start:a.span.end] == a.span.text
