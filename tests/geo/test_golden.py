"""Golden files: article text in, toponyms and event locations out (see golden/README.md)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
# trigger words whose event location is part of the expected output
TRIGGERS = {"sahel_clash": ["fighting", "ambushed", "gathered"], "paris_tennessee": ["arrested"],
            "georgia_state": ["debate"]}


def produce(name: str, nlp, gaz) -> dict:
    from eventcoder.geo.resolver import find_toponyms, locate_event
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    tops = find_toponyms(text, doc=doc, include_demonyms=True, gazetteer=gaz)
    out = {"toponyms": [{"text": t.text, "start": t.start, "end": t.end, "role": t.role,
                         "geonameid": t.place.geonameid if t.place else None,
                         "precision": t.place.precision if t.place else None} for t in tops],
           "events": []}
    for word in TRIGGERS[name]:
        i = text.index(word)
        sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
        p = locate_event(text, tops, sentence=(sent.start_char, sent.end_char), trigger=(i, i + len(word)),
                         article_id=name, gazetteer=gaz)
        out["events"].append({"trigger": word, "place": None if p is None else {
            "name": p.name, "geonameid": p.geonameid, "country": p.country, "precision": p.precision,
            "acled_geo_precision": p.acled_geo_precision, "ucdp_where_prec": p.ucdp_where_prec,
            "evidence": p.span.text if p.span else None}})
    return out


@pytest.mark.parametrize("name", sorted(TRIGGERS))
def test_golden(name, nlp, mini):
    expected = json.loads((GOLDEN / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert produce(name, nlp, mini) == expected


if __name__ == "__main__" and "--write" in sys.argv:
    sys.path.insert(0, str(HERE.parent))
    from geo.conftest import mini_gazetteer
    from eventcoder.geo.resolver import load_nlp
    for name in sorted(TRIGGERS):
        res = produce(name, load_nlp(), mini_gazetteer())
        (GOLDEN / f"{name}.expected.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n",
                                                       encoding="utf-8")
        print(name, json.dumps(res, ensure_ascii=False))
