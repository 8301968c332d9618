from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors.kb import KBError, KnowledgeBase, parse_date, plural_forms
from eventcoder.actors.resolver import ActorResolver


def test_package_kb_covers_countries_groups_and_people(kb):
    s = kb.stats()
    assert s["countries"] >= 249
    assert s["people_countries"] >= 60
    for gid in ("wagner_group", "jnim", "is_sahel", "csp", "fla", "mnla", "ansar_dine", "boko_haram", "iswap", "al_shabaab",
                "rsf", "saf", "m23", "adf", "houthis", "hamas", "hezbollah", "pkk", "sdf", "hts", "ttp", "taliban",
                "minusma", "ecowas", "au", "eu", "nato", "g5_sahel", "un"):
        assert kb.get(gid) is not None, gid


def test_every_country_has_a_demonym_and_iso3(kb):
    for iso, c in kb.countries.items():
        assert len(iso) == 3 and iso.isupper()
        assert c.demonyms, iso
    assert "Malian" in kb.country("MLI").demonyms
    assert "Kyiv" in kb.country("UKR").capitals


def test_people_roles_are_dated_and_ordered(kb):
    for p in kb.people():
        for t in p.terms:
            assert t.start is not None, (p.id, t.role)
            if t.end is not None:
                assert t.start <= t.end, (p.id, t.role)


def test_partial_dates():
    assert parse_date("2024") == dt.date(2024, 1, 1)
    assert parse_date("2024", end=True) == dt.date(2024, 12, 31)
    assert parse_date("2024-02", end=True) == dt.date(2024, 2, 29)
    with pytest.raises(KBError, match="bad date"):
        parse_date("July 2024", where="x")


def test_plurals():
    assert plural_forms("militia") == ("militias",)
    assert plural_forms("gunman") == ("gunmen",)
    assert plural_forms("army") == ("armies",)
    assert plural_forms("police officer") == ("police officers",)


def test_user_file_in_data_home_overrides_and_extends(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "actors").mkdir(parents=True)
    (home / "actors" / "mine.yaml").write_text(
        "organizations:\n"
        "  - {id: katiba_test, name: Katiba Testa, country: MLI, sector: REB, acled_inter: 2, aliases: [Testa Brigade]}\n"
        "  - {id: jnim, merge: true, aliases: [Nusrat Group]}\n", encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_HOME", str(home))
    kb = KnowledgeBase.load()
    r = ActorResolver(kb)
    assert r.resolve("the Testa Brigade").kb_id == "katiba_test"
    assert r.resolve("Nusrat Group").kb_id == "jnim"
    assert r.resolve("JNIM").kb_id == "jnim"            # merge kept the packaged aliases


def test_extra_path_replaces_entry(tmp_path):
    f = tmp_path / "override.yaml"
    f.write_text("organizations:\n  - {id: wagner_group, name: Wagner (custom), country: RUS, sector: PMC, acled_inter: 8, aliases: [Wagnerites]}\n",
                 encoding="utf-8")
    kb = KnowledgeBase.load([f])
    r = ActorResolver(kb)
    assert r.resolve("Wagnerites").name == "Wagner (custom)"
    assert r.resolve("PMC Wagner").known is False or r.resolve("PMC Wagner").kb_id != "wagner_group"


@pytest.mark.parametrize("content, message", [
    ("organizations: [{id: x, name: X, sector: NOPE}]", "unknown sector 'NOPE'"),
    ("organizations: [{id: x, name: X, country: XXX, sector: REB}]", "unknown country code 'XXX'"),
    ("people: [{id: p, name: P, country: MLI}]", "needs at least one role"),
    ("organizations: [{name: X}]", "no string `id`"),
    ("organizations: [{id: x, name: X, acled_inter: 12}]", "acled_inter must be 1-8"),
    ("people: [{id: p, name: P, roles: [{role: PM, from: 'soon'}]}]", "bad date"),
    ("groups: []", "unknown section"),
    ("organizations: [{id: x, name: X, aliases: [[1]]}]", "alias must be"),
    ("organizations: [{id: nope, merge: true, aliases: [A]}]", "unknown organization id"),
    ("organizations: [{id: x, name: X, affiliates: [{country: MLI, id: ghost}]}]", "affiliate 'ghost'"),
    ("a: [b", "not valid YAML"),
])
def test_bad_files_give_clear_messages(tmp_path, content, message):
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KBError, match=message) as ei:
        KnowledgeBase.load([f])
    if "not valid YAML" not in message:
        assert "bad.yaml" in str(ei.value)


def test_missing_extra_file(tmp_path):
    with pytest.raises(KBError, match="not found"):
        KnowledgeBase.load([tmp_path / "nope.yaml"])
