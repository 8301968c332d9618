from __future__ import annotations

import datetime as dt

import pytest

D24 = dt.date(2024, 8, 5)


@pytest.mark.parametrize("phrase, code, inter, kb_id", [
    ("Malian soldiers", "MLIMIL", 1, "fama"),
    ("the Malian army", "MLIMIL", 1, "fama"),
    ("Tuareg separatist rebels", "MLIREB", 2, "csp"),
    ("Tuareg-led separatists", "MLIREB", 2, "csp"),
    ("fighters linked to al-Qaeda", "MLIREB", 2, "jnim"),
    ("the al-Qaeda affiliate Jamaat Nusrat al-Islam wal-Muslimin", "MLIREB", 2, "jnim"),
    ("Jama'at Nasr al-Islam wal Muslimin", "MLIREB", 2, "jnim"),
    ("Russian mercenaries from the Wagner group", "RUSPMC", 8, "wagner_group"),
    ("the Africa Corps", "RUSPMC", 8, "wagner_group"),
    ("Ukrainian military intelligence", "UKRSPY", None, "hur"),
    ("Andriy Yusov", "UKRSPY", None, "andriy_yusov"),
    ("Kyiv", "UKRGOV", 1, None),
    ("Mali", "MLIGOV", 1, None),
    ("Colonel Abdoulaye Maiga", "MLIGOV", 1, "abdoulaye_maiga"),
    ("Colonel Abdoulaye Maïga", "MLIGOV", 1, "abdoulaye_maiga"),
    ("A top Malian official", "MLIGOV", 1, None),
    ("the junta", "MLIGOV", 1, None),
    ("protesters", "MLICVL", 6, None),
    ("villagers", "MLICVL", 7, None),
])
def test_resolve_seed_style_phrases(resolver, phrase, code, inter, kb_id):
    a = resolver.resolve(phrase, date=D24, context_countries=["MLI"])
    assert a.code == code, a.why
    if inter is not None:
        assert a.acled_inter == inter, a.why
    if kb_id is not None:
        assert a.kb_id == kb_id, a.why
    assert a.why and a.span is None


def test_state_forces_abroad_are_external(resolver):
    home = resolver.resolve("Russian troops", context_countries=["RUS"])
    abroad = resolver.resolve("Russian troops", context_countries=["MLI"])
    assert (home.acled_inter, abroad.acled_inter) == (1, 8)
    assert resolver.resolve("Military Forces of France (2017-)", context_countries=["MLI"]).acled_inter == 8


def test_acled_style_names(resolver):
    cases = {
        "Military Forces of Mali (2013-2020)": ("MLIMIL", 1),
        "Police Forces of Kenya (2013-) Gendarmerie": ("KENCOP", 1),
        "Civilians (Burkina Faso)": ("BFACVL", 7),
        "Protesters (Nigeria)": ("NGACVL", 6),
        "Rioters (Benin)": ("BENCVL", 5),
        "Fulani Ethnic Militia (Mali)": ("MLIPRM", 4),
        "Unidentified Armed Group (Kenya)": ("KENUAF", 3),
        "JNIM: Group for Support of Islam and Muslims": ("MLIREB", 2),
        "Islamic State (West Africa) - Greater Sahara Faction": ("MLIREB", 2),
        "Islamic State (West Africa) - Lake Chad Faction": ("NGAREB", 2),
    }
    for phrase, (code, inter) in cases.items():
        a = resolver.resolve(phrase, date=dt.date(2020, 1, 1), context_countries=[code[:3]])
        assert (a.code, a.acled_inter) == (code, inter), (phrase, a.why)


def test_dates_select_names_and_phases(resolver):
    assert resolver.resolve("Tuareg rebels", date=dt.date(2012, 4, 1), context_countries=["MLI"]).kb_id == "mnla"
    assert resolver.resolve("Tuareg rebels", date=dt.date(2018, 4, 1), context_countries=["MLI"]).kb_id == "cma"
    assert resolver.resolve("Tuareg rebels", date=dt.date(2025, 3, 1), context_countries=["MLI"]).kb_id == "fla"
    assert resolver.resolve("CNSP", date=dt.date(2020, 9, 1)).country == "MLI"
    assert resolver.resolve("CNSP", date=dt.date(2023, 9, 1)).country == "NER"
    t_2019 = resolver.resolve("the Taliban", date=dt.date(2019, 1, 1))
    t_2022 = resolver.resolve("the Taliban", date=dt.date(2022, 1, 1))
    assert (t_2019.sector, t_2022.sector) == ("REB", "GOV")
    assert resolver.resolve("Nusra Front", date=dt.date(2014, 1, 1)).name == "Al-Nusra Front"
    assert resolver.resolve("HTS", date=dt.date(2019, 1, 1)).name.startswith("Hayat Tahrir al-Sham")


