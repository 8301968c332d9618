"""False merges on real data: ACLED's own events are already de-duplicated (one event = one type of
interaction, two main actors, one location, one day), so every pair of ACLED dev events that eventcoder's
de-duplication puts into one event is a false merge by ACLED's definition.

    python bench/dedup_acled_distinct.py [--limit N] [--show K]

Each ACLED row becomes one article with one mention coded from ACLED's gold fields (date and time precision,
coordinates and geo precision, actor names and inter codes, event type mapped to PLOVER). Needs the team's
shared folder (eventcoder.paths.shared_dir()).
"""
from __future__ import annotations

import argparse
import collections
import time

from eventcoder.dedup import dedup_events, from_mention
from eventcoder.dedup.evalset import acled_mentions, pairwise
from eventcoder.paths import shared_dir

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=5)
    args = ap.parse_args()
    base = shared_dir()
    if base is None or not (base / "eval" / "acled" / "dev.csv").exists():
        raise SystemExit("needs the shared folder with eval/acled/dev.csv (set EVENTCODER_SHARED)")
    ms = acled_mentions(base / "eval" / "acled" / "dev.csv", limit=args.limit)
    gold = {m.id: m.id for m in ms}                     # every ACLED row is its own event
    t = time.perf_counter()
    clusters = [e.mention_ids for e in dedup_events([from_mention(m) for m in ms])]
    took = time.perf_counter() - t
    r = pairwise(clusters, gold)
    merged = [c for c in clusters if len(c) > 1]
    print(f"ACLED dev rows used: {len(ms)} (Strategic developments skipped)")
    print(f"predicted events: {len(clusters)}; clusters with >1 ACLED event: {len(merged)}; "
          f"false-merge pairs: {r['fp']} of {len(ms) * (len(ms) - 1) // 2} pairs; time {took:.1f} s")
    by_m = {m.id: m for m in ms}
    reasons = collections.Counter()
    for c in merged:
        ds = {by_m[x].date.date for x in c}
        reasons["same day" if len(ds) == 1 else "consecutive days"] += 1
    print("merged clusters by date relation:", dict(reasons))
    for c in merged[: args.show]:
        print("---")
        for x in c:
            m = by_m[x]
            print(f"  {m.date.date} {m.coding.acled_sub_event_type} | {m.place.name} | "
                  f"{[a.name for a in m.actors]} vs {[a.name for a in m.recipients]}")


if __name__ == "__main__":
    main()
