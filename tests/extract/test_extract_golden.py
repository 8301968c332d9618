"""Golden files for the extract stage: input text beside the mentions it must yield (type, CAMEO, trigger,
modality, status, actor and recipient codes). Regenerate after an intended change with
`python tests/extract/test_extract_golden.py --update` and review the diff."""
import datetime as dt
import json
import sys
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def _read(path: Path):
    head, _, text = path.read_text(encoding="utf-8").partition("\n")
    assert head.startswith("published: ")
    return text, dt.date.fromisoformat(head.split(": ", 1)[1])


def _summary(pipeline, path: Path):
    from eventcoder.records import Article
    text, published = _read(path)
    art = Article.from_text(text, published=published)
    out = []
    for m in pipeline.mentions(pipeline.document(art)):
        out.append({
            "trigger": m.trigger.text, "type": m.coding.plover_type, "cameo": m.coding.cameo_code,
            "acled": m.coding.acled_sub_event_type, "modality": m.modality, "status": m.status,
            "actors": sorted(f"{a.country or '---'}{a.sector or ''}" for a in m.actors),
            "recipients": sorted(f"{a.country or '---'}{a.sector or ''}" for a in m.recipients),
            "date": str(m.date.date) if m.date and m.date.date else None,
        })
    return out


@pytest.fixture(scope="module")
def extract_pipeline():
    from eventcoder.pipeline import Pipeline
    return Pipeline(geocode=False)       # the extract stage's own output, independent of the gazetteer


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("*.txt")))
def test_golden(case, extract_pipeline):
    expected = json.loads((GOLDEN / f"{case}.expected.json").read_text())
    assert _summary(extract_pipeline, GOLDEN / f"{case}.txt") == expected


if __name__ == "__main__" and "--update" in sys.argv:
    from eventcoder.pipeline import Pipeline
    p = Pipeline(geocode=False)
    for f in sorted(GOLDEN.glob("*.txt")):
        (GOLDEN / f"{f.stem}.expected.json").write_text(json.dumps(_summary(p, f), indent=1) + "\n")
