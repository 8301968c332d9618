"""pipeline._situate_actors: role-only actors take the event's country; ACLED inter codes by the act."""
from __future__ import annotations

import datetime as dt

from eventcoder import records
from eventcoder.actors import default_resolver
from eventcoder.pipeline import _situate_actors

D = dt.date(2021, 5, 4)


def _mention(sentence: str, acled_type: str, actors: list[str], recipients: list[str] = (),
             place_country: str | None = None, context=("MLI",)) -> records.Mention:
    r = default_resolver()

    def actor(phrase: str) -> records.Actor:
        start = sentence.index(phrase)
        a = r.resolve(phrase, date=D, context_countries=context)
        return records.replace(a, span=records.Span("t", start, start + len(phrase), phrase))

    span = records.Span("t", 0, len(sentence), sentence)
    place = records.Place(name="somewhere", country=place_country) if place_country else None
    return records.Mention(id="m1", article_id="t", coding=records.Coding("ASSAULT", acled_event_type=acled_type),
                           trigger=span, sentence=span, actors=tuple(actor(p) for p in actors),
                           recipients=tuple(actor(p) for p in recipients), place=place, published=D)


def test_region_in_the_sentence_overrides_a_guessed_country():
    m = _situate_actors(_mention("Soldiers killed two villagers near Djibo (Djibo, Soum).",
                                 "Violence against civilians", ["Soldiers"], ["villagers"]))
    assert [(a.country, a.acled_inter) for a in m.actors] == [("BFA", 1)]
    assert [(a.country, a.acled_inter) for a in m.recipients] == [("BFA", 7)]


def test_named_country_is_kept():
    m = _situate_actors(_mention("Malian soldiers crossed into Oudalan and attacked a camp.", "Battles",
                                 ["Malian soldiers"], place_country="BFA"))
    assert m.actors[0].country == "MLI" and m.actors[0].acled_inter == 8      # state forces abroad
    # at home they are 1 whatever the article's other countries made of them
    home = _situate_actors(_mention("Malian soldiers patrolled near Mopti.", "Battles", ["Malian soldiers"],
                                    context=("FRA",)))
    assert (home.actors[0].country, home.actors[0].acled_inter) == ("MLI", 1)


def test_place_country_when_the_sentence_names_no_place():
    m = _situate_actors(_mention("Unknown gunmen abducted a teacher.", "Violence against civilians",
                                 ["Unknown gunmen"], ["a teacher"], place_country="NER"))
    assert (m.actors[0].country, m.actors[0].acled_inter) == ("NER", 3)


def test_attacking_civilians_are_a_communal_militia():
    m = _situate_actors(_mention("Villagers attacked a herders' camp and killed two.", "Violence against civilians",
                                 ["Villagers"], place_country="BEN", context=()))
    assert (m.actors[0].country, m.actors[0].acled_inter) == ("BEN", 4)
    # the same people protesting are protesters, as victims civilians
    p = _situate_actors(_mention("Villagers marched to the town hall.", "Protests", ["Villagers"], place_country="BEN"))
    assert p.actors[0].acled_inter == 6


def test_party_members_protesting_are_protesters():
    m = _situate_actors(_mention("Opposition parties held a march.", "Protests", ["Opposition parties"],
                                 place_country="BFA"))
    assert m.actors[0].acled_inter == 6


def test_both_sides_of_a_battle_are_armed():
    m = _situate_actors(_mention("Herders clashed with residents of the village.", "Battles", ["Herders"],
                                 ["residents"], place_country="GHA"))
    assert [a.acled_inter for a in m.actors + m.recipients] == [4, 4]


def test_victims_of_violence_against_civilians_are_civilians_whatever_their_trade():
    # ACLED's definition of the event: the unarmed victim is a civilian, also a mayor or an off-duty soldier
    m = _situate_actors(_mention("Gunmen abducted the mayor and a party official at home.",
                                 "Violence against civilians", ["Gunmen"], ["the mayor", "a party official"],
                                 place_country="NER"))
    assert [(a.country, a.acled_inter) for a in m.recipients] == [("NER", 7), ("NER", 7)]
    # in a battle the same office keeps its state code
    b = _situate_actors(_mention("Gunmen attacked the mayor's guards.", "Battles", ["Gunmen"], ["the mayor"],
                                 place_country="NER"))
    assert b.recipients[0].acled_inter == 1


