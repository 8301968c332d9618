"""Countries whose full dump the user loaded are preferred in texts that name no other country, and an event known
only to a division is put at the division's seat (ACLED / UCDP convention). Hand-made GeoNames rows, invented
village names."""
from __future__ import annotations

from eventcoder.geo.dumps import parse_dump
from eventcoder.geo.gazetteer import haversine_km
from eventcoder.geo.resolver import find_toponyms, locate_event

from .conftest import MINI

# 19 GeoNames columns: id, name, ascii, alternates, lat, lon, class, code, cc, cc2, admin1..4, population, ...
ROWS = [
    (900001, "Burkina Faso", "A", "PCLI", "BF", "00", "", 12.5, -1.7, 0),
    (900002, "Region du Sahel", "A", "ADM1", "BF", "89", "", 14.0, -0.5, 0),
    (900003, "Province de Kelbo", "A", "ADM2", "BF", "89", "8901", 13.9, -0.9, 0),
    (900004, "Kelbo", "P", "PPL", "BF", "89", "", 14.10, -0.70, 0),          # seat named like its province
    (900005, "Dorissa", "P", "PPLA", "BF", "89", "", 14.03, -0.03, 20000),   # seat of the region
    (900006, "Sambadou", "P", "PPL", "BF", "89", "8901", 14.00, -0.80, 0),   # a village of the dump
    (900007, "Oued Sambadou", "H", "STM", "BF", "89", "", 13.6, -1.2, 0),    # only full dumps hold streams
    (900008, "Sambadou", "P", "PPLA2", "CI", "82", "", 7.0, -5.0, 60000),    # a foreign namesake, larger
]


def _line(gid, name, fcl, code, cc, a1, a2, lat, lon, pop) -> str:
    cols = [str(gid), name, name, "", str(lat), str(lon), fcl, code, cc, "", a1, a2, "", "", str(pop),
            "", "", "Africa/Abidjan", "2020-01-01"]
    return "\t".join(cols) + "\n"


def _gaz(without: set[int] = frozenset()):
    lines = MINI.read_text(encoding="utf-8").splitlines(True)
    lines += [_line(*r) for r in ROWS if r[0] not in without]
    return parse_dump(lines, "test")


def _sambadou(nlp, gaz, text, countries=("MLI",)):
    tops = find_toponyms(text, doc=nlp(text), gazetteer=gaz, context_countries=list(countries))
    return [t for t in tops if t.text == "Sambadou"]


def test_focus_countries_are_those_with_a_full_dump():
    assert _gaz().focus_countries == {"BF"}
    assert _gaz(without={900007}).focus_countries == frozenset()


def test_village_of_a_loaded_country_beats_a_foreign_namesake(nlp):
    # the actors' country (Mali) is not the place's country: the village is kept, not dropped as falsely precise
    text = "Gunmen killed two herders in Sambadou on Monday."
    got = _sambadou(nlp, _gaz(), text)
    assert got and got[0].place.geonameid == 900006
    # without the dump's evidence that the user covers Burkina Faso, the larger foreign town wins
    other = _sambadou(nlp, _gaz(without={900007}), text)
    assert not other or other[0].place.geonameid == 900008


def test_no_focus_when_the_text_names_another_country(nlp):
    text = "Gunmen killed two herders in Sambadou, Ivory Coast, on Monday."
    gaz = _gaz()
    gaz.add(2287781, "Ivory Coast", 7.5, -5.5, "CI", "A", "PCLI", 25000000, None, None, ["Cote d'Ivoire"])
    got = _sambadou(nlp, gaz, text, countries=())
    assert got and got[0].place.geonameid == 900008


