"""Past office holders: dated terms, a title that outweighs a date, strict one-word surnames."""
from __future__ import annotations

import datetime as dt

D2000 = dt.date(2000, 1, 1)


def test_short_surname_matches_as_spelt(resolver):
    # "Moody" folds like "Modi" but is not Narendra Modi
    a = resolver.resolve("Vice-President Moody Awori", date=D2000)
    assert (a.code, a.kb_id) == ("KENGOV", "moody_awori"), a.why
    assert [m.actor.kb_id for m in resolver.find("Moody said so.", date=D2000)] == []
    assert resolver.resolve("Modi", date=dt.date(2020, 1, 1)).kb_id == "narendra_modi"


def test_another_given_name_is_another_person(resolver):
    ms = resolver.find("The talks resumed when Laura Bush and President Bush arrived.", date=dt.date(2003, 1, 1))
    assert [(m.text, m.actor.code) for m in ms] == [("President Bush", "USAGOV")]
    assert resolver.resolve("Jeb Bush", date=dt.date(2003, 1, 1)).kb_id is None


def test_terms_are_dated(resolver):
    assert resolver.resolve("Yeltsin", date=dt.date(1995, 6, 1)).code == "RUSGOV"
    assert resolver.resolve("Yeltsin", date=dt.date(2005, 6, 1)).code == "RUSELI"
    assert resolver.resolve("Yeltsin").code == "RUSGOV"          # undated: his last office
    assert resolver.resolve("Arafat", date=D2000).code == "PSEGOV"


def test_title_outweighs_the_date(resolver):
    # a report dated outside every term (or misdated) that writes "President X" means the office
    a = resolver.resolve("President Suharto", date=D2000)
    assert a.code == "IDNGOV" and "title" in a.why
    assert resolver.resolve("Suharto", date=D2000).code == "IDNELI"
    assert resolver.resolve("former President Suharto", date=dt.date(1995, 1, 1)).code == "IDNELI"
    assert resolver.resolve("King Hassan of Morocco", date=D2000).code == "MARGOV"


def test_leader_with_a_role_noun(resolver):
    a = resolver.resolve("the Bush administration", date=D2000)
    assert a.code == "USAGOV", a.why
    assert resolver.resolve("Assad forces", date=dt.date(2015, 1, 1)).code == "SYRMIL"


def test_historical_organizations(resolver):
    assert resolver.resolve("the European Community", date=D2000).sector == "IGO"
    assert resolver.resolve("Palestine Liberation Organization (PLO)", date=D2000).code == "PSEGOV"
    rpf = [resolver.resolve("Rwandan Patriotic Front", date=dt.date(y, 1, 1)).code for y in (1993, 2000)]
    assert rpf == ["RWAREB", "RWAPTY"]
    assert resolver.resolve("Khmer Rouge guerrillas", date=dt.date(1990, 1, 1)).code == "KHMREB"