def test_office_holder_roles_follow_dates(resolver):
    a = resolver.resolve("Abdoulaye Maiga", date=dt.date(2025, 1, 10))
    assert a.code == "MLIGOV" and "Prime Minister" in a.why
    old = resolver.resolve("Ibrahim Boubacar Keita", date=dt.date(2022, 1, 1))
    assert old.sector == "ELI" and old.country == "MLI"


def test_context_country_settles_ambiguous_alias(resolver):
    assert resolver.resolve("ADF", date=dt.date(2022, 1, 1), context_countries=["COD"]).kb_id == "adf"
    assert resolver.resolve("ADF", date=dt.date(2022, 1, 1), context_countries=["CMR"]).kb_id == "ambazonia_adf"
    assert resolver.resolve("al-Shabaab", date=dt.date(2021, 1, 1), context_countries=["MOZ"]).kb_id == "is_mozambique"
    assert resolver.resolve("al-Shabaab", date=dt.date(2021, 1, 1), context_countries=["SOM"]).kb_id == "al_shabaab"


def test_role_only_uses_context(resolver):
    assert resolver.resolve("the army", context_countries=["NGA"]).code == "NGAMIL"
    bare = resolver.resolve("the army")
    assert bare.country is None and bare.sector == "MIL"


def test_unknown_actor_is_kept(resolver):
    a = resolver.resolve("the Front for the Liberation of Xanadu", context_countries=["MLI"])
    assert a.known is False and a.name == "the Front for the Liberation of Xanadu"
    assert a.sector == "REB" and a.acled_inter == 2
    b = resolver.resolve("zxqv")
    assert b.known is False and b.name == "zxqv" and b.why
    c = resolver.resolve("")
    assert c.known is False


def test_unknown_armed_group_not_forced(resolver):
    a = resolver.resolve("the rebels", context_countries=["MLI"])
    assert a.known is False and a.code == "MLIREB" and a.kb_id is None


def test_find_offsets_and_case_rules(resolver):
    text = "Let us see: US troops and Mali’s army met the Chadian delegation. is it?"
    ms = resolver.find(text, context_countries=["MLI"])
    for m in ms:
        assert text[m.start:m.end] == m.text
    texts = [m.text for m in ms]
    assert "US troops" in texts
    assert not any(t.lower() == "us" for t in texts)          # the pronoun is not the United States
    assert "Mali’s army" in texts
    assert not any(m.actor.kb_id == "islamic_state" for m in ms)   # "is" is not IS


def test_find_is_non_overlapping(resolver):
    text = "Tuareg rebels and fighters from the al-Qaeda affiliate Jamaat Nusrat al-Islam wal-Muslimin attacked."
    ms = resolver.find(text, date=D24, context_countries=["MLI"])
    assert [m.actor.kb_id for m in ms] == ["csp", "jnim"]
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_coordination_shares_the_role(resolver):
    ms = resolver.find("Malian and Russian forces were ambushed.", context_countries=["MLI"])
    assert [(m.text, m.actor.code) for m in ms] == [("Malian", "MLIMIL"), ("Russian forces", "RUSMIL")]


def test_title_with_unknown_name(resolver):
    ms = resolver.find("General Xavier Ndombasi spoke.", context_countries=["COD"])
    assert len(ms) == 1 and ms[0].actor.known is False and ms[0].actor.sector == "MIL"
    assert ms[0].actor.name == "Xavier Ndombasi"


def test_date_forms(resolver):
    when = dt.datetime(2020, 9, 1, 12, 30)
    assert resolver.resolve("CNSP", date=when).country == "MLI"
    assert resolver.resolve("CNSP", date="2023-09-01").country == "NER"
    with pytest.raises(TypeError, match="YYYY-MM-DD"):
        resolver.resolve("CNSP", date="last week")


