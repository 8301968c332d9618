"""Throughput of the engines: the same corpus coded and stored with each engine into a fresh store.

    python bench/engines_speed.py [--acled N] [--workers K] [--engines local,processes,dask]

Corpus: examples/ plus the first N ACLED dev notes (when ../shared is present). Prints, per engine, the wall time
of start-up (workers loading spaCy, the KB and the gazetteer) and of the run, articles/s and words/s of the run,
and checks that every engine stored the same events as the first one.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from eventcoder import engines
from eventcoder.paths import shared_dir
from eventcoder.pipeline import Pipeline
from eventcoder.store import Store

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int, where: Path) -> Path:
    rows = []
    sh = shared_dir()
    if n and sh and (sh / "eval" / "acled" / "dev.csv").exists():
        with open(sh / "eval" / "acled" / "dev.csv", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                if i >= n:
                    break
                rows.append({"text": row["notes"], "published": row["event_date"]})
    path = where / "acled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--acled", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engines", default="local,processes,dask")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="eventcoder-engines-"))
    paths = [str(ROOT / "examples"), str(corpus(args.acled, tmp))]
    from eventcoder.ingest import iter_articles
    from eventcoder.records import Article
    arts = [a for a in iter_articles(paths) if isinstance(a, Article)]
    words = sum(len(a.text.split()) for a in arts)
    print(f"corpus: {len(arts)} articles, {words} words; {args.workers} workers for processes/dask")
    pipeline = Pipeline()
    reference = None
    for name in args.engines.split(","):
        t0 = time.perf_counter()
        if name == "local":
            pipeline.code(arts[0])                       # warm up the in-process pipeline like a worker does
            engine = engines.create("local", pipeline=pipeline)
        else:
            try:
                engine = engines.create(name, workers=args.workers, pipeline_options=pipeline.options)
            except RuntimeError as exc:
                print(f"{name:<10} skipped: {exc}")
                continue
        startup = time.perf_counter() - t0
        with engine, Store.open(tmp / f"{name}.duckdb") as store:
            t1 = time.perf_counter()
            summary = pipeline.run(paths, store, engine=engine)
            secs = time.perf_counter() - t1
            stored = sorted((e.id, e.coding.plover_type, e.date.date if e.date else None) for e in store.events())
        same = "reference" if reference is None else ("same events" if stored == reference else "DIFFERENT events")
        reference = reference or stored
        print(f"{name:<10} start-up {startup:6.1f} s  run {secs:6.1f} s  {summary.new / secs:6.1f} articles/s  "
              f"{words / secs:7.0f} words/s  {len(stored)} events ({same})")


if __name__ == "__main__":
    main()
