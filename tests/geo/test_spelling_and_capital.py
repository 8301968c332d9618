"""Names the gazetteer does not know as written resolve to a spelling variant of a loaded country's place (near
the places named with them); an event known only to its country is put at the capital; a demonym ("French
soldiers") does not make the text about that country; a tag glued to a name ("Dorissa.[size=...]") is not part
of it. Hand-made GeoNames rows, invented village names."""
from __future__ import annotations

from eventcoder.geo.build import apply_demonyms
from eventcoder.geo.gazetteer import haversine_km
from eventcoder.geo.resolver import find_toponyms, locate_event
from eventcoder.geo.text import fold, skeleton

from .test_focus_and_seat import _gaz


def _places(nlp, gaz, text, countries=()):
    return {t.text: t for t in find_toponyms(text, doc=nlp(text), gazetteer=gaz, context_countries=list(countries))}


def test_spelling_key_levels_transliterations():
    same = [("Tin-Hamma", "Tin Hama"), ("Diabaly", "Diabali"), ("Ouagadougou", "Wagadugu"),
            ("Kompienbiga", "Kompiembiga"), ("Gaidam Tchoukou", "Geydam-Tchoukou"), ("Djibasso", "Jibaso")]
    for a, b in same:
        assert skeleton(fold(a)) == skeleton(fold(b)), (a, b)
    assert skeleton(fold("Sambadou")) != skeleton(fold("Sambala"))


def test_unknown_spelling_resolves_near_its_address(nlp):
    gaz = _gaz()
    gaz.add(900020, "Tialbouanga", 14.02, -0.84, "BF", "P", "PPL", 0, "Region du Sahel", None, [])
    gaz.add(900021, "Tialbouanga", 11.0, -3.5, "BF", "P", "PPL", 0, None, None, [])     # a namesake far away
    text = "Gunmen killed three herders in the village of Tialboanga (Kelbo, Sahel) on Monday."
    got = _places(nlp, gaz, text)
    assert got["Tialboanga"].place is not None and got["Tialboanga"].place.geonameid == 900020
    i = text.index("killed")
    place = locate_event(text, list(got.values()), sentence=(0, len(text)), trigger=(i, i + 6), gazetteer=gaz)
    assert place.geonameid == 900020 and place.precision == "point"


def test_unknown_spelling_without_context_needs_one_clear_match(nlp):
    gaz = _gaz()
    got = _places(nlp, gaz, "Gunmen burned the school in the village of Sambadu on Monday.")
    assert got["Sambadu"].place.geonameid == 900006       # the loaded country's village, not the foreign town
    gaz = _gaz()
    gaz.add(900022, "Sambadou", 10.5, -4.0, "BF", "P", "PPL", 0, None, None, [])   # a second one, far away
    got = _places(nlp, gaz, "Gunmen burned the school in the village of Sambadu on Monday.")
    assert "Sambadu" not in got or got["Sambadu"].place is None


def test_a_name_unlike_any_place_stays_unresolved(nlp):
    got = _places(nlp, _gaz(), "Gunmen burned the school in the village of Zorbatanga (Kelbo, Sahel) on Monday.")
    assert "Zorbatanga" not in got or got["Zorbatanga"].place is None


def test_event_known_only_to_its_country_is_at_the_capital(nlp):
    gaz = _gaz()
    text = "Hundreds of teachers marched on Tuesday to demand higher wages."
    i = text.index("marched")
    place = locate_event(text, [], sentence=(0, len(text)), trigger=(i, i + 7), context_countries=["MLI"],
                         gazetteer=gaz)
    assert place.name == "Mali" and place.precision == "country" and place.acled_geo_precision == 3
    assert haversine_km(place.lat, place.lon, 12.65, -8.0) < 1      # Bamako, the capital (PPLC)


def test_a_demonym_does_not_switch_the_loaded_country_off(nlp):
    gaz = _gaz()
    gaz.add(3017382, "France", 46.0, 2.0, "FR", "A", "PCLI", 67000000, None, None, [])
    apply_demonyms(gaz, None)
    got = _places(nlp, gaz, "French soldiers killed two militants in Sambadou on Monday.", countries=["FRA"])
    assert got["Sambadou"].place is not None and got["Sambadou"].place.geonameid == 900006


def test_a_tag_glued_to_a_name_is_not_part_of_it(nlp):
    got = _places(nlp, _gaz(), "On Monday, teachers staged a demonstration in Dorissa.[size=no report]")
    assert got["Dorissa"].place.geonameid == 900005


def test_village_of_a_name_the_ner_ran_into_an_address_is_the_event_place(nlp):
    from spacy.tokens import Span
    gaz = _gaz()
    text = "On Monday, gunmen killed a herder in the village of Sambadou (Kelbo, Sahel)."
    doc = nlp(text)
    i = [t.text for t in doc].index("Sambadou")
    doc.ents = [Span(doc, i, i + 3, label="ORG")]             # "Sambadou (Kelbo" read as an organisation
    tops = find_toponyms(text, doc=doc, gazetteer=gaz)
    got = [t for t in tops if t.text == "Sambadou"]
    assert got and got[0].role == "place" and got[0].place.geonameid == 900006
    k = text.index("killed")
    place = locate_event(text, tops, sentence=(0, len(text)), trigger=(k, k + 6), gazetteer=gaz)
    assert place.geonameid == 900006


def test_a_division_namesake_far_from_its_village_gives_way_to_the_one_near_it():
    from eventcoder.geo.resolver import _Mention, _regroup
    gaz = _gaz()
    gaz.add(900030, "Zintara", 14.02, -0.78, "BF", "P", "PPL", 0, "Region du Sahel", None, [])
    gaz.add(900031, "Koridi", 15.8, -3.3, "ML", "P", "PPLA", 80000, None, None, [])     # the larger namesake
    gaz.add(900032, "Koridi", 14.05, -0.70, "BF", "P", "PPL", 0, "Region du Sahel", None, [])
    head, far, near = gaz.get(900030), gaz.get(900031), gaz.get(900032)
    together = {"zintara": {"koridi"}, "koridi": {"zintara"}, "#heads": {"zintara"}}
    div = _Mention(30, 36, "Koridi", "place", "ner", [far, near], choice=far)
    first = {"zintara": head, "koridi": far}
    by_key = {"zintara": [_Mention(20, 27, "Zintara", "place", "ner", [head])], "koridi": [div]}
    assert _regroup(head, "zintara", together, by_key, first)          # "Zintara (Koridi)": the Koridi near it
    assert first["koridi"] == near and div.choice == near
    lone = _Mention(30, 36, "Koridi", "place", "ner", [far], choice=far)   # no namesake near: nothing to switch
    first = {"zintara": head, "koridi": far}
    assert not _regroup(head, "zintara", together, {"zintara": by_key["zintara"], "koridi": [lone]}, first)
    assert first["koridi"] == far


def test_common_words_that_are_foreign_villages_are_not_places(nlp):
    gaz = _gaz()
    gaz.add(900040, "Justice", 41.75, -87.84, "US", "P", "PPL", 12000, "Illinois", None, [])
    text = "On Monday, lawyers held a sit-in in front of the Palace of Justice in Dorissa."
    tops = find_toponyms(text, doc=nlp(text), gazetteer=gaz)
    assert all(t.text != "Justice" or t.place is None for t in tops)
    i = text.index("held")
    place = locate_event(text, tops, sentence=(0, len(text)), trigger=(i, i + 4), gazetteer=gaz)
    assert place.geonameid == 900005
