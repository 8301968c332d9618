"""ACLED event and sub-event type from the participants (codebook rules), through the whole pipeline.

Each sentence is written for the test; the event scored is the ACLED-scope event with the highest confidence, as
in the ACLED benchmark.
"""
import datetime as dt

import pytest

from eventcoder.records import Article


VAC = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")
MOB = ("Riots", "Mob violence")
VIOLENT_DEMO = ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text, expected", [
    # the victim phrase's head decides; what they were suspected of does not arm them
    ("Soldiers killed three herders accused of helping militants near the village on Monday.", VAC),
    ("Unknown gunmen shot dead a local militia chief in his house on Monday.", VAC),
    # targeted killings are one-sided
    ("A police officer was assassinated at his home by unknown assailants on Monday.", VAC),
    # herders or farmers armed with machetes are an armed group, not a riot
    ("A group of farmers armed with machetes attacked a herders' camp and wounded four people on Monday.", VAC),
    # a crowd taking the law into its own hands
    ("Residents lynched two suspected thieves in the market on Monday.", MOB),
    ("An angry mob beat a man to death on Monday.", MOB),
])
def test_one_sided_violence(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police exchanged fire with bandits on the highway on Monday.", CLASH),
    ("Militants attacked the village on Monday but soldiers repelled the attack.", CLASH),
    ("Four soldiers killed in the north on Monday.", CLASH),
    ("Gunmen attacked an army position near the border on Monday.", CLASH),
])
def test_two_armed_sides_fight(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Students clashed with police near the university on Monday.", VIOLENT_DEMO),
    ("Rival party supporters clashed in the town centre on Monday.", MOB),
])
def test_clashes_of_crowds_are_riots(acled_of, text, expected):
    assert acled_of(text)[0] == expected[0]


def test_protest_violence_told_in_the_next_sentence(acled_of):
    text = ("Hundreds of residents demonstrated in the town against power cuts on Monday. "
            "They burnt tyres and threw stones at the police.")
    assert acled_of(text) == VIOLENT_DEMO


def test_what_a_protest_is_about_is_not_its_violence(acled_of):
    text = "Thousands marched in the capital on Monday to protest against the killing of a student by the police."
    assert acled_of(text) == ("Protests", "Peaceful protest")


def test_seizing_goods_in_a_village_is_not_taking_the_village(acled_of):
    assert acled_of("Gunmen abducted a trader and seized his motorbike in the village on Monday.") == \
        ("Violence against civilians", "Abduction/forced disappearance")


@pytest.mark.parametrize("text, expected", [
    ("Police repelled an attack by bandits on the station on Monday.", CLASH),
    ("Unknown attackers hurled a grenade into a bar on Monday.", ("Explosions/Remote violence", "Grenade")),
    ("Two farmers were found dead in their field on Monday.", VAC),
    ("Residents barricaded the main road on Monday.", VIOLENT_DEMO),
])
def test_acled_register_triggers(acled_of, text, expected):
    assert acled_of(text) == expected


def test_a_labour_strike_is_not_an_attack(acled_of, pipeline):
    text = "Teachers staged a 48-hour strike on Monday."
    assert acled_of(text) == (None, None)
    events = pipeline.code(Article.from_text(text, published=dt.date(2024, 3, 9)))
    assert "ASSAULT" not in {e.coding.plover_type for e in events}


def test_a_month_is_not_a_march(acled_of, pipeline):
    events = pipeline.code(Article.from_text("On 3 March 2024, gunmen killed two farmers near the village.",
                                             published=dt.date(2024, 3, 9)))
    assert "Protests" not in {e.coding.acled_event_type for e in events}
    assert acled_of("On 3 March 2024, gunmen killed two farmers near the village.") == VAC


@pytest.mark.parametrize("text, expected", [
    # an arrest or a looting beside a violent act belongs to that act's event
    ("Soldiers detained and executed five men in the village on Monday.", VAC),
    # force used on demonstrators is coded as the demonstration
    ("Police fired tear gas at protesters marching through the city on Monday.",
     ("Protests", "Protest with intervention")),
    # the doer of coordinated passives
    ("A suspected thief was attacked and injured by a vigilante mob on Monday.", MOB),
    # destruction by demonstrators
    ("Youths protested in the streets and set fire to government buildings on Monday.", VIOLENT_DEMO),
    # a date in the sentence says nothing about a march
    ("On 8 March 2024, unidentified gunmen abducted two students from the university.",
     ("Violence against civilians", "Abduction/forced disappearance")),
])
def test_events_told_together(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Militiamen attacked the village on Monday and local self-defense groups responded to the attack.", CLASH),
    ("Seven people were killed in clashes between rival ethnic groups over land on Monday.", CLASH),
    ("Police killed five gang members in the slum on Monday.", CLASH),
    # weapons named in another clause do not make remote violence
    ("A soldier was killed by gunfire on Monday while his unit was looking for explosives on the road.", CLASH),
    # 'communal transport' is a bus, not a communal militia
    ("Gunmen attacked a communal bus and killed two passengers on Monday.", VAC),
])
def test_sides_named_by_modifiers_and_clauses(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Soldiers staged a demonstration at their camp on Monday and fired gunshots in the air.", VIOLENT_DEMO),
    ("Vendors staged a demonstration on Monday over the arrest and beating of their colleagues by police.",
     ("Protests", "Peaceful protest")),
    ("Workers protested outside the factory on Monday. Police and protesters engaged in running battles.",
     VIOLENT_DEMO),
])
def test_what_demonstrators_did(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an attack that only hit property
    ("Unknown assailants carried out an arson attack on the house of a local councillor on Monday.",
     ("Strategic developments", "Looting/property destruction")),
    # the 'of' of an act noun names its victim
    ("The operation on Monday led to the killing of a senior militant commander.", CLASH),
    ("Soldiers neutralized ten militants near the border on Monday.", CLASH),
])
def test_what_was_hit(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text", [
    "Two soldiers were killed and four others wounded by the explosion of an IED on the road on Monday.",
    "A soldier was killed and four others wounded when their vehicle hit a landmine on Monday.",
    "One soldier was killed on Monday after an IED explosion destroyed his vehicle.",
    "An army truck struck an IED near the village on Monday. Two soldiers were wounded.",
])
def test_soldiers_hit_by_a_mine_is_remote_violence(acled_of, text):
    assert acled_of(text) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
