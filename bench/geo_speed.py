"""Geo speed: gazetteer load, lookup latency, and find_toponyms time relative to spaCy parsing.

Usage: python bench/geo_speed.py [--docs N]   (uses the LGL dev texts from the shared folder)
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from eventcoder.paths import shared_dir


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=150)
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        print("shared data not found", file=sys.stderr)
        return 2
    t = time.perf_counter()
    from eventcoder.geo.gazetteer import default_gazetteer
    g = default_gazetteer()
    print(f"gazetteer load (cached index): {time.perf_counter() - t:.2f} s, {len(g):,} places, "
          f"{len(g.index):,} names")
    names = ["Paris", "Georgia", "Tinzaouaten", "U.S.", "Gainesville", "Kidal", "Springfield", "Nowhere"]
    t = time.perf_counter()
    n = 0
    for _ in range(2000):
        for nm in names:
            g.lookup(nm)
            n += 1
    print(f"lookup: {1e6 * (time.perf_counter() - t) / n:.1f} us per call (mean over {n})")
    from eventcoder.geo.resolver import find_toponyms, load_nlp
    nlp = load_nlp()
    texts = [json.loads(line)["text"] for line in open(shared / "eval" / "geoparsing" / "lgl_dev.jsonl",
                                                        encoding="utf-8")][:args.docs]
    t = time.perf_counter()
    docs = [nlp(x) for x in texts]
    t_parse = time.perf_counter() - t
    t = time.perf_counter()
    for x, d in zip(texts, docs):
        find_toponyms(x, doc=d, include_demonyms=True)
    t_geo = time.perf_counter() - t
    words = sum(len(d) for d in docs)
    print(f"{len(texts)} docs, {words:,} tokens: spaCy parse {t_parse:.1f} s, find_toponyms {t_geo:.1f} s "
          f"= {100 * t_geo / t_parse:.1f}% of the parse time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
