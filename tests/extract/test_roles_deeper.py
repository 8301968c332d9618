"""Recipients the trigger's own arguments do not name: inside its object ("aid to X", "an X proposal") or in the
clause that spells out the act ("refused to meet X"); unknown proper names kept as actors; dates and places are
never parties. Own sentences, one phenomenon per test."""


from picks import one as _one


def test_party_inside_the_object_aid_to(mentions_of):
    m = _one(mentions_of("Norway said on Monday it had suspended economic aid to Kenya."), "SANCTION")
    assert [a.country for a in m.recipients] == ["KEN"]


def test_owner_of_the_object_is_the_recipient(mentions_of):
    m = _one(mentions_of("Chad rejected a Sudanese proposal for joint border patrols."), "REJECT")
    assert [a.country for a in m.recipients] == ["SDN"]


def test_object_of_the_spelled_out_clause(mentions_of):
    m = _one(mentions_of("Ethiopia has refused to meet the Kenyan president in Nairobi."), "REJECT")
    assert "KEN" in [a.country for a in m.recipients]


def test_contact_with_inside_object_of_embedded_verb(mentions_of):
    ms = mentions_of("Tanzania said it would boycott all official contact with Uganda.")
    m = next(m for m in ms if m.trigger.text == "boycott")
    assert [a.country for a in m.recipients] == ["UGA"]


def test_unknown_proper_noun_is_an_actor_by_its_text(mentions_of):
    # the small model tags no entity on "Dunmere" here: the proper noun alone makes it an actor
    m = _one(mentions_of("Dunmere is about to restore full diplomatic ties with Tarsis."), "SUPPORT")
    assert [a.name for a in m.actors] == ["Dunmere"] and not m.actors[0].known
    assert m.actors[0].span is not None and m.actors[0].span.text == "Dunmere"
    assert [a.name for a in m.recipients] == ["Tarsis"]


def test_a_date_is_never_a_party(mentions_of):
    m = _one(mentions_of("On 3 May 2021, soldiers arrested two traders in Gao."), "COERCE")
    assert not any("May" in (a.span.text if a.span else a.name) for a in m.recipients + m.actors)


def test_the_place_of_an_object_is_no_party(mentions_of):
    ms = mentions_of("Gunmen seized cattle in the village of Tomboro on Sunday.")
    assert not any(a.name == "Tomboro" for m in ms for a in m.recipients)


def test_us_in_capitals_is_the_country_not_a_pronoun(mentions_of):
    ms = mentions_of("The Kenyan president said on Tuesday that the US must stop the flights.")
    m = next(m for m in ms if m.coding.plover_type == "REQUEST")
    assert [a.country for a in m.recipients] == ["USA"]
    assert [a.country for a in m.actors] == ["KEN"]


def test_place_hanging_on_the_object_is_the_target(mentions_of):
    m = _one(mentions_of("Ethiopian troops declared a state of siege in Mogadishu on Saturday."), "COERCE")
    assert [a.country for a in m.recipients] == ["SOM"]


def test_engaged_in_gives_the_nominal_act_its_actor(mentions_of):
    ms = mentions_of("Sudanese militias were engaged in ethnic cleansing against Masalit villagers.")
    assault = [m for m in ms if m.coding.plover_type == "ASSAULT"]
    assert [m.trigger.text for m in assault] == ["cleansing"]          # not a second event for "engaged"
    assert [a.country for a in assault[0].actors] == ["SDN"]


def test_took_part_in_the_attack(mentions_of):
    m = _one(mentions_of("Chadian soldiers took part in the attack on the camp."), "ASSAULT")
    assert [a.country for a in m.actors] == ["TCD"]


def test_engaged_rebels_makes_the_rebels_the_target(mentions_of):
    m = _one(mentions_of("Chadian troops engaged rebels near the border on Monday."), "ASSAULT")
    assert [a.sector for a in m.recipients] == ["REB"]


def test_role_noun_after_of_is_the_party_not_its_demonym(mentions_of):
    # "the deaths of Malian soldiers": Malian soldiers (MLI MIL), not the government the demonym alone names
    ms = mentions_of("The ambush by rebels led to the deaths of Malian soldiers near Kidal.")
    m = next(m for m in ms if m.trigger.text == "deaths")
    assert [(a.country, a.sector) for a in m.recipients] == [("MLI", "MIL")]
