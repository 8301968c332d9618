"""PLOVER types the lexicon and modality must give (own sentences): lexicon coverage (invasion, complaints,
demobilization, concessions, blockades, cyber attacks) and modality (offers with "would", "prepared to",
the demanded act of a demand noun)."""


def _types(ms):
    return {m.coding.plover_type for m in ms if m.emitted}


def _one(ms, plover):
    found = [m for m in ms if m.emitted and m.coding.plover_type == plover]
    assert found, [(m.coding.plover_type, m.trigger.text, m.modality) for m in ms]
    return found[0]


def test_invasion_is_an_assault(mentions_of):
    m = _one(mentions_of("Ethiopia invaded Eritrea on Tuesday, officials said."), "ASSAULT")
    assert [a.country for a in m.actors] == ["ETH"]


def test_complaint_is_an_accusation(mentions_of):
    m = _one(mentions_of("Chad complained to the African Union on Monday about Sudanese raids."), "ACCUSE")
    assert m.coding.cameo_code == "114" and [a.country for a in m.actors] == ["TCD"]


def test_demobilization_is_a_retreat(mentions_of):
    _one(mentions_of("Hundreds of Ugandan rebels have been demobilized since the peace deal, the army said."), "RETREAT")


def test_conceding_to_demands_is_concede_with_the_demander_as_target(mentions_of):
    m = _one(mentions_of("President Museveni conceded to demands from the Ugandan opposition on Monday."), "CONCEDE")
    assert "UGA" in [a.country for a in m.recipients]


def test_cyber_attack_is_coercion_not_assault(mentions_of):
    ms = mentions_of("Russian hackers launched a cyber attack against Estonia on Friday.")
    assert "COERCE" in _types(ms) and "ASSAULT" not in _types(ms)


def test_future_naval_blockade_is_a_threat(mentions_of):
    ms = mentions_of("Egypt said it would impose a naval blockade on Libya.")
    assert "THREATEN" in _types(ms) and "COERCE" not in _types(ms)


def test_would_meet_is_an_offer(mentions_of):
    ms = mentions_of("Somali rebel leaders said they would meet the Kenyan president if he guaranteed their safety.")
    assert "AGREE" in _types(ms) and "CONSULT" not in _types(ms)


def test_prepared_to_impose_is_a_threat(mentions_of):
    ms = mentions_of("The Kenyan government announced that it is prepared to impose a curfew in Mombasa.")
    assert "THREATEN" in _types(ms) and "COERCE" not in _types(ms)


def test_demand_noun_content_is_not_an_event(mentions_of):
    ms = mentions_of("Amnesty International repeated its demand that Uganda lift the ban on opposition rallies.")
    m = _one(ms, "REQUEST")
    assert [a.country for a in m.recipients] == ["UGA"]
    assert m.actors and "Amnesty" in m.actors[0].name
    assert "CONCEDE" not in _types(ms)


def test_demand_content_clause_parsed_onto_the_verb(mentions_of):
    # the small model hangs "that Sudan lift ..." on "repeated", not on "demand"
    ms = mentions_of("The African Union repeated its demand yesterday that Sudan lift the blockade.")
    m = _one(ms, "REQUEST")
    assert [a.country for a in m.recipients] == ["SDN"]
    assert not any(m.emitted and m.trigger.text == "lift" for m in ms)
