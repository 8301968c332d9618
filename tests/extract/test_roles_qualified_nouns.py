"""A country's demonym on a noun the actor lexicon has no role for (cues.yaml roles: civilian_nouns,
military_nouns): settlements and their people are the country's civilians, weapon platforms its military.
Own sentences."""


from picks import one as _one


def test_towns_of_a_demonym_are_its_civilians(mentions_of):
    m = _one(mentions_of("Chad threatened to bomb Sudanese villages near the border."), "THREATEN")
    assert [(a.country, a.sector) for a in m.recipients] == [("SDN", "CVL")]
    assert m.recipients[0].span.text == "Sudanese villages"


def test_weapon_platforms_of_a_demonym_are_its_military(mentions_of):
    m = _one(mentions_of("Eritrean tanks shelled the town of Badme on Monday."), "ASSAULT")
    assert [(a.country, a.sector, a.span.text) for a in m.actors] == [("ERI", "MIL", "Eritrean tanks")]


def test_other_common_nouns_stay_no_party(mentions_of):
    # "Sudanese proposals" is no actor of its own: no civilians or military made up from the demonym
    ms = mentions_of("Chad rejected Sudanese proposals on Monday.")
    m = _one(ms, "REJECT")
    assert all(a.sector not in ("CVL", "MIL") for a in m.recipients)


def test_a_delegation_of_a_demonym_is_its_government(mentions_of):
    m = _one(mentions_of("A Gabonese delegation held talks with Cameroonian officials in Yaounde."), "CONSULT")
    assert [(a.country, a.sector) for a in m.actors] == [("GAB", "GOV")]
