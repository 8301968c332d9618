"""Stage-level evaluation of eventcoder.when and eventcoder.casualties on the team's dev data.

    /work/venv/bin/python bench/when_casualties_eval.py [--show N] [--errors dates|fatalities|ucdp]

ACLED dev (shared/eval/acled/dev.csv): text = notes, publication date = event_date; the whole note is the event
context: date = resolve_event_date(note), fatalities = aggregate(extract_claims(note)).
UCDP dev (shared/eval/ucdp/dev.csv): text = source_headline, publication date = date_start.
Prints metrics, error categories with counts, and (with --show) examples of the largest categories.
"""
from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import re
import sys
import time

from eventcoder.casualties import aggregate, extract_claims
from eventcoder.paths import shared_dir
from eventcoder.when.resolver import acled_event_date, resolve_event_date

# "the headline states a number": a count next to a death word (a plain regex, independent of the extractor)
_N = (r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
      r"hundred|hundreds|dozen|dozens|scores)")
_STATES_NUMBER = re.compile(r"\b%s\+?\W+(?:[\w'-]+\W+){0,4}(?:killed|dead|die|died|deaths)\b|"
                            r"\b(?:kill|kills|killing|killed|death toll\W+(?:\w+\W+){0,3})\W*(?:at least |over |more than )?%s\b"
                            % (_N, _N), re.I)


def _date(s: str) -> dt.date:
    s = s.strip().split(" ")[0]
    if "/" in s:
        m, d, y = s.split("/")
        return dt.date(int(y), int(m), int(d))
    return dt.date.fromisoformat(s)


def _pct(n: int, d: int) -> str:
    return f"{n / d:.3f} ({n}/{d})" if d else "n/a (0)"


def acled(path, show: int, which: str | None) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    n = len(rows)
    exact = exact_fb = within7 = tp_ok = tp_ok_fb = dated = 0
    f_exact = f_20 = 0
    date_err: dict[str, list] = collections.defaultdict(list)
    fat_err: dict[str, list] = collections.defaultdict(list)
    t0 = time.perf_counter()
    for r in rows:
        text, gold = r["notes"], _date(r["event_date"])
        gtp = int(r["time_precision"])
        ed = resolve_event_date(text, published=gold)
        got = acled_event_date(ed) if ed else None
        if ed is not None:
            dated += 1
        if got == gold:
            exact += 1
        if got is not None and abs((got - gold).days) <= 7:
            within7 += 1
        fb = got if got is not None else gold                       # undated -> publication date (ACLED practice)
        exact_fb += fb == gold
        tp = ed.acled_time_precision if ed else None
        tp_ok += tp == gtp
        tp_ok_fb += (tp if ed else 1) == gtp
        if got != gold:
            cat = "no date found" if ed is None else (
                "year-less date resolved to previous year" if got and got.replace(year=gold.year) == gold else
                f"wrong {ed.precision} ({ed.basis})")
            date_err[cat].append((text, gold, ed))
        gf = int(r["fatalities"])
        claims = extract_claims(text)
        agg = aggregate(claims)
        pf = agg.acled or 0
        f_exact += pf == gf
        f_20 += abs(pf - gf) <= 0.2 * gf if gf else pf == 0
        if pf != gf:
            killed = [c for c in claims if c.kind == "killed"]
            cat = ("missed (no killed claim)" if not killed and gf > 0 else
                   "spurious (gold 0)" if gf == 0 else
                   "under-count" if pf < gf else "over-count")
            fat_err[cat].append((text, gf, pf, [(c.kind, c.low, c.high, c.qualifier, c.text) for c in claims]))
    secs = time.perf_counter() - t0
    print(f"ACLED dev: {n} notes, {secs:.1f} s ({n / secs:.0f} notes/s, dates + claims + aggregate)")
    print(f"  date.exact                 {_pct(exact, n)}   [strict: undated note = miss]")
    print(f"  date.exact (+pub fallback) {_pct(exact_fb, n)}   [undated -> publication date, basis=publication]")
    print(f"  date.within_7d             {_pct(within7, n)}")
    print(f"  dated (a date was found)   {_pct(dated, n)}   [date.exact among dated: {_pct(exact, dated)}]")
    print(f"  time_precision.accuracy    {_pct(tp_ok, n)}   [+pub fallback as day: {_pct(tp_ok_fb, n)}]")
    print(f"  fatalities.exact           {_pct(f_exact, n)}")
    print(f"  fatalities.within_20pct    {_pct(f_20, n)}")
    print("  date errors:", dict(sorted(((k, len(v)) for k, v in date_err.items()), key=lambda kv: -kv[1])))
    print("  fatality errors:", dict(sorted(((k, len(v)) for k, v in fat_err.items()), key=lambda kv: -kv[1])))
    if show and which in (None, "dates"):
        for cat, items in sorted(date_err.items(), key=lambda kv: -len(kv[1])):
            print(f"\n--- date: {cat} ({len(items)})")
            for text, gold, ed in items[:show]:
                print(f"  gold {gold} got {ed.date if ed else None} {ed.precision if ed else ''} "
                      f"[{ed.span.text if ed and ed.span else ''}] :: {text[:220]}")
    if show and which in (None, "fatalities"):
        for cat, items in sorted(fat_err.items(), key=lambda kv: -len(kv[1])):
            print(f"\n--- fatalities: {cat} ({len(items)})")
            for text, gf, pf, cl in items[:show]:
                print(f"  gold {gf} got {pf} {cl} :: {text[:260]}")


