"""Geoparsing benchmark: end-to-end metrics on the shared GeoVirus / LGL dev files, plus error categories.

Usage: python bench/geo_eval.py [--limit N] [--errors FILE.jsonl] [CORPUS ...]   (corpus: geovirus, lgl_dev)
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter

from eventcoder.evaluate.geoparsing import evaluate_geoparsing
from eventcoder.geo.gazetteer import default_gazetteer
from eventcoder.paths import shared_dir


def category(r: dict) -> str:
    if r.get("false_positive"):
        return "false_positive"
    if not r["found"]:
        return "missed"
    if r.get("error_km") is None:
        return "unresolved" if r.get("gold_lat") is not None else "no_gold_coords"
    if r["error_km"] <= 161:
        return "ok"
    code = r.get("pred_code") or ""
    if code.startswith("PCL"):
        return "wrong:resolved_to_country"
    if code in ("ADM1", "ADM2"):
        return "wrong:resolved_to_admin"
    return "wrong:place"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora", nargs="*", default=["geovirus", "lgl_dev"])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--errors", help="write per-toponym rows that are not ok to this JSONL file")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        print("shared eval data not found (set EVENTCODER_SHARED)", file=sys.stderr)
        return 2
    t = time.time()
    default_gazetteer()
    print(f"gazetteer load: {time.time() - t:.2f} s")
    bad = []
    for name in args.corpora:
        rows: list[dict] = []
        t = time.time()
        m = evaluate_geoparsing(shared / "eval" / "geoparsing" / f"{name}.jsonl", limit=args.limit, rows_out=rows)
        dt = time.time() - t
        print(f"== {name} ({dt:.1f} s)")
        for k, v in m.items():
            print(f"  {k:18s} {v:.4f}")
        cats = Counter(category(r) for r in rows)
        print("  categories:", dict(cats.most_common()))
        bad += [dict(r, corpus=name, category=category(r)) for r in rows if category(r) != "ok"]
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for r in bad:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
