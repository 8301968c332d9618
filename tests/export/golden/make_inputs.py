"""Regenerate tests/export/golden/events.input.json (+ articles.input.json): run from the repo root with
`python tests/export/golden/make_inputs.py`. Events come from the hand-written de-duplication set, plus a few
hand-edited variants (week/month precision, no place, reciprocal fighting without recipients). Expected
outputs are refreshed with `EVENTCODER_UPDATE_GOLDEN=1 pytest tests/export` and must then be reviewed."""
import datetime as dt
import json
import sys
from pathlib import Path

sys.modules["eventcoder.casualties.aggregate"] = None   # fixed inputs: fatalities from the mentions

from eventcoder import records as r  # noqa: E402
from eventcoder.dedup import dedup_events, fold_mentions  # noqa: E402
from eventcoder.dedup.evalset import load  # noqa: E402
from eventcoder.store.codec import to_data  # noqa: E402

HERE = Path(__file__).parent
SET = HERE.parents[1] / "dedup" / "data" / "dedup_set.yaml"
KEEP = ["E1", "E2", "E4", "E7", "E9", "E10", "E15"]


def main():
    gs = load(SET)
    events = dedup_events([e for a in gs.articles for e in fold_mentions(gs.mentions[a.id])])
    label = {e.id: gs.gold[e.mention_ids[0]] for e in events}
    chosen = {label[e.id]: e for e in events if label[e.id] in KEEP}
    out = [chosen[k] for k in KEEP]
    e1 = chosen["E1"]
    # reciprocal fighting coded as one actor list (PLOVER's alternative), only known by month, near a town
    out.append(r.replace(e1, id="evfixture-month", actors=e1.actors + e1.recipients, recipients=(),
                         date=r.EventDate(dt.date(2024, 7, 1), precision="month", basis="relative")))
    # a week-long span, no place
    e15 = chosen["E15"]
    out.append(r.replace(e15, id="evfixture-week", place=None,
                         date=r.EventDate(dt.date(2024, 7, 8), end=dt.date(2024, 7, 14), precision="week")))
    (HERE / "events.input.json").write_text(json.dumps(to_data(out), indent=1, ensure_ascii=False) + "\n")
    arts = [a for a in gs.articles if any(a.id in e.article_ids for e in out)]
    arts = [r.replace(a, url=f"https://news.example/{a.id}") for a in arts]
    (HERE / "articles.input.json").write_text(json.dumps(to_data(arts), indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