def ucdp(path, show: int, which: str | None) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    n = len(rows)
    ordered = stated = best_ok = have = 0
    errs = []
    for r in rows:
        text = r["source_headline"] or ""
        agg = aggregate(extract_claims(text))
        if agg.low is not None:
            have += 1
            ordered += agg.low <= agg.best <= agg.high
        if _STATES_NUMBER.search(text):
            stated += 1
            gold = int(float(r["best_est"]))
            best_ok += agg.best == gold
            if agg.best != gold:
                errs.append((text, gold, agg))
    print(f"UCDP dev: {n} headlines")
    print(f"  deaths.low_le_best_le_high {_pct(ordered, have)}   [events with a figure]")
    print(f"  deaths.best_exact          {_pct(best_ok, stated)}   [headline states a number]")
    if show and which in (None, "ucdp"):
        for text, gold, agg in errs[:show]:
            print(f"  gold {gold} got {agg.best} ({agg.low}-{agg.high}) :: {text[:200]!r}")


def seed(shared) -> None:
    """Seed article E1 (shared/seed/gold.yaml): the date of the clashes and the fatality figures."""
    path = shared / "seed" / "mali_ukraine.txt"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    pub = dt.date(2024, 8, 5)
    ed = resolve_event_date(text, published=pub)
    month = resolve_event_date(text.split("\n")[1], published=pub)
    f = aggregate(extract_claims(text))
    print("Seed E1 (gold: 2024-07-25 day; 'last month' -> July 2024 month; ACLED 20, UCDP low 20, high 131)")
    print(f"  date {ed.date} {ed.precision} [{ed.span.text}]; 'last month' -> {month.date}..{month.end} {month.precision}")
    print(f"  fatalities acled={f.acled} low={f.low} best={f.best} high={f.high} (no claimant resolver: party unknown)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="examples per error category")
    ap.add_argument("--errors", choices=["dates", "fatalities", "ucdp"], default=None)
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        print("shared eval data not found (set EVENTCODER_SHARED to the team's shared folder)", file=sys.stderr)
        return 2
    seed(shared)
    acled(shared / "eval" / "acled" / "dev.csv", args.show, args.errors)
    ucdp(shared / "eval" / "ucdp" / "dev.csv", args.show, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
