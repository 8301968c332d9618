"""Regions (states, provinces, conflict regions) tell the country of actors named only by their role."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder import records
from eventcoder.actors.kb import KBError, KnowledgeBase, package_files, _read_yaml
from eventcoder.actors.resolver import ActorResolver

D = dt.date(2021, 3, 1)


def test_region_gives_a_role_its_country(resolver):
    a = resolver.resolve("Darfur rebels", date=D)
    assert (a.country, a.sector) == ("SDN", "REB"), a.why
    b = resolver.resolve("gunmen in Borno", date=D)
    assert (b.country, b.acled_inter) == ("NGA", 3), b.why


def test_region_alone_is_never_an_actor(resolver):
    ms = resolver.find("Fighting spread across North Kivu and Ituri on Monday.", date=D)
    assert ms == []


def test_region_names_match_as_spelt(resolver):
    # "Kandi" (a town in Benin) folds like Sri Lanka's "Kandy" but is not it
    assert resolver.place_countries("in Kandi town") == []
    assert resolver.place_countries("in Kandy town") == ["LKA"]
    assert resolver.place_countries("they were seen near Oudalan") == ["BFA"]


def test_place_countries_order_and_locatives(resolver):
    text = "Mali said soldiers fought rebels in Niger and then in Tillaberi and Borno."
    # "Mali said" is an actor, not a place; "in Niger" and the regions are places
    assert resolver.place_countries(text) == ["NER", "NGA"]


def test_situate_role_only_actor(resolver):
    span = records.Span("a", 0, 8, "soldiers")
    guessed = records.replace(resolver.resolve("soldiers", date=D, context_countries=["MLI"]), span=span)
    assert guessed.country == "MLI"
    there = resolver.situate(guessed, "BFA", date=D)
    assert (there.country, there.sector, there.acled_inter, there.span) == ("BFA", "MIL", 1, span)


def test_situate_keeps_named_countries_and_groups(resolver):
    malian = records.replace(resolver.resolve("Malian soldiers", date=D),
                             span=records.Span("a", 0, 15, "Malian soldiers"))
    assert resolver.situate(malian, "BFA", date=D) == malian
    jnim = records.replace(resolver.resolve("JNIM", date=D), span=records.Span("a", 0, 4, "JNIM"))
    assert resolver.situate(jnim, "BFA", date=D) == jnim
    # no span: only a missing country of an unknown actor is filled in
    bare = records.Actor(name="assailants", sector="UAF", acled_inter=3, known=False)
    assert resolver.situate(bare, "NER").country == "NER"


def test_user_regions_extend_the_kb(tmp_path):
    f = tmp_path / "my_regions.yaml"
    f.write_text("regions:\n  - {country: MLI, names: [Wagadou Forest]}\n", encoding="utf-8")
    kb = KnowledgeBase.load([f])
    r = ActorResolver(kb)
    assert r.resolve("Wagadou Forest militants").country == "MLI"
    bad = tmp_path / "bad.yaml"
    bad.write_text("regions:\n  - {country: XXX, names: [Nowhere]}\n", encoding="utf-8")
    with pytest.raises(KBError, match="unknown country code"):
        KnowledgeBase.load([bad])
    with pytest.raises(KBError, match="regions"):
        KnowledgeBase.from_documents(list((str(p), _read_yaml(p)) for p in package_files())
                                     + [("x.yaml", {"regions": [{"country": "MLI"}]})])


def test_successions_date_new_countries(resolver):
    # before its independence (9 July 2011) South Sudan was part of Sudan
    assert resolver.resolve("south Sudan militia", date=dt.date(2008, 1, 1)).country == "SDN"
    assert resolver.resolve("South Sudanese troops", date=dt.date(2015, 1, 1)).country == "SSD"
    assert resolver.resolve("rebels in Jonglei", date=dt.date(2005, 1, 1)).country == "SDN"
    assert resolver.resolve("Eritrean rebels").country == "ERI"          # undated: as today


def test_plural_identity_is_a_people(resolver):
    assert resolver.resolve("Iraqi Kurds").code == "IRQCVL"
    a = resolver.resolve("Tamils", context_countries=["LKA"])
    assert (a.code, a.acled_inter) == ("LKACVL", 7)
    # the adjective alone stays a modifier, and a named group wins over the identity
    assert resolver.resolve("Tuareg separatist rebels", date=D, context_countries=["MLI"]).sector == "REB"
    assert [m.text for m in resolver.find("Kurdish and Arab leaders met.")] != ["Kurdish"]


def test_situate_transnational_network_as_local_affiliate(resolver):
    span = records.Span("a", 0, 14, "Islamic State")
    central = records.replace(resolver.resolve("Islamic State", date=D), span=span)
    assert central.country == "IMG"
    local = resolver.situate(central, "EGY", date=D)
    assert (local.country, local.kb_id != central.kb_id, local.span) == ("EGY", True, span)
    assert resolver.situate(central, "FRA", date=D) == central      # no affiliate there


def test_armed_civilian_nouns_are_an_unidentified_armed_group(resolver):
    assert [resolver.resolve(p, context_countries=["BEN"]).acled_inter for p in ("farmers", "armed farmers")] == [7, 3]
    assert resolver.resolve("armed Fulani herders", context_countries=["BEN"]).acled_inter == 4
