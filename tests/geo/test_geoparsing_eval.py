from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from eventcoder import records
from eventcoder.evaluate import geoparsing as E
from eventcoder.paths import shared_dir

from .conftest import mini_gazetteer


@dataclass
class P:
    start: int
    end: int
    text: str
    place: records.Place | None


def doc(text, tops):
    return E.GoldDoc("d", text, tops)


def test_metrics_count_misses_as_errors_and_overlap_as_match():
    text = "Gao and Kidal and Paris"
    gold = [{"start": 0, "end": 3, "lat": 16.27, "lon": -0.04, "geonameid": "2457163"},
            {"start": 8, "end": 13, "lat": 18.44, "lon": 1.41, "geonameid": None},
            {"start": 18, "end": 23, "lat": 36.3, "lon": -88.3, "geonameid": "4647963"}]
    preds = [P(0, 3, "Gao", records.Place("Gao", 16.27, -0.04, geonameid=2457163)),
             P(8, 12, "Kida", records.Place("Kidal", 19.0, 1.5)),          # overlaps; ~63 km off
             P(14, 17, "and", records.Place("x", 0.0, 0.0))]                # false positive; Paris missed
    m, rows = E.score_documents([doc(text, gold)], [preds])
    assert m["n"] == 3 and m["n_pred"] == 3
    assert m["toponym.precision"] == pytest.approx(2 / 3)
    assert m["toponym.recall"] == pytest.approx(2 / 3)
    assert m["acc161"] == pytest.approx(2 / 3)           # Paris, never found, counts as an error
    assert m["acc161_matched"] == pytest.approx(1.0)
    assert m["exact_geonameid"] == pytest.approx(1.0)   # only gold toponyms with an id are scored
    assert 0 < m["auc"] < 0.5
    assert sum(1 for r in rows if r.get("false_positive")) == 1


def test_far_resolution_fails_acc161():
    gold = [{"start": 0, "end": 5, "lat": 36.3, "lon": -88.3, "geonameid": "4647963"}]
    m, _ = E.score_documents([doc("Paris", gold)], [[P(0, 5, "Paris", records.Place("Paris", 48.85, 2.35,
                                                                                    geonameid=2988507))]])
    assert m["acc161"] == 0.0 and m["exact_geonameid"] == 0.0 and m["mean_error_km"] > 6000


def test_bad_gold_file_is_a_clear_error(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text('{"text": "x", "toponyms": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(E.GeoparsingInputError, match="line 2"):
        list(E.read_gold(p))
    assert E.main([str(tmp_path / "missing.jsonl")]) == 2


def test_evaluate_end_to_end_on_a_small_file(tmp_path, monkeypatch, nlp):
    monkeypatch.setattr("eventcoder.geo.gazetteer.default_gazetteer", lambda home=None: mini_gazetteer())
    monkeypatch.setattr("eventcoder.geo.resolver.default_gazetteer", lambda home=None: mini_gazetteer())
    text = "Deputies in Henry County arrested a man in Paris on Friday."
    rec = {"docid": "1", "text": text, "toponyms": [
        {"start": 12, "end": 24, "phrase": "Henry County", "lat": 36.33, "lon": -88.32, "geonameid": "4628829"},
        {"start": 43, "end": 48, "phrase": "Paris", "lat": 36.302, "lon": -88.327, "geonameid": "4647963"}]}
    p = tmp_path / "g.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    rows: list = []
    m = E.evaluate_geoparsing(p, rows_out=rows)
    assert m["n"] == 2 and m["acc161"] == 1.0 and m["toponym.f1"] == 1.0 and m["exact_geonameid"] == 1.0


def test_shared_gold_file_parses():
    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared/eval not found (set EVENTCODER_SHARED to score the geoparsing corpora)")
    docs = list(E.read_gold(shared / "eval" / "geoparsing" / "lgl_dev.jsonl", limit=3))
    assert len(docs) == 3 and all(d.toponyms for d in docs)
    t = docs[0].toponyms[0]
    assert docs[0].text[t["start"]:t["end"]] == t["phrase"]