def test_bad_input_types(resolver):
    with pytest.raises(TypeError, match="needs a str"):
        resolver.find(None)
    with pytest.raises(TypeError, match="needs a str"):
        resolver.resolve(42)


def test_entity_ruler_patterns(resolver):
    pats = resolver.entity_ruler_patterns(phrases=True)
    by = {(p["label"], p["pattern"].lower() if isinstance(p["pattern"], str) else p["pattern"][0]["ORTH"]): p["id"]
          for p in pats}
    assert {"label": "ORG", "pattern": [{"ORTH": "IS"}], "id": "islamic_state"} in pats   # exact-case acronym
    assert by[("GPE", "mali")] == "MLI"
    assert by[("GPE", "kyiv")] == "UKR"
    assert by[("NORP", "malian")] == "MLI"
    assert by[("ORG", "jamaat nusrat al-islam wal-muslimin")] == "jnim"
    assert by[("PERSON", "abdoulaye maiga")] == "abdoulaye_maiga"
    assert by[("PERSON", "assimi goita")] == "assimi_goita"          # ASCII-folded variant of Goïta
    assert by[("NORP", "tuareg")] == "MLI"
    tok = resolver.entity_ruler_patterns()
    assert {"label": "ORG", "pattern": [{"LOWER": "al"}, {"LOWER": "-"}, {"LOWER": "qaeda"}], "id": "al_qaeda"} in tok


def test_entity_ruler_patterns_work_in_spacy(resolver):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(resolver.entity_ruler_patterns())
    doc = nlp("MALI said kyiv armed Jamaat Nusrat al-Islam wal-Muslimin, according to Abdoulaye Maiga. "
              "It is up to us, said IS.")
    assert [(e.text, e.label_) for e in doc.ents] == [("MALI", "GPE"), ("kyiv", "GPE"),
                                                      ("Jamaat Nusrat al-Islam wal-Muslimin", "ORG"),
                                                      ("Abdoulaye Maiga", "PERSON"), ("IS", "ORG")]


def test_bare_and_plural_demonyms(resolver):
    assert resolver.resolve("Hungarian").code == "HUNGOV"          # from "Hungarian officials" in PLOVER gold
    assert resolver.resolve("US").code == "USAGOV"
    pal = resolver.resolve("Palestinians")
    assert (pal.code, pal.acled_inter) == ("PSECVL", 7)
    # an adjective alone is not an actor in running text; equipment names one only with its country
    assert [m.text for m in resolver.find("the Malian capital")] == []
    assert [(m.text, m.actor.code) for m in resolver.find("The Russian helicopter crashed.")] == [("Russian helicopter", "RUSMIL")]
    assert resolver.find("The helicopter crashed.", context_countries=["MLI"]) == []


def test_unknown_person_takes_country_from_demonym_or_of(resolver):
    # (invented names: the knowledge base knows neither)
    a = resolver.resolve("Israeli Prime Minister Dov Tamarin")
    assert (a.code, a.known, a.name) == ("ISRGOV", False, "Dov Tamarin")
    b = resolver.resolve("King Idris Benali of Morocco")
    assert b.code == "MARGOV" and b.known is False


def test_generic_leader_takes_modifier_sector(resolver):
    assert resolver.resolve("Afghan rebel leaders").code == "AFGREB"
    assert resolver.resolve("a top Malian official").code == "MLIGOV"


def test_phases_change_country_and_sector(resolver):
    before = resolver.resolve("SPLM/A", date=dt.date(2005, 1, 1))
    after = resolver.resolve("SPLM/A", date=dt.date(2015, 1, 1))
    assert (before.code, after.code) == ("SDNREB", "SSDGOV")


def test_identity_militias(resolver):
    a = resolver.resolve("Fulani gunmen", context_countries=["NGA"])
    assert (a.code, a.acled_inter, a.known) == ("NGAPRM", 4, False)
    b = resolver.resolve("Pokot raiders", context_countries=["KEN"])
    assert (b.code, b.acled_inter) == ("KENPRM", 4)
    # identity with a civilian noun stays civilian
    assert resolver.resolve("Fulani herders", context_countries=["NGA"]).acled_inter == 7
    ms = resolver.find("Clashes between Borana and Gabra raiders left five dead.", context_countries=["KEN"])
    assert [(m.text, m.actor.acled_inter) for m in ms] == [("Borana", 4), ("Gabra raiders", 4)]


