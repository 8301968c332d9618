"""Real processes: a writer killed with SIGKILL mid-run leaves a consistent store that a re-run completes;
a second process opening a store that is being written gets StoreBusy, never a traceback or damage."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventcoder.store import Store, StoreBusy

from synth import article

CHILD = Path(__file__).parent / "writer_child.py"
N = 40


def _start(path, n, *extra):
    return subprocess.Popen([sys.executable, str(CHILD), str(path), str(n), *extra], stdout=subprocess.PIPE,
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _contents(store):
    return sorted((e.id, e.mention_ids, e.n_sources) for e in store.events())


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_kill_9_mid_run_leaves_a_consistent_store_and_rerun_completes(tmp_path):
    path = tmp_path / "crash.duckdb"
    proc = _start(path, N)
    committed = []
    deadline = time.time() + 60
    while len(committed) < 12 and time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(line.split()[1])
    os.kill(proc.pid, signal.SIGKILL)          # mid-run: more articles were being written
    proc.wait()
    assert len(committed) >= 12, proc.stderr.read()

    with Store.open(path) as s:                # reopens (WAL replayed), nothing partial
        assert s.check() == []
        stored = s.stats()["articles"]
        assert len(committed) <= stored < N
        for i in range(stored):
            a, ms = article(i)
            assert s.has_article(a.id)
            n = s.con.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [a.id]).fetchone()[0]
            assert n == len(ms)                # every stored article has all of its mentions
        assert not s.has_article(article(stored)[0].id)

    rerun = _start(path, N)                    # the next run resumes without losing or duplicating
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    statuses = [line.split()[0] for line in out.splitlines() if line != "ready"]
    assert statuses.count("unchanged") == stored and statuses.count("new") == N - stored

    clean = tmp_path / "clean.duckdb"
    with Store.open(clean) as c:
        for i in range(N):
            c.add_article(*article(i))
        expected = _contents(c)
    with Store.open(path) as s:
        assert s.check() == []
        assert s.stats()["articles"] == N
        assert _contents(s) == expected


def test_second_process_gets_store_busy(tmp_path):
    path = tmp_path / "busy.duckdb"
    proc = _start(path, 3, "--hold")
    try:
        lines = [proc.stdout.readline() for _ in range(4)]
        assert lines[-1].strip() == "ready", proc.stderr.read()
        with pytest.raises(StoreBusy, match=r"store is busy: .* try again when the run finishes"):
            Store.open(path)
        with pytest.raises(StoreBusy):
            Store.open(path, read_only=True)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    with Store.open(path, read_only=True) as s:   # after the run: a consistent read
        assert s.stats()["articles"] == 3 and s.check() == []


def test_busy_store_from_the_command_line_is_one_clear_line(tmp_path):
    path = tmp_path / "busy2.duckdb"
    proc = _start(path, 1, "--hold")
    try:
        assert proc.stdout.readline() and proc.stdout.readline().strip() == "ready"
        code = ("import sys\nfrom eventcoder.store import Store, StoreBusy\n"
                "try:\n    Store.open(sys.argv[1], read_only=True)\n"
                "except StoreBusy as e:\n    print(e); sys.exit(3)\n")
        res = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
        assert res.returncode == 3 and "Traceback" not in res.stderr
        assert res.stdout.startswith("store is busy: ")
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
