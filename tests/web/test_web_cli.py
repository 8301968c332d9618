"""`eventcoder serve` as registered on a Typer app (the main CLI mounts it with register())."""
import typer
from typer.testing import CliRunner

import eventcoder.web.cli as web_cli

runner = CliRunner()


def cli_app():
    app = typer.Typer()
    web_cli.register(app)

    @app.command("other")   # a second command, so that Typer keeps "serve" as a sub-command name
    def other() -> None:
        pass

    return app


def test_the_module_is_mounted_by_register_not_as_a_group():
    # the main CLI's _mount() adds a module's `app` as a command group when it has one; serve is top-level
    assert not hasattr(web_cli, "app") and callable(web_cli.register)
    res = runner.invoke(cli_app(), ["--help"])
    assert res.exit_code == 0 and "serve" in res.output


def test_serve_refuses_a_missing_store(tmp_path):
    res = runner.invoke(cli_app(), ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2
    assert "no store at" in res.output and "eventcoder run" in res.output


def test_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "x.duckdb"
    bad.write_text("hello\n" * 50)
    res = runner.invoke(cli_app(), ["serve", "--db", str(bad)])
    assert res.exit_code == 2 and "cannot open store" in res.output


def test_serve_runs_uvicorn_on_the_store(monkeypatch, db):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    res = runner.invoke(cli_app(), ["serve", "--db", str(db)])
    assert res.exit_code == 0, res.output
    [(app, kw)] = calls
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8000
    assert app.state.db_path == db
    assert "http://127.0.0.1:8000/" in res.output and "no authentication" not in res.output


def test_serve_on_a_public_address_warns(monkeypatch, db):
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    res = runner.invoke(cli_app(), ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"])
    assert res.exit_code == 0 and "no authentication" in res.output and ":8123" in res.output


def test_serve_uses_the_default_store(monkeypatch, db):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    monkeypatch.setenv("EVENTCODER_DB", str(db))
    res = runner.invoke(cli_app(), ["serve"])
    assert res.exit_code == 0, res.output
    assert calls[0].state.db_path == db


def test_serve_rejects_a_bad_port(db):
    res = runner.invoke(cli_app(), ["serve", "--db", str(db), "--port", "70000"])
    assert res.exit_code == 2


def test_serve_without_uvicorn_says_what_to_install(monkeypatch, db):
    import sys

    monkeypatch.setitem(sys.modules, "uvicorn", None)   # import uvicorn -> ImportError
    res = runner.invoke(cli_app(), ["serve", "--db", str(db)])
    assert res.exit_code == 1 and "pip install" in res.output
