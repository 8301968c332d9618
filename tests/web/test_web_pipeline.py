"""The API over a store filled by the real pipeline (own short texts; no geocoding, so no gazetteer build)."""
import datetime as dt

import pytest
from fastapi.testclient import TestClient

from eventcoder import records as r
from eventcoder.web import create_app

TEXTS = [
    "Soldiers clashed with rebels near the town of Kidal on Monday, killing twelve fighters, the army said.",
    "Thousands of farmers protested in the capital on Sunday against the new tax on fertiliser.",
]


@pytest.fixture(scope="module")
def piped(tmp_path_factory):
    from eventcoder.pipeline import Pipeline
    from eventcoder.store import Store

    path = tmp_path_factory.mktemp("web-pipeline") / "run.duckdb"
    pipe = Pipeline(geocode=False)
    with Store.open(path) as store:
        for i, text in enumerate(TEXTS):
            art = r.Article.from_text(text, title=f"report {i}", published=dt.date(2024, 6, 5))
            store.add_article(art, pipe.mentions(pipe.document(art)))
    return path


@pytest.mark.slow
def test_pipeline_events_are_served_with_their_evidence(piped):
    with TestClient(create_app(piped)) as c:
        events = c.get("/api/events").json()
        assert events, "the pipeline coded no event from the test texts"
        assert {e["event_type"] for e in events} >= {"ASSAULT"}
        for e in events:
            d = c.get(f"/api/events/{e['id']}").json()
            assert d["sources"] and d["sources"][0]["title"].startswith("report")
            for ev in d["evidence"]:
                assert ev["text"] in TEXTS[0] + TEXTS[1]
                assert any(m["kind"] == "trigger" for m in ev["marks"])
                for m in ev["marks"]:
                    assert ev["text"][m["start"]:m["end"]] == m["text"]
        assault = next(e for e in events if e["event_type"] == "ASSAULT")
        assert [x["kind"] for x in assault["claims"]] == ["killed"]
        assert sum(c.get("/api/stats").json()["filtered"]["by_month"].values()) == len(events)
