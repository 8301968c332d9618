from __future__ import annotations

import pytest

from eventcoder.geo.gazetteer import haversine_km
from eventcoder.geo.resolver import find_toponyms, locate_event

from .conftest import mini_gazetteer

SEED_LIKE = ("Mali has cut relations with Ukraine after deadly fighting near the Algerian border.\n"
             "The fighting took place near Tinzaouaten, a town on the border with Algeria. "
             "Malian soldiers were ambushed by rebels.")


def _sentence(text: str, word: str) -> tuple[tuple[int, int], tuple[int, int]]:
    i = text.index(word)
    s = max(text.rfind(". ", 0, i) + 2 if text.rfind(". ", 0, i) >= 0 else 0, text.rfind("\n", 0, i) + 1)
    e = text.find(".", i) + 1
    return (s, e), (i, i + len(word))


def test_village_from_dump_is_the_event_place_near_precision(nlp, mini):
    tops = find_toponyms(SEED_LIKE, doc=nlp(SEED_LIKE), gazetteer=mini)
    sent, trig = _sentence(SEED_LIKE, "took place")
    place = locate_event(SEED_LIKE, tops, sentence=sent, trigger=trig, article_id="a1", gazetteer=mini)
    assert place.geonameid == 2476086
    assert haversine_km(place.lat, place.lon, 19.954, 2.967) <= 25
    assert (place.precision, place.acled_geo_precision, place.ucdp_where_prec) == ("near", 2, 2)
    assert place.country == "MLI" and place.admin1 == "Kidal Region"
    assert place.span.article_id == "a1" and SEED_LIKE[place.span.start:place.span.end] == "Tinzaouaten"


def test_without_the_village_the_country_is_given_with_country_precision(nlp):
    gaz = mini_gazetteer(skip={2476086})
    tops = find_toponyms(SEED_LIKE, doc=nlp(SEED_LIKE), gazetteer=gaz)
    sent, trig = _sentence(SEED_LIKE, "took place")
    place = locate_event(SEED_LIKE, tops, sentence=sent, trigger=trig, gazetteer=gaz)
    assert place.geonameid == 2453866          # Mali, not Algeria ("border with Algeria" is no event place)
    assert (place.precision, place.acled_geo_precision, place.ucdp_where_prec) == ("country", 3, 6)


def test_country_name_tagged_person_resolves_to_the_country_never_a_building(nlp, mini):
    tops = find_toponyms(SEED_LIKE, doc=nlp(SEED_LIKE), gazetteer=mini)
    mali = [t for t in tops if t.text == "Mali"]
    assert mali and all(t.place.feature_code == "PCLI" for t in mali)


def test_demonyms_only_on_request(nlp, mini):
    doc = nlp(SEED_LIKE)
    assert not [t for t in find_toponyms(SEED_LIKE, doc=doc, gazetteer=mini) if t.role == "demonym"]
    dems = [t for t in find_toponyms(SEED_LIKE, doc=doc, gazetteer=mini, include_demonyms=True)
            if t.role == "demonym"]
    assert {t.text for t in dems} == {"Algerian", "Malian"}
    assert {t.place.country for t in dems} == {"DZA", "MLI"}


@pytest.mark.parametrize("text,word,expected", [
    ("Police in Henry County said the fire in Paris destroyed a barn.", "Paris", 4647963),
    ("Tourists crowded the museums of Paris and Lyon in France this summer.", "Paris", 2988507),
    ("The governor of Georgia spoke in Atlanta about the budget.", "Georgia", 4197000),
    ("Protesters in Tbilisi said Georgia must join the European Union.", "Georgia", 614540),
])
def test_document_context_disambiguates(nlp, mini, text, word, expected):
    tops = find_toponyms(text, doc=nlp(text), gazetteer=mini)
    got = [t for t in tops if t.text == word]
    assert got and got[0].place.geonameid == expected


def test_actor_countries_are_context(nlp, mini):
    text = "Gunmen attacked a checkpoint in Paris on Sunday."
    us = find_toponyms(text, doc=nlp(text), gazetteer=mini, context_countries=["USA"])
    assert [t.place.geonameid for t in us if t.text == "Paris"] == [4647963]


def test_region_cue_selects_the_division(nlp, mini):
    text = "Militants attacked a convoy in the Gao region, while traders gathered in Gao town."
    tops = find_toponyms(text, doc=nlp(text), gazetteer=mini)
    codes = [t.place.feature_code for t in tops if t.text == "Gao"]
    assert codes == ["ADM1", "PPLA"]


def test_no_place_gives_none(nlp, mini):
    text = "The minister said talks would resume next week."
    tops = find_toponyms(text, doc=nlp(text), gazetteer=mini)
    assert tops == []
    assert locate_event(text, tops, sentence=(0, len(text)), trigger=(4, 12), gazetteer=mini) is None


def test_bad_input_messages(nlp, mini):
    with pytest.raises(TypeError, match="expects the document text"):
        find_toponyms(None)  # type: ignore[arg-type]
    assert find_toponyms("   ", gazetteer=mini) == []
    with pytest.raises(ValueError, match="different text"):
        find_toponyms("Gao", doc=nlp("Kidal"), gazetteer=mini)
    with pytest.raises(ValueError, match="outside the text"):
        locate_event("abc", [], sentence=(0, 10), trigger=(0, 1), gazetteer=mini)
