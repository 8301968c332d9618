"""Re-processing and removing articles through the command line (issue 7: "removing or re-processing an article
updates the events it supported"; re-running the same input changes nothing)."""
import json

from typer.testing import CliRunner

from eventcoder.cli import app

runner = CliRunner()

V1 = """---
title: Militants storm army post
published: 2024-05-27
source: Test Wire
---
JNIM militants attacked an army post in Djibo on Sunday, killing 12 soldiers, security sources said.
"""
V2 = V1.replace("12 soldiers", "30 soldiers")


def cli(*args, code=0):
    res = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert res.exit_code == code, res.output
    return res


def _events(db):
    return json.loads(cli("events", "--db", db, "--format", "json").stdout)


def _articles(db):
    return json.loads(cli("articles", "--db", db, "--format", "json").stdout)


def _deaths(db):
    return sorted(e["fatalities"]["acled"] for e in _events(db) if e["fatalities"]["acled"] is not None)


def test_an_edited_file_replaces_its_old_version_and_updates_its_events(tmp_path):
    db, art = tmp_path / "s.duckdb", tmp_path / "djibo.md"
    art.write_text(V1)
    cli("run", art, "--db", db, "-q")
    first = _events(db)
    assert _deaths(db) == [12]
    res = cli("run", art, "--db", db, "-q")
    assert "1 unchanged" in res.output and _events(db) == first     # same input: nothing changes

    art.write_text(V2)
    res = cli("run", art, "--db", db, "-q")
    assert "1 updated" in res.output
    assert len(_articles(db)) == 1                                  # the old version is gone, not a second source
    assert len(_events(db)) == len(first)
    assert _deaths(db) == [30]                                      # the event now rests on the new text


def test_rows_of_one_file_are_not_versions_of_each_other(tmp_path):
    db, rows = tmp_path / "s.duckdb", tmp_path / "batch.jsonl"
    a = {"text": "Protesters marched in Niamey on Friday against the junta.", "published": "2024-06-08"}
    b = {"text": "Gunmen killed five herders near Tillaberi on Thursday.", "published": "2024-06-08"}
    rows.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n")
    cli("run", rows, "--db", db, "-q")
    b["text"] = b["text"].replace("five", "seven")
    rows.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n")
    res = cli("run", rows, "--db", db, "-q")
    assert "1 new" in res.output and "1 unchanged" in res.output
    assert len(_articles(db)) == 3                                   # the first version of row b is kept


def test_reprocess_recodes_stored_articles_without_duplicates(tmp_path):
    db, art = tmp_path / "s.duckdb", tmp_path / "djibo.md"
    art.write_text(V1)
    cli("run", art, "--db", db, "-q")
    before = _events(db)
    res = cli("run", art, "--db", db, "-q", "--reprocess")
    assert "1 updated" in res.output
    after = _events(db)
    assert [e["id"] for e in after] == [e["id"] for e in before]    # same ids: mentions derive from the article
    assert len(_articles(db)) == 1


def test_remove_deletes_the_events_an_article_alone_supported(tmp_path):
    db, art = tmp_path / "s.duckdb", tmp_path / "djibo.md"
    art.write_text(V1)
    cli("run", art, "--db", db, "-q")
    [row] = _articles(db)
    assert row["events"] >= 1 and _events(db)
    res = cli("remove", row["id"], "--db", db)
    assert f"removed article {row['id']}" in res.output
    assert _events(db) == [] and _articles(db) == []
    res = cli("remove", row["id"], "--db", db, code=1)
    assert "not in the store" in res.output
