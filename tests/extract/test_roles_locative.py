"""A restriction imposed or lifted "in" a place (a state of siege, a curfew, a state of emergency) falls on the people
there: the target is the place's civilians, also when the government of that country imposes it. Own sentences."""


def test_state_of_siege_in_the_own_country_targets_its_people(mentions_of):
    ms = mentions_of("The junta of Guinea declared a state of siege in Guinea on Friday.")
    m = next(m for m in ms if m.coding.plover_type == "COERCE")
    assert [(a.country, a.sector) for a in m.recipients] == [("GIN", "CVL")]
    assert m.recipients[0].span is not None and m.recipients[0].span.text == "Guinea"


def test_siege_in_a_foreign_city_targets_its_people(mentions_of):
    ms = mentions_of("Ethiopian troops declared a state of siege in Mogadishu on Saturday.")
    m = next(m for m in ms if m.coding.plover_type == "COERCE")
    assert [(a.country, a.sector) for a in m.recipients] == [("SOM", "CVL")]
