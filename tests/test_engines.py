"""Engines: worker processes and a Dask cluster store exactly what the in-process run stores (same events, same
ids), a failing article is recorded without stopping the batch, and a bad engine name is a clear error."""
import json

import pytest
from typer.testing import CliRunner

from eventcoder import engines
from eventcoder.cli import app
from eventcoder.records import Article

runner = CliRunner()

TEXTS = [
    ("djibo.md", "---\npublished: 2024-05-27\n---\nJNIM militants attacked an army post in Djibo on Sunday, "
                 "killing 12 soldiers.\n"),
    ("niamey.md", "---\npublished: 2024-06-08\n---\nThousands of protesters marched in Niamey on Friday against "
                  "the presence of French troops.\n"),
    ("bamako.md", "---\npublished: 2024-08-05\n---\nMali cut diplomatic ties with Ukraine on Sunday, accusing Kyiv "
                  "of supporting rebels.\n"),
    ("djibo_copy.md", "---\npublished: 2024-05-28\nsource: Other Wire\n---\nAt least 12 soldiers were killed when JNIM "
                      "fighters stormed an army post in Djibo on May 26.\n"),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for name, text in TEXTS:
        (d / name).write_text(text)
    return d


def _stored(db):
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return sorted(json.loads(res.stdout), key=lambda e: e["id"])


def _run(corpus, db, *extra):
    res = runner.invoke(app, ["run", str(corpus), "--db", str(db), "-q", *extra], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    _run(corpus, db)
    events = _stored(db)
    assert events
    return events


def test_worker_processes_store_the_same_events(corpus, reference, tmp_path):
    out = _run(corpus, tmp_path / "p.duckdb", "--workers", "2")
    assert "coding with processes (2 workers)" in out and "4 new" in out
    assert _stored(tmp_path / "p.duckdb") == reference


def test_dask_cluster_stores_the_same_events(corpus, reference, tmp_path):
    pytest.importorskip("distributed", reason="dask.distributed is not installed (pip install 'eventcoder[distributed]')")
    out = _run(corpus, tmp_path / "d.duckdb", "--engine", "dask", "--workers", "1")
    assert "coding with dask" in out
    assert _stored(tmp_path / "d.duckdb") == reference


def test_a_failing_article_is_recorded_and_the_batch_goes_on(monkeypatch):
    from eventcoder.engines import base

    class Broken:
        def document(self, article):
            if "boom" in article.text:
                raise ValueError("parser exploded")
            return article

        def mentions(self, document):
            return []

    monkeypatch.setattr(base, "_pipeline", lambda options: Broken())
    arts = [Article.from_text("boom", published=None), Article.from_text("fine", published=None)]
    with engines.create("local") as eng:
        results = list(eng.map(arts))
    assert [r.article.text for r in results] == ["boom", "fine"]        # input order kept
    assert results[0].error == "ValueError: parser exploded" and results[1].error is None


def test_unknown_engine_is_a_clear_error(corpus, tmp_path):
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        engines.create("spark")
    res = runner.invoke(app, ["run", str(corpus), "--db", str(tmp_path / "x.duckdb"), "--engine", "spark"])
    assert res.exit_code == 2 and "--engine must be one of local, processes, dask" in res.output