def test_members_of_no_named_kind_count_as_civilians():
    m = _situate_actors(_mention("Militants killed three members of a family.", "Violence against civilians",
                                 ["Militants"], ["members"], place_country="BFA"))
    assert m.recipients[0].acled_inter == 7
    b = _situate_actors(_mention("Members of two families clashed over a field.", "Battles", ["Members"],
                                 place_country="BFA"))
    assert b.actors[0].acled_inter == 4


def test_a_clan_named_alone_that_attacks_is_a_communal_militia():
    m = _situate_actors(_mention("Garre attacked a Degodia village.", "Violence against civilians", ["Garre"],
                                 place_country="KEN", context=("KEN",)))
    assert (m.actors[0].country, m.actors[0].acled_inter) == ("KEN", 4)


def test_people_of_no_stated_community_who_attack_are_an_unidentified_armed_group():
    m = _situate_actors(_mention("Two men attacked a trader on the road.", "Violence against civilians",
                                 ["Two men"], ["a trader"], place_country="KEN", context=("KEN",)))
    assert (m.actors[0].country, m.actors[0].acled_inter) == ("KEN", 3)
    # a community (named or by its trade) that attacks is its militia
    f = _situate_actors(_mention("Fulani men attacked a farm.", "Violence against civilians", ["Fulani men"],
                                 place_country="BEN", context=("BEN",)))
    assert f.actors[0].acled_inter == 4
    h = _situate_actors(_mention("Herders attacked a farm.", "Violence against civilians", ["Herders"],
                                 place_country="BEN", context=("BEN",)))
    assert h.actors[0].acled_inter == 4


def test_a_city_hit_by_violence_is_its_people():
    r = default_resolver()
    s = "Rebels shelled Kinshasa overnight."
    a = records.replace(r.resolve("Kinshasa"), span=records.Span("t", 15, 23, "Kinshasa"))
    span = records.Span("t", 0, len(s), s)
    m = records.Mention(id="m1", article_id="t", coding=records.Coding("ASSAULT"), trigger=span, sentence=span,
                        recipients=(a,), published=D)
    out = _situate_actors(m).recipients[0]
    assert (out.country, out.sector) == ("COD", "CVL")
    # the capital that speaks stays the government
    talk = records.replace(m, coding=records.Coding("ACCUSE"))
    assert _situate_actors(talk).recipients[0].sector == "GOV"


def test_an_operation_abroad_is_an_external_force_wherever_the_place_falls():
    # the KB lists where the operation works, not its home country: ACLED's 8 even when the event could only
    # be placed in the force's own country
    m = _situate_actors(_mention("Barkhane forces destroyed two vehicles.", "Battles", ["Barkhane forces"],
                                 place_country="FRA", context=("FRA",)))
    assert (m.actors[0].country, m.actors[0].acled_inter) == ("FRA", 8)
    # a national army at home stays 1
    h = _situate_actors(_mention("French troops paraded in Paris.", "Battles", ["French troops"],
                                 place_country="FRA", context=("FRA",)))
    assert h.actors[0].acled_inter == 1


def test_a_city_targeted_where_it_lies_is_its_people():
    r = default_resolver()
    s = "The president extended the curfew in Kinshasa."
    start = s.index("Kinshasa")
    a = records.replace(r.resolve("Kinshasa"), span=records.Span("t", start, start + 8, "Kinshasa"))
    span = records.Span("t", 0, len(s), s)
    m = records.Mention(id="m1", article_id="t", coding=records.Coding("THREATEN"), trigger=span, sentence=span,
                        recipients=(a,), published=D)
    assert _situate_actors(m).recipients[0].sector == "CVL"
