"""Throughput of the store (add_article with folding + cross-article matching), queries and exports.

    python bench/dedup_store_speed.py [N_ARTICLES]     (default 300)

Synthetic articles (tests/store/synth.py: distinct texts, two mentions each, one new event per mention) are
added to a fresh on-disk store; prints ms per article, query latencies and export times.
"""
from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))

from synth import article  # noqa: E402

from eventcoder.export import FORMATS, export  # noqa: E402
from eventcoder.store import Store  # noqa: E402


def main(n: int) -> None:
    arts = [article(i) for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        with Store.open(path) as store:
            t = time.perf_counter()
            for a, ms in arts:
                store.add_article(a, ms)
            add = time.perf_counter() - t
            t = time.perf_counter()
            for a, ms in arts:
                store.add_article(a, ms)
            rerun = time.perf_counter() - t
            st = store.stats()
            print(f"articles {st['articles']}, mentions {st['mentions']}, events {st['events']}")
            print(f"add_article: {add / n * 1000:.1f} ms/article ({n / add:.1f} articles/s)")
            print(f"re-run of the same input (all unchanged): {rerun / n * 1000:.1f} ms/article")
            for label, kw in (("events() all", {}), ("events(country=MLI, since=2023-06-01)",
                                                      {"country": "MLI", "since": __import__("datetime").date(2023, 6, 1)}),
                              ("events(text='place1')", {"text": "place1"}),
                              ("events(bbox=...)", {"bbox": (-5.0, 10.0, 0.0, 20.0)})):
                t = time.perf_counter()
                got = store.events(**kw)
                print(f"{label}: {len(got)} events in {(time.perf_counter() - t) * 1000:.1f} ms")
            events = store.events()
            articles = {a.id: a for a, _ in arts}
            for fmt in FORMATS:
                buf = io.BytesIO()
                t = time.perf_counter()
                k = export(events, fmt, buf, articles=articles)
                print(f"export {fmt}: {k} records in {(time.perf_counter() - t) * 1000:.1f} ms")
        print(f"store file: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
