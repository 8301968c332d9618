"""`eventcoder run --actors FILE`: a user's own knowledge-base entries take part in the run (issue 4: "users add
or override entries with their own files")."""
import json
import os

from typer.testing import CliRunner

from eventcoder.cli import app

runner = CliRunner()

KB = """version: 1
organizations:
  - id: zephyr_brigade
    name: Zephyr Brigade
    type: militia
    country: NER
    sector: REB
    acled_inter: 2
    aliases: [Zephyr Brigade, Zephyr fighters]
"""
TEXT = "---\npublished: 2024-06-08\n---\nZephyr fighters attacked an army post near Tillaberi on Friday, killing four soldiers.\n"


def _actors(db):
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "json"], catch_exceptions=False)
    return {(a["name"], a["country"]) for e in json.loads(res.stdout) for a in e["actor"]}


def test_user_actor_file_resolves_a_group_the_kb_lacks(tmp_path, monkeypatch):
    from eventcoder.actors import kb as kbmod
    monkeypatch.delenv(kbmod.ACTORS_ENV, raising=False)
    art = tmp_path / "raid.md"
    art.write_text(TEXT)
    kb = tmp_path / "mine.yaml"
    kb.write_text(KB)
    try:
        res = runner.invoke(app, ["run", str(art), "--db", str(tmp_path / "a.duckdb"), "-q", "--actors", str(kb)],
                            catch_exceptions=False)
        assert res.exit_code == 0, res.output
        assert ("Zephyr Brigade", "NER") in _actors(tmp_path / "a.duckdb")
    finally:                                  # later tests get the packaged KB back
        os.environ.pop(kbmod.ACTORS_ENV, None)
        from eventcoder.actors.resolver import default_resolver
        from eventcoder.nlp import load_nlp
        for cached in (kbmod.default_kb, default_resolver, load_nlp):
            cached.cache_clear()


def test_a_missing_actor_file_is_a_clear_error(tmp_path):
    art = tmp_path / "raid.md"
    art.write_text(TEXT)
    res = runner.invoke(app, ["run", str(art), "--db", str(tmp_path / "b.duckdb"), "--actors", str(tmp_path / "no.yaml")])
    assert res.exit_code == 2 and "actor knowledge-base file not found" in res.output
    assert not (tmp_path / "b.duckdb").exists()
