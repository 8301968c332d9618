from typer.testing import CliRunner

from eventcoder.actors.cli import app

runner = CliRunner()


def test_lookup_shows_resolution_and_reason():
    r = runner.invoke(app, ["lookup", "Colonel Abdoulaye Maiga", "--date", "2024-08-05"], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "MLIGOV" in r.output and "abdoulaye_maiga" in r.output and "office holder" in r.output


def test_lookup_unknown_phrase_still_answers():
    r = runner.invoke(app, ["lookup", "zzz unknown"], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "no" in r.output


def test_lookup_with_extra_file(tmp_path):
    f = tmp_path / "x.yaml"
    f.write_text("organizations: [{id: t1, name: Test Group One, country: MLI, sector: REB, acled_inter: 2, aliases: [TGO1]}]\n")
    r = runner.invoke(app, ["lookup", "TGO1", "--actors", str(f)], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "t1" in r.output


def test_bad_inputs_are_clear_messages_not_tracebacks(tmp_path):
    r = runner.invoke(app, ["lookup", "Mali", "--date", "5 Aug"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["lookup", "Mali", "--actors", str(tmp_path / "missing.yaml")])
    assert r.exit_code == 2 and "not found" in r.output
    r = runner.invoke(app, ["lookup", "Mali", "--country", "XYZ"])
    assert r.exit_code == 2 and "unknown country" in r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("organizations: [{id: x}]")
    r = runner.invoke(app, ["lookup", "Mali", "--actors", str(bad)])
    assert r.exit_code == 2 and "missing `name`" in r.output


def test_stats():
    r = runner.invoke(app, ["stats"], env={"COLUMNS": "250"})
    assert r.exit_code == 0 and "countries" in r.output
