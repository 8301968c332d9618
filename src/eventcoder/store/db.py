"""Opening a DuckDB file: one-writer lock -> StoreBusy, versioned SQL migrations."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(RuntimeError):
    """The store cannot do what was asked (clear message, no traceback needed)."""


class StoreBusy(StoreError):
    """Another process is writing the store (DuckDB allows one writer process)."""


class ArticleNotFound(StoreError, KeyError):
    def __str__(self) -> str:   # KeyError would quote the message
        return str(self.args[0]) if self.args else "article not found"


def migrations() -> list[tuple[int, str, Path]]:
    """Ordered (version, name, file) of the SQL migrations shipped with the package."""
    out = []
    for path in MIGRATIONS.glob("*.sql"):
        m = re.match(r"^(\d+)_(.+)\.sql$", path.name)
        if m:
            out.append((int(m.group(1)), m.group(2), path))
    out.sort()
    versions = [v for v, _, _ in out]
    if len(set(versions)) != len(versions):
        raise StoreError(f"duplicate migration numbers in {MIGRATIONS}")
    return out


def latest_version() -> int:
    return max((v for v, _, _ in migrations()), default=0)


def connect(path: str | Path, read_only: bool) -> Any:
    import duckdb

    target = str(path)
    if target != ":memory:":
        p = Path(target)
        if read_only and not p.exists():
            raise StoreError(f"no store at {p}: run a pipeline first (or open it without read_only to create it)")
        if p.exists() and p.is_dir():
            raise StoreError(f"{p} is a directory, not a store file")
        if not read_only and not p.parent.exists():
            raise StoreError(f"cannot create store {p}: folder {p.parent} does not exist")
    try:
        return duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        msg = str(exc)
        if "lock" in msg.lower():
            pid = re.search(r"PID (\d+)", msg)
            who = f" (process {pid.group(1)})" if pid else ""
            raise StoreBusy(f"store is busy: {target} is open for writing in another process{who}; "
                            "try again when the run finishes") from None
        raise StoreError(f"cannot open store {target}: {msg.splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {target}: {str(exc).splitlines()[0]}") from None


def current_version(con: Any) -> int:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()
    if not row or not row[0]:
        return 0
    return int(con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0])


def migrate(con: Any) -> int:
    """Apply pending migrations, each in its own transaction; returns the schema version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR, "
                "applied_at TIMESTAMP)")
    have = current_version(con)
    for version, name, path in migrations():
        if version <= have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, name, dt.datetime.now()])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        have = version
    return have
