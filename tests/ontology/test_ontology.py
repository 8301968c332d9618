import pytest
import yaml

from eventcoder.ontology import PLOVER_TYPES, Ontology, _load, default_ontology


def test_sixteen_plover_types_with_quad_and_default_cameo():
    onto = default_ontology()
    assert sorted(onto.plover["types"]) == sorted(PLOVER_TYPES)
    for t in PLOVER_TYPES:
        c = onto.coding(t)
        assert c.quad_class in (1, 2, 3, 4) and c.cameo_code and c.goldstein is not None


def test_legacy_names_map_to_plover_2():
    onto = default_ontology()
    assert [onto.plover_type(x) for x in ("DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT")] == \
        ["REQUEST", "ACCUSE", "ACCUSE", "ASSAULT"]


def test_goldstein_falls_back_to_the_root_code():
    onto = default_ontology()
    assert onto.goldstein("161") == -4.0
    assert onto.goldstein("1912") == onto.goldstein("191")


def test_invalid_mode_and_acled_pair_are_rejected():
    onto = default_ontology()
    with pytest.raises(ValueError, match="no mode"):
        onto.coding("SANCTION", mode="release")
    with pytest.raises(ValueError, match="ACLED"):
        onto.coding("ASSAULT", acled_event_type="Battles", acled_sub_event_type="Peaceful protest")


def test_user_file_overrides_a_goldstein_score(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_HOME", str(tmp_path))
    (tmp_path / "ontology").mkdir()
    (tmp_path / "ontology" / "cameo.yaml").write_text(yaml.safe_dump({"codes": {"161": {"name": "x", "goldstein": -5.5, "plover": "SANCTION"}}}))
    onto = Ontology(_load("plover.yaml"), _load("cameo.yaml"), _load("acled.yaml"))
    assert onto.goldstein("161") == -5.5 and onto.goldstein("112") == -2.0
