import pytest
import yaml

from eventcoder.extract.lexicon import Lexicon, default_lexicon


def test_every_trigger_codes_a_valid_plover_type_and_mode():
    from eventcoder.ontology import default_ontology
    onto = default_ontology()
    for t in default_lexicon().triggers:
        onto.coding(t.plover, mode=t.mode, cameo_code=t.cameo)  # raises on an invalid type or mode


def test_specific_entries_win_over_generic_ones():
    cands = default_lexicon().candidates("strike")
    assert cands[0].specificity >= cands[-1].specificity
    assert any(t.mode == "aerial" for t in cands)


def test_user_file_extends_the_lexicon(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(yaml.safe_dump({"triggers": [
        {"lemma": ["snub"], "pos": ["VERB"], "code": {"plover": "REJECT", "cameo": "120"}, "acled": None}]}))
    lex = Lexicon.load([extra])
    assert [t.plover for t in lex.candidates("snub")] == ["REJECT"]
    assert len(lex.triggers) == len(default_lexicon().triggers) + 1


def test_invalid_entry_names_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"triggers": [{"lemma": ["x"], "code": {}}]}))
    with pytest.raises(ValueError, match="bad.yaml"):
        Lexicon.load([bad])