def test_event_known_only_to_a_division_is_at_its_seat(nlp):
    gaz = _gaz()
    text = "Soldiers clashed with militants in the Gao region on Friday."
    tops = find_toponyms(text, doc=nlp(text), gazetteer=gaz)
    i = text.index("clashed")
    place = locate_event(text, tops, sentence=(0, len(text)), trigger=(i, i + 7), gazetteer=gaz)
    assert place.name == "Gao Region" and place.precision == "admin1" and place.acled_geo_precision == 3
    assert haversine_km(place.lat, place.lon, 16.27, -0.04) < 1          # Gao town, GeoNames' seat (PPLA)


def test_seat_named_like_the_division_when_no_seat_is_coded():
    gaz = _gaz()
    prov = gaz.get(900003)
    assert gaz.seat(prov).geonameid == 900004              # "Province de Kelbo" -> Kelbo
    assert gaz.seat(gaz.get(900002)).geonameid == 900005   # the region's PPLA
    assert gaz.seat(gaz.get(900004)) is None                # a town has no seat


def test_names_written_as_one_address_locate_each_other(nlp):
    # two villages named Sambadou: the one inside the province given in parentheses wins over the larger one
    gaz = _gaz()
    gaz.add(900009, "Sambadou", 15.5, 1.5, "BF", "P", "PPL", 3000, "Region du Sahel", None, [])
    text = "Gunmen killed two herders in Sambadou (Kelbo, Sahel) on Monday."
    tops = find_toponyms(text, doc=nlp(text), gazetteer=gaz, context_countries=["MLI"])
    got = [t for t in tops if t.text == "Sambadou"]
    assert got and got[0].place.geonameid == 900006


def test_a_namesake_far_from_the_place_that_locates_it_is_left_unresolved(nlp):
    gaz = _gaz()
    gaz.add(900010, "Varkala", 8.7, 76.7, "IN", "P", "PPL", 40000, "Kerala", None, ["Warkala"])
    text = "Gunmen attacked the market of Warkala (Kidal, Kidal Region), a town in Mali."
    tops = {t.text: t for t in find_toponyms(text, doc=nlp(text), gazetteer=gaz)}
    assert tops["Kidal"].place.geonameid == 2455518
    assert "Warkala" not in tops or tops["Warkala"].place is None


def test_a_coders_note_names_the_event_place_and_its_precision(nlp):
    gaz = _gaz()
    text = ("On Monday, gunmen ambushed a convoy on the road between Dorissa and Kelbo "
            "(coded as Kelbo at geoprecision 2). Two drivers were wounded.")
    tops = find_toponyms(text, doc=nlp(text), gazetteer=gaz)
    i = text.index("ambushed")
    place = locate_event(text, tops, sentence=(0, text.index(".") + 1), trigger=(i, i + 8), gazetteer=gaz)
    assert place.geonameid == 900004 and place.acled_geo_precision == 2 and place.precision == "near"
    assert text[place.span.start:place.span.end] == "Kelbo" and place.span.start > text.index("coded")


def test_a_foreign_city_named_like_a_focus_place_does_not_switch_the_focus_off(nlp):
    gaz = _gaz()
    gaz.add(900011, "Dorissa", 35.0, 135.0, "JP", "P", "PPLA", 350000, "Kansai", None, [])
    text = "Striking teachers marched in Dorissa on Monday."
    tops = [t for t in find_toponyms(text, doc=nlp(text), gazetteer=gaz) if t.text == "Dorissa"]
    assert tops and tops[0].place.geonameid == 900005


def test_a_weak_word_in_the_parentheses_does_not_unresolve_the_place(nlp):
    gaz = _gaz()
    gaz.add(900012, "Ville", 46.0, 5.0, "FR", "P", "PPL", 800, "Bourgogne", None, [])
    text = "Hundreds of demonstrators erected barricades in Dorissa (Ville de Dorissa, Dorissa) on Friday."
    tops = [t for t in find_toponyms(text, doc=nlp(text), gazetteer=gaz) if t.text == "Dorissa"]
    assert tops and all(t.place is not None and t.place.geonameid == 900005 for t in tops)
