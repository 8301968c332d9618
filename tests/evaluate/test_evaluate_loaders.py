"""Gold loaders: what they read from each published format, and clear errors on bad input."""
import datetime as dt

import pytest

from eventcoder.evaluate import EvaluateInputError, acled, evaluate, petrarch, plover, seed, ucdp
from evalkit import GOLDEN


def test_plover_loader_maps_types_sectors_and_odd_targets():
    golds = {g.id: g for g in plover.load(GOLDEN / "plover" / "gold.jsonl")}
    assert [g.event_type for g in golds.values()] == ["ACCUSE", "ASSAULT", "AID", "AGREE"]
    assert golds["P2"].sources[0].sector == "REB" and golds["P2"].targets == ()      # "REBtua", target ""
    assert golds["P3"].targets[0].sector is None                                      # "***"
    assert [a.code for a in golds["P4"].sources] == ["KEN", "SOM"]
    assert golds["P1"].published == dt.date(2000, 1, 1)


def test_petrarch_loader_codes_and_exclusions():
    golds = {g.id: g for g in petrarch.load(GOLDEN / "petrarch" / "gold.jsonl")}
    assert [(t.source, t.target, t.root) for t in golds["T1"].triples] == [("ARN", "GON", "06")]
    assert golds["T2"].pseudo == 1 and len(golds["T2"].triples) == 2
    assert golds["T5"].triples[0].source == petrarch.WILDCARD and golds["T5"].triples[0].target == "MOR"
    assert golds["T4"].expect_error == ("storydiscard",) and golds["T3"].expect_no_events
    assert petrarch.gold_code('"THE MINISTRY OF MAGIC"') == "MIN" and petrarch.gold_code("---GOV") == "---"


def test_acled_loader_reads_actor_countries_and_coding():
    golds = {g.id: g for g in acled.load(GOLDEN / "acled" / "gold.csv")}
    g = golds["MLI1"]
    assert (g.actor1.country, g.actor1.inter) == ("MLI", 1)
    assert (g.actor2.country, g.actor2.inter) == (None, 2)            # JNIM: no country in the name
    assert golds["KEN2"].actor2 is None and golds["KEN2"].time_precision == 2
    assert g.date == dt.date(2020, 5, 1) and g.fatalities == 10 and g.lat == pytest.approx(13.9)
    assert acled.actor_country("Police Forces of Burkina Faso (2015-) Gendarmerie") == "BFA"


def test_ucdp_loader_splits_headlines_and_reads_sides():
    golds = ucdp.load(GOLDEN / "ucdp" / "gold.csv")
    assert golds[0].text == "Clashes kill 9 in Jebel Marra\nArmy says rebels attacked"
    assert golds[0].side_countries == ("SDN",) and golds[0].date == dt.date(2018, 3, 30)
    assert (golds[0].low, golds[0].best, golds[0].high) == (7, 9, 12)
    assert golds[0].states_number and not golds[1].states_number
    assert ucdp.states_death_count("East Darfur Tribal Fighting Leaves Seven Dead")
    assert not ucdp.states_death_count("Flash Update No. 14 (28 May 2023)")


def test_seed_loader_reads_comment_alternatives():
    gold = seed.load(GOLDEN / "seed")                    # a folder means its gold.yaml
    a2 = next(e for e in gold.events if e.id == "A2")
    assert a2.alts == {"date": ["2024-03-05"], "actor": ["FAMA"], "cameo": ["111"]}
    assert [p.id for p in a2.actors[1]] == ["FAMA"]
    assert gold.article.published == dt.date(2024, 3, 6) and gold.article.text.startswith("Rebels attacked")


@pytest.mark.parametrize("fmt,content,message", [
    ("plover", '{"id": 1, "text": "x", "event": "AGREE"}\n{not json\n', "gold.jsonl:2: not a JSON object"),
    ("plover", '{"id": 1, "text": "x"}\n', "needs 'text' and 'event'"),
    ("petrarch", '{"id": 1}\n', "needs 'text'"),
    ("acled", "a,b\n1,2\n", "not an ACLED export: missing column(s) notes, event_date, event_type"),
    ("ucdp", "id,year\n1,2\n", "not a UCDP GED export"),
    ("acled", "notes,event_date,event_type\nhello,yesterday,Battles\n", "cannot read date 'yesterday'"),
    ("seed", "events: [1, 2]\n", "needs an 'events' mapping"),
    ("seed", "article: {file: missing.txt}\nevents: {E1: {plover: {type: ASSAULT}}}\n", "not found"),
])
def test_bad_gold_gives_clear_message(tmp_path, fmt, content, message):
    f = tmp_path / ("gold.jsonl" if fmt in ("plover", "petrarch") else "gold.yaml" if fmt == "seed" else "g.csv")
    f.write_text(content)
    with pytest.raises(EvaluateInputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        evaluate(fmt, f, coder=lambda a: [])


def test_unknown_format_missing_file_and_empty_file(tmp_path):
    with pytest.raises(EvaluateInputError, match="unknown format 'gdelt'"):
        evaluate("gdelt", tmp_path, coder=lambda a: [])
    with pytest.raises(EvaluateInputError, match="no such file"):
        evaluate("acled", tmp_path / "nope.csv", coder=lambda a: [])
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(EvaluateInputError, match="no gold records"):
        evaluate("plover", empty, coder=lambda a: [])
    with pytest.raises(EvaluateInputError, match="positive"):
        evaluate("plover", empty, coder=lambda a: [], limit=0)
