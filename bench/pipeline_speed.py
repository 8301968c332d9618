"""Pipeline speed by stage on a corpus (default: examples/ plus, when present, the first N ACLED dev notes).

    python bench/pipeline_speed.py [--acled N] [PATH ...]

Prints words/s for the whole pipeline and the share of time each stage takes (spaCy parse, extraction incl. actor
resolution, dates, geocoding, casualties, folding), so that claims like "geocoding adds at most 10%" are measured.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import time
from collections import defaultdict
from pathlib import Path

from eventcoder.ingest import iter_articles
from eventcoder.paths import shared_dir
from eventcoder.records import Article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(Path(__file__).parents[1] / "examples")])
    ap.add_argument("--acled", type=int, default=200, help="ACLED dev notes to add (0: none)")
    args = ap.parse_args()
    articles = [a for a in iter_articles(args.paths) if isinstance(a, Article)]
    sh = shared_dir()
    if args.acled and sh and (sh / "eval" / "acled" / "dev.csv").exists():
        with open(sh / "eval" / "acled" / "dev.csv", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if i >= args.acled:
                    break
                articles.append(Article.from_text(row["notes"], published=dt.date.fromisoformat(row["event_date"])))
    from eventcoder.dedup import fold_mentions
    from eventcoder.pipeline import Pipeline
    p = Pipeline()
    p.code(articles[0])                       # warm up: models, KB, gazetteer
    t = defaultdict(float)
    words = sum(len(a.text.split()) for a in articles)
    start = time.perf_counter()
    for a in articles:
        t0 = time.perf_counter()
        doc = p.document(a)
        t1 = time.perf_counter()
        ms = p.extractor.mentions(doc)
        t2 = time.perf_counter()
        ms = [p._date(doc, m) for m in ms]
        t3 = time.perf_counter()
        ms = p._places(doc, ms) if ms else ms
        t4 = time.perf_counter()
        ms = p._casualties(doc, ms) if ms else ms
        t5 = time.perf_counter()
        fold_mentions([m for m in ms if m.emitted])
        t6 = time.perf_counter()
        for k, a_, b_ in (("spacy", t0, t1), ("extract+actors", t1, t2), ("dates", t2, t3), ("geo", t3, t4),
                          ("casualties", t4, t5), ("fold", t5, t6)):
            t[k] += b_ - a_
    total = time.perf_counter() - start
    print(f"{len(articles)} articles, {words} words in {total:.1f} s: {words / total:.0f} words/s, "
          f"{len(articles) / total:.1f} articles/s")
    for k, v in t.items():
        print(f"  {k:15s} {v:7.2f} s  {100 * v / total:5.1f} %")


if __name__ == "__main__":
    main()
