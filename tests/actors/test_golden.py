"""Golden files: tests/actors/golden/<name>.txt (input text), <name>.json (date + context countries) and
<name>.expected.json (every mention find() reports: offsets, text, code, ACLED inter, KB id, known).

Regenerate after a deliberate change with `EVENTCODER_UPDATE_GOLDEN=1 pytest tests/actors/test_golden.py`
and review the diff."""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.stem for p in GOLDEN.glob("*.txt"))


def _run(resolver, name: str) -> list[dict]:
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    cfg = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    date = dt.date.fromisoformat(cfg["date"]) if cfg.get("date") else None
    out = []
    for m in resolver.find(text, date=date, context_countries=cfg.get("context_countries", [])):
        assert text[m.start:m.end] == m.text
        a = m.actor
        out.append({"start": m.start, "end": m.end, "text": m.text, "code": a.code, "acled_inter": a.acled_inter,
                    "kb_id": a.kb_id, "known": a.known})
    return out


@pytest.mark.parametrize("name", CASES)
def test_golden(resolver, name):
    got = _run(resolver, name)
    exp_path = GOLDEN / f"{name}.expected.json"
    if os.environ.get("EVENTCODER_UPDATE_GOLDEN"):
        exp_path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if not exp_path.exists():
        pytest.fail(f"missing {exp_path.name}: run with EVENTCODER_UPDATE_GOLDEN=1 and review it")
    expected = json.loads(exp_path.read_text(encoding="utf-8"))
    assert got == expected
