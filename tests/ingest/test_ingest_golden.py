"""Golden files: tests/ingest/golden/<format>__<case>.input is read as <case>.<format>; the result must equal
<format>__<case>.expected.json. After an intended change, regenerate with
EVENTCODER_UPDATE_GOLDEN=1 pytest tests/ingest/test_ingest_golden.py and review the diff."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from eventcoder.ingest import iter_articles
from eventcoder.records import Article

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name[: -len(".input")] for p in GOLDEN.glob("*.input"))


def _as_json(res, tmp_path: Path) -> list[dict]:
    out = []
    for r in res:
        d = {"kind": "article" if isinstance(r, Article) else "error"}
        if isinstance(r, Article):
            d.update(id=r.id, text=r.text, title=r.title, url=r.url,
                     published=r.published.isoformat() if r.published else None, source=r.source,
                     language=r.language, origin=Path(r.origin).name, meta=dict(r.meta))
        else:
            d.update(origin=Path(r.origin).name, reason=r.reason, message=r.message, line=r.line)
        out.append(d)
    return out


def test_there_are_golden_cases():
    assert len(CASES) >= 8


@pytest.mark.parametrize("case", CASES)
def test_golden(case, tmp_path):
    fmt, name = case.split("__", 1)
    target = tmp_path / f"{name}.{fmt}"
    target.write_bytes((GOLDEN / f"{case}.input").read_bytes())
    got = _as_json(iter_articles([target]), tmp_path)
    expected_path = GOLDEN / f"{case}.expected.json"
    if os.environ.get("EVENTCODER_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected
    for item in got:                       # the id is always derived from the text it names
        if item["kind"] == "article":
            from eventcoder.records import article_id_for
            assert item["id"] == article_id_for(item["text"])
