"""End to end: the project's pipeline over examples/*.md (plus the seed article when the shared folder is
there) into an in-memory store; prints every event with its sources, so cross-article merges can be checked.

    python bench/dedup_pipeline_examples.py [--all]    (--all: list single-source events too)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from eventcoder.paths import shared_dir
from eventcoder.pipeline import Pipeline
from eventcoder.store import Store

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    paths = sorted(str(p) for p in (ROOT / "examples").glob("*.md"))
    base = shared_dir()
    seed = base / "seed" / "mali_ukraine.txt" if base else None
    t = time.perf_counter()
    with Store.open(":memory:") as store:
        pipe = Pipeline()
        summary = pipe.run(paths, store)
        if seed and seed.exists():
            import datetime as dt

            pipe.run([str(seed)], store, published=dt.date(2024, 8, 5), source="seed")
        took = time.perf_counter() - t
        st = store.stats()
        titles = {}
        for e in store.events():
            for a in e.article_ids:
                if a not in titles:
                    art = store.article(a)
                    titles[a] = Path(art.origin or a).name[:28] if art else a
        print(f"{st['articles']} articles, {st['emitted_mentions']} emitted mentions -> {st['events']} events "
              f"({st['multi_source_events']} with 2+ sources); {took:.1f} s (NLP included)")
        print(f"run summary: new {summary.new}, syndicated {summary.syndicated}, errors {summary.errors}")
        for e in store.events():
            if e.n_sources < 2 and "--all" not in argv:
                continue
            where = e.place.name if e.place else "-"
            when = f"{e.date.date} {e.date.precision}" if e.date and e.date.date else "-"
            who = ", ".join(a.name for a in e.actors)[:50]
            whom = ", ".join(a.name for a in e.recipients)[:40]
            print(f"{e.id} {e.coding.plover_type:<9} {when:<16} {where:<14} {e.status:<8} n={e.n_sources} "
                  f"m={len(e.mention_ids):<2} {who} -> {whom} | {sorted(titles[a] for a in e.article_ids)}")


if __name__ == "__main__":
    main(sys.argv[1:])