def test_unidentified_people_are_an_armed_group(resolver):
    a = resolver.resolve("unidentified individuals", context_countries=["NGA"])
    assert (a.code, a.acled_inter, a.known) == ("NGAUAF", 3, False)
    assert resolver.resolve("individuals", context_countries=["NGA"]).code == "NGACVL"


def test_places_are_not_actors_in_running_text(resolver):
    ms = resolver.find("Kyiv denied it. Fighting in Mali and near Bamako continued; troops in Niger withdrew.")
    # the place gives "troops" their country but stays out of the span (the geoparser keeps the toponym)
    assert [(m.text, m.actor.code) for m in ms] == [("Kyiv", "UKRGOV"), ("troops", "NERMIL")]
    # resolve() is given a phrase already chosen as an actor
    assert resolver.resolve("Mali").code == "MLIGOV"


def test_former_officials_and_unknown_heads(resolver):
    a = resolver.resolve("Ousted President Askar Akayev")
    assert (a.code, a.known) == ("KGZELI", True)
    c = resolver.resolve("Ousted President Dov Tamarin")       # an invented name
    assert (c.sector, c.known) == ("ELI", False)
    assert resolver.resolve("former fighters", context_countries=["MLI"]).sector == "UAF"
    b = resolver.resolve("Danish Web sites")
    assert (b.country, b.known) == ("DNK", False) and b.sector != "GOV"
    assert resolver.resolve("British nationals").code == "GBRCVL"


def test_identity_named_alone_is_its_people(resolver):
    # a clan or people written without a head noun, as reports name them ("Garre attacked ...")
    a = resolver.resolve("Garre", context_countries=["KEN"])
    assert (a.country, a.sector, a.acled_inter) == ("KEN", "CVL", 7)
    # outside the identity's countries it takes its own first country
    assert resolver.resolve("Kalenjin", context_countries=["FRA"]).country == "KEN"
    # clans and tribes as head nouns
    assert resolver.resolve("the Hawadle sub-clan").country == "SOM"
    t = resolver.resolve("Sudanese tribesmen")
    assert (t.country, t.sector) == ("SDN", "CVL")


def test_airforce_written_as_one_word(resolver):
    a = resolver.resolve("the Nigerian Airforce", context_countries=["NGA"])
    assert (a.country, a.sector, a.acled_inter) == ("NGA", "MIL", 1)


def test_country_name_that_is_another_countrys_state(resolver):
    # "Niger State" and a communal militia named after it are Nigeria's, whatever the context says
    for ctx in (["NGA"], ["NER"], []):
        m = resolver.resolve("a Niger communal militia", context_countries=ctx)
        assert (m.country, m.sector) == ("NGA", "PRM"), ctx
    assert resolver.resolve("Niger State").country != "NER"
    assert resolver.place_countries("Bandits raided two villages in Niger State on Sunday.") == ["NGA"]
    # elsewhere the name stays the country
    assert resolver.resolve("Niger").code == "NERGOV"
    assert resolver.resolve("Niger state television").country == "NER"
    assert resolver.place_countries("Soldiers were deployed in Niger.") == ["NER"]
    assert resolver.resolve("Nigerien soldiers").code == "NERMIL"


def test_demonym_with_media_politics_and_equipment_nouns(resolver):
    assert resolver.resolve("Tanzanian media").code == "TZAJRN"
    assert resolver.resolve("a Ghanaian newspaper").code == "GHAJRN"
    assert resolver.resolve("a Zambian politician").code == "ZMBPTY"
    assert resolver.resolve("the opposition candidate").sector == "OPP"
    assert resolver.resolve("Ethiopian detainees").code == "ETHCVL"
    assert resolver.resolve("Turkish tanks").code == "TURMIL"
    assert resolver.resolve("French military advisers").code == "FRAMIL"
    assert resolver.resolve("a Malawian adviser").code == "MWIGOV"
    # equipment needs a country: no actor from the noun alone
    assert resolver.resolve("the fuel tank").known is False
