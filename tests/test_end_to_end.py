"""The whole pipeline through the command line, as a user runs it (issue 2's acceptance)."""
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcoder.cli import app

runner = CliRunner()


def km(a, b, c, d):
    p = math.pi / 180
    h = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def cli(*args, env=None):
    res = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res


def _plover(db, tmp_path, env=None):
    out = tmp_path / "events.json"
    cli("export", "--format", "plover", "-o", out, "--db", db, env=env)
    return json.loads(out.read_text())


def _parties(e, role):
    return {(a["country"], a["sector"]) for a in e[role]}


@pytest.fixture(scope="module")
def ml_home(tmp_path_factory, shared):
    """A user home with the Mali GeoNames dump added through the CLI."""
    home = tmp_path_factory.mktemp("home-ml")
    base = os.environ["EVENTCODER_HOME"]
    if (Path(base) / "gazetteer").exists():   # reuse the session's default index build
        shutil.copytree(Path(base) / "gazetteer", home / "gazetteer", dirs_exist_ok=True)
    cli("gazetteer", "add", shared / "geonames" / "ML.txt", env={"EVENTCODER_HOME": str(home)})
    return {"EVENTCODER_HOME": str(home)}


def test_seed_meets_the_gold_pass_line(tmp_path, shared, ml_home):
    db = tmp_path / "seed.duckdb"
    cli("run", shared / "seed" / "mali_ukraine.txt", "--published", "2024-08-05", "--db", db, "-q", env=ml_home)
    events = _plover(db, tmp_path, ml_home)
    by_type = {}
    for e in events:
        by_type.setdefault(e["event_type"], []).append(e)
    e1 = by_type["ASSAULT"]
    assert len(e1) == 1, "the battle is one event, not one per sentence"
    e1 = e1[0]
    assert e1["cameo_code"].startswith("19")
    assert (e1["acled"]["event_type"], e1["acled"]["sub_event_type"]) == ("Battles", "Armed clash")
    assert ("MLI", "REB") in _parties(e1, "actor")
    assert ("MLI", "MIL") in _parties(e1, "recipient") and any(c == "RUS" for c, _ in _parties(e1, "recipient"))
    assert e1["date"] == "2024-07-25" and e1["date_precision"] == "day"
    loc = e1["location"]
    assert km(loc["lat"], loc["lon"], 19.954, 2.967) <= 25
    assert e1["fatalities"]["acled"] in (20, 12)
    claims = json.dumps(e1["claims"])
    assert "131" in claims and "80" in claims
    (e2,) = by_type["COOPERATE"] + by_type.get("AID", [])
    assert e2["status"] == "claim" and ("MLI", "REB") in _parties(e2, "recipient")
    assert any(a["country"] == "UKR" for a in e2["actor"])
    for kind, code in (("ACCUSE", "11"), ("SANCTION", "161")):
        (e,) = by_type[kind]
        assert ("MLI", "GOV") in _parties(e, "actor") and any(a["country"] == "UKR" for a in e["recipient"])
        assert e["cameo_code"].startswith(code)
        assert e["date"] in ("2024-08-04", "2024-08-05")
    assert set(by_type) == {"ASSAULT", "COOPERATE", "ACCUSE", "SANCTION"}, "nothing from must_not_emit"
    assert sum(1 for e in events if e["acled"]) == 1
    # and as the project is judged: the judge's own script accepts the export
    judge = shared / "tools" / "check_seed.py"
    if judge.exists():
        out = tmp_path / "events.json"
        proc = subprocess.run([sys.executable, str(judge), str(out)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout


def test_seed_without_the_dump_falls_back_to_the_country(tmp_path, shared):
    db = tmp_path / "seed.duckdb"
    cli("run", shared / "seed" / "mali_ukraine.txt", "--published", "2024-08-05", "--db", db, "-q")
    (e1,) = [e for e in _plover(db, tmp_path) if e["event_type"] == "ASSAULT"]
    assert e1["location"]["country"] == "MLI"
    assert e1["location"]["precision"] == "country" and e1["acled"]["geo_precision"] == 3


def _bad_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with open(folder / "huge.txt", "wb") as fh:          # 50 MB, sparse
        fh.truncate(50 * 1024 * 1024)
    (folder / "bad_utf8.txt").write_bytes(b"Gunmen killed three soldiers near Mopti on Monday. Caf\xe9 \x80\x81 owners fled.")
    (folder / "rows.jsonl").write_text('{"text": "Gunmen killed three soldiers in Gao on Monday, officials said.", '
                                       '"published": "2024-05-07"}\n{not json\n')
    (folder / "rows.csv").write_text('text,published\n"Police arrested ten protesters in Bamako on Friday.",2024-05-10\n'
                                     '"unterminated,2024\n')
    (folder / "fr.txt").write_text("Le gouvernement du Mali a annoncé dimanche la rupture de ses relations "
                                   "diplomatiques avec l'Ukraine, accusée de soutenir les groupes armés du nord.")


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path):
    good = Path(__file__).parent / "data" / "good_article.md"
    db = tmp_path / "e.duckdb"
    cli("run", good, "--db", db, "-q")
    first = _plover(db, tmp_path)
    assert first, "the good article yields events"
    bad = tmp_path / "bad"
    _bad_inputs(bad)
    res = cli("run", bad, "--db", db, "-q")
    from eventcoder.store import Store
    with Store.open(db, read_only=True) as store:
        reasons = {(Path(e["origin"]).name, e["reason"]) for e in store.errors()}
        n_articles = store.stats().get("articles")
    names = {n for n, _ in reasons}
    assert {"empty.txt", "binary.txt", "huge.txt", "bad_utf8.txt", "fr.txt"} <= names, reasons
    assert ("fr.txt", "language") in reasons and ("huge.txt", "too_large") in reasons
    assert ("bad_utf8.txt", "encoding") in reasons
    assert any(n == "rows.jsonl" for n in names) and any(n == "rows.csv" for n in names)
    after = _plover(db, tmp_path)
    assert {e["id"] for e in first} <= {e["id"] for e in after}, "nothing stored before is lost"
    # the two good rows inside the malformed files were coded
    assert n_articles >= 3, res.output
    # the same input again changes nothing
    cli("run", bad, good, "--db", db, "-q")
    assert _plover(db, tmp_path) == after
    with Store.open(db, read_only=True) as store:
        assert len(store.errors()) == len(reasons)


def test_relations_command_shows_the_rupture(tmp_path, shared):
    db = tmp_path / "seed.duckdb"
    cli("run", shared / "seed" / "mali_ukraine.txt", "--published", "2024-08-05", "--db", db, "-q")
    res = runner.invoke(app, ["relations", "MLI", "UKR", "--db", str(db)], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "severed" in res.output and "diplomatic" in res.output
    assert "2024-08-0" in res.output
