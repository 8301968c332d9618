"""Pairwise precision/recall of de-duplication on labelled sets (default: tests/dedup/data/dedup_set*.yaml).

    python bench/dedup_eval.py [SET.yaml ...] [--verbose]

Runs the production path (articles added one by one to an in-memory Store: within-article folding, then
matching against stored events) and the batch path (fold per article, then dedup_events), in the file's order
and in reverse order, and prints pairwise precision / recall / F1 over all pairs of labelled mentions, per set
and pooled over the sets (mention ids and gold labels are distinct across sets, so no pair crosses two sets).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from eventcoder.dedup import dedup_events, fold_mentions
from eventcoder.dedup.evalset import load, pairwise
from eventcoder.store import Store

DEFAULTS = sorted((Path(__file__).resolve().parents[1] / "tests" / "dedup" / "data").glob("dedup_set*.yaml"))


def via_store(gs, order):
    """Clusters as the store keeps them. A syndicated copy is stored once, as another source of the article it
    copies; its mentions count as members of the events of the original's mentions in the same position."""
    copies: dict[str, list[str]] = {}
    with Store.open(":memory:") as store:
        for a in order:
            res = store.add_article(a, gs.mentions[a.id])
            if res.status == "syndicated":
                orig = [m.id for m in gs.mentions[res.duplicate_of]]
                for i, m in enumerate(gs.mentions[a.id]):
                    if i < len(orig):
                        copies.setdefault(orig[i], []).append(m.id)
        return [tuple(e.mention_ids) + tuple(c for m in e.mention_ids for c in copies.get(m, ()))
                for e in store.events()]


def via_batch(gs, order):
    events = [e for a in order for e in fold_mentions(gs.mentions[a.id])]
    return [e.mention_ids for e in dedup_events(events)]


def report(name, clusters, gold, verbose):
    r = pairwise(clusters, gold)
    print(f"{name:<22} precision {r['precision']:.4f}  recall {r['recall']:.4f}  F1 {r['f1']:.4f}  "
          f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']}; {r['mentions']} mentions, {r['gold_events']} gold events, "
          f"{r['predicted_events']} predicted)")
    if verbose:
        for c in clusters:
            labels = sorted({gold.get(m, "-") for m in c})
            if len(labels) > 1:
                print("   merged different events:", labels, list(c))
        by_gold = {}
        for i, c in enumerate(clusters):
            for m in c:
                if m in gold:
                    by_gold.setdefault(gold[m], set()).add(i)
        for g, cs in sorted(by_gold.items()):
            if len(cs) > 1:
                print("   split gold event:", g, [list(clusters[i]) for i in sorted(cs)])
    return r


def main(argv):
    verbose = "--verbose" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or DEFAULTS
    sets = [load(p) for p in paths]
    t0 = time.perf_counter()
    pooled: dict[str, tuple[list, dict]] = {}
    for path, gs in zip(paths, sets):
        print(f"set: {path} ({len(gs.articles)} articles)")
        for label, order in (("file order", list(gs.articles)), ("reverse order", list(reversed(gs.articles)))):
            for how, fn in (("store", via_store), ("batch", via_batch)):
                clusters = fn(gs, order)
                report(f"{how}, {label}", clusters, gs.gold, verbose)
                acc = pooled.setdefault(f"{how}, {label}", ([], {}))
                acc[0].extend(clusters)
                acc[1].update(gs.gold)
    if len(sets) > 1:
        print(f"pooled over {len(sets)} sets ({sum(len(gs.articles) for gs in sets)} articles)")
        for name, (clusters, gold) in pooled.items():
            report(name, clusters, gold, False)
    print(f"time: {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
