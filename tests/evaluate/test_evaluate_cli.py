"""`eventcoder evaluate` through typer's CliRunner, with a fake coder instead of the pipeline."""
import json

import pytest
import typer
from typer.testing import CliRunner

from eventcoder.evaluate import cli, common
from evalkit import GOLDEN, replay_from_file

runner = CliRunner()


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setattr(common, "default_coder", lambda: replay_from_file(GOLDEN / "acled" / "predictions.json"))
    monkeypatch.setattr("eventcoder.evaluate.default_coder", common.default_coder)
    a = typer.Typer()
    cli.register(a)
    return a


def test_table_json_and_errors_files(app, tmp_path):
    out, errs = tmp_path / "m.json", tmp_path / "e.jsonl"
    res = runner.invoke(app, ["acled", str(GOLDEN / "acled" / "gold.csv"), "--json", str(out), "--errors", str(errs)],
                        env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "acled_event_type" in res.output and "within_25km" in res.output and "0.667" in res.output
    metrics = json.loads(out.read_text())
    assert metrics["format"] == "acled" and metrics["acled_event_type.accuracy"] == pytest.approx(0.6667)
    assert metrics["actor.accuracy.n"] == 3
    rows = [json.loads(line) for line in errs.read_text().splitlines()]
    assert rows and all(r["format"] == "acled" and "record" in r and "field" in r for r in rows)
    assert {"record": "BFO3", "field": "location"}.items() <= next(
        r for r in rows if r["record"] == "BFO3" and r["field"] == "location").items()


def test_limit_option(app, tmp_path):
    out = tmp_path / "m.json"
    res = runner.invoke(app, ["acled", str(GOLDEN / "acled" / "gold.csv"), "--limit", "2", "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["records"] == 2


def test_seed_prints_verdict(monkeypatch, tmp_path):
    monkeypatch.setattr(common, "default_coder", lambda: replay_from_file(GOLDEN / "seed" / "predictions.json"))
    monkeypatch.setattr("eventcoder.evaluate.default_coder", common.default_coder)
    a = typer.Typer()
    cli.register(a)
    res = runner.invoke(a, ["seed", str(GOLDEN / "seed" / "gold.yaml")], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "3/3 gold events found" in res.output and "PASS" in res.output


def test_coder_option_loads_a_user_function(tmp_path, monkeypatch):
    (tmp_path / "my_coder.py").write_text("def code(article):\n    return []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    a = typer.Typer()
    cli.register(a)
    out = tmp_path / "m.json"
    res = runner.invoke(a, ["plover", str(GOLDEN / "plover" / "gold.jsonl"), "--coder", "my_coder:code",
                            "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert json.loads(out.read_text())["event.recall"] == 0


@pytest.mark.parametrize("args,message", [
    (["gdelt", "x.csv"], "unknown format"),
    (["acled", "/no/such/file.csv"], "no such file"),
    (["plover", str(GOLDEN / "acled" / "gold.csv")], "not a JSON object"),
    (["plover", str(GOLDEN / "plover" / "gold.jsonl"), "--coder", "nomodule_xyz:code"], "cannot load coder"),
])
def test_bad_input_exits_2_with_message_not_traceback(app, args, message):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert message in res.output
    assert "Traceback" not in res.output and res.exception is None or isinstance(res.exception, SystemExit)
