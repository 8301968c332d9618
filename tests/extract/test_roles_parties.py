"""Parties the trigger's own arguments leave out: coordinated targets of a demand, "from" after separation nouns
and taking verbs, "of" after act nouns, partners "with X's help", conditions of threats, purpose clauses,
participle adjuncts, frames of fighting. Own sentences, one phenomenon per test."""


from picks import one as _one


def test_every_coordinated_party_of_a_demand_is_asked(mentions_of):
    m = _one(mentions_of("Chadian rebels said that the Chadian army and the Sudanese government must stop the raids."),
             "REQUEST")
    assert {"TCD", "SDN"} <= {a.country for a in m.recipients}


def test_independence_from_names_the_party(mentions_of):
    m = _one(mentions_of("Thousands of Kurds marched in Erbil on Friday calling for independence from Iraq."), "PROTEST")
    assert "IRQ" in [a.country for a in m.recipients]


def test_autonomy_from_after_a_demand(mentions_of):
    m = _one(mentions_of("Tuareg rebels are demanding economic and cultural autonomy from the government of "
                         "Niger."), "REQUEST")
    assert [a.country for a in m.recipients] == ["NER"]


def test_coordinated_modifiers_of_a_common_noun_are_no_parties(mentions_of):
    m = _one(mentions_of("The Tuareg are demanding economic and cultural autonomy."), "REQUEST")
    assert not m.recipients


def test_confiscated_from_is_the_target(mentions_of):
    m = _one(mentions_of("Kenyan police confiscated rifles from Somali militiamen on Tuesday."), "COERCE")
    assert "SOM" in [a.country for a in m.recipients]


def test_with_the_help_of_is_a_partner_and_of_after_a_blockade_is_the_target(mentions_of):
    ms = mentions_of("Egypt said it would tighten the naval blockade of Libya with Tunisia's help.")
    m = next(m for m in ms if m.recipients)
    assert [a.country for a in m.recipients] == ["LBY"]


def test_removal_of_names_the_party(mentions_of):
    ms = mentions_of("Students protested in Lome on Monday calling for the removal of President Faure Gnassingbe.")
    m = _one(ms, "PROTEST")
    assert "TGO" in [a.country for a in m.recipients]


def test_threat_aimed_at_the_party_of_its_condition(mentions_of):
    m = _one(mentions_of("Ethiopia threatened to close the border if Eritrea keeps its troops in the zone."), "THREATEN")
    assert "ERI" in [a.country for a in m.recipients]


def test_purpose_clause_takes_the_subject_of_its_verb(mentions_of):
    ms = mentions_of("Qatar has hired lobbyists in Washington to help support the Sudanese government.")
    m = _one(ms, "SUPPORT")
    assert [a.country for a in m.actors] == ["QAT"]


def test_fighting_during_which_a_camp_was_surrounded_is_fought_by_the_surrounders(mentions_of):
    ms = mentions_of("Malian troops surrounded a rebel camp near Kidal during heavy fighting, officials said.")
    m = _one(ms, "ASSAULT")
    assert "MLI" in [a.country for a in m.actors]


def test_the_dead_of_a_clash_do_not_fight_it(mentions_of):
    ms = mentions_of("Three villagers died during clashes between herders and farmers.")
    assert not any(a.span and a.span.text == "Three villagers" for m in ms for a in m.actors)


def test_participle_object_is_the_target_not_its_demonym(mentions_of):
    ms = mentions_of("Gunmen stopped a bus near Dori, abducting the Nigerien driver.")
    assert not any(a.sector == "GOV" for m in ms for a in m.recipients)


def test_a_misparsed_speaker_is_no_part_of_the_target(pipeline):
    import datetime as dt

    from eventcoder.extract.roles import argument_span
    from eventcoder.records import Article
    text = ("Norway will give seeds to farmers displaced by the drought in Niger, the Food and Agriculture "
            "Organization (FAO) said on Tuesday.")
    doc = pipeline.document(Article.from_text(text, published=dt.date(2024, 8, 5))).parsed
    farmers = next(t for t in doc if t.text == "farmers")
    start, end = argument_span(farmers)
    assert text[start:end] == "farmers displaced by the drought in Niger"


def test_an_apposition_describing_a_place_stays_in_the_phrase(mentions_of):
    ms = mentions_of("Residents of Tanghin, a district of Ouagadougou, blocked the main road to demand water.")
    assert any("a district of Ouagadougou" in a.span.text for m in ms for a in m.actors if a.span)
