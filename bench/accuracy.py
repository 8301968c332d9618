"""Accuracy of the real pipeline on every dev set in ../shared/eval (+ the seed article).

    python bench/accuracy.py [--limit N] [--only plover,acled] [--out bench/results.json] [--readme README.md]

Writes bench/results.json (one flat metrics object per set, plus seconds and records/s) and regenerates the
accuracy table between `<!-- accuracy:start -->` and `<!-- accuracy:end -->` in README.md (only that block);
without a README or the markers it prints the table. Matching rules: bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- accuracy:start -->", "<!-- accuracy:end -->"
WARM_UP = ("On 3 May 2020, soldiers clashed with rebels near Gao, Mali, and 4 people were killed. "
           "The government of Mali accused Algeria of backing the rebels.")

# (set, gold file under shared/, format)
SETS = [
    ("seed", "seed/gold.yaml", "seed"),
    ("plover", "eval/plover/dev.jsonl", "plover"),
    ("petrarch", "eval/petrarch/unittest_records.jsonl", "petrarch"),
    ("acled", "eval/acled/dev.csv", "acled"),
    ("ucdp", "eval/ucdp/dev.csv", "ucdp"),
    ("geo-lgl", "eval/geoparsing/lgl_dev.jsonl", "geoparsing"),
    ("geo-geovirus", "eval/geoparsing/geovirus.jsonl", "geoparsing"),
]

# Targets from the issues: (set, metric, minimum or maximum, bound)
TARGETS = [
    ("seed", "seed.pass", ">=", 1),
    ("plover", "event_type.macro_f1", ">=", 0.80),
    ("plover", "actor.accuracy", ">=", 0.85),
    ("petrarch", "triple.recall", ">=", 0.75),
    ("petrarch", "no_event.false_positive_rate", "<=", 0.10),
    ("acled", "acled_event_type.accuracy", ">=", 0.90),
    ("acled", "acled_sub_event_type.accuracy", ">=", 0.80),
    ("acled", "actor.accuracy", ">=", 0.85),
    ("acled", "date.exact", ">=", 0.95),
    ("acled", "fatalities.exact", ">=", 0.80),
    ("acled", "fatalities.within_20pct", ">=", 0.90),
    ("acled", "location.within_25km", ">=", 0.80),
]

# Further figures shown in the table without a target.
SHOWN = {
    "seed": ["seed.events_found", "seed.extra_events", "seed.must_not_emit_violations"],
    "plover": ["event.precision", "event.recall", "event.f1", "event_type.accuracy", "recipient.accuracy"],
    "petrarch": ["event.f1", "cameo_root.accuracy", "actor.accuracy", "recipient.accuracy"],
    "acled": ["event.f1", "recipient.accuracy", "interaction.accuracy", "date.within_7d", "time_precision.accuracy",
              "geo_precision.accuracy"],
    "ucdp": ["event.recall", "actor.accuracy", "date.exact", "location.within_25km", "deaths.low_le_best_le_high",
             "deaths.best_exact"],
    "geo-lgl": ["toponym.precision", "toponym.recall", "toponym.f1", "acc161", "exact_geonameid"],
    "geo-geovirus": ["toponym.precision", "toponym.recall", "toponym.f1", "acc161", "exact_geonameid"],
}


def fmt_value(v) -> str:
    if v is None or v == "":
        return "—" if v is None else ""
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def table(results: dict[str, dict]) -> str:
    lines = ["| set | metric | value | n | target |", "|---|---|---:|---:|---|"]
    targets = {(s, m): (op, b) for s, m, op, b in TARGETS}
    for name, _, _ in SETS:
        res = results.get(name)
        if not res:
            continue
        if "error" in res:
            lines.append(f"| {name} | (not run) | {res['error'][:80]} | | |")
            continue
        metrics = [m for s, m, _, _ in TARGETS if s == name] + SHOWN.get(name, [])
        if res.get("coder_errors"):
            metrics.append("coder_errors")
        for m in metrics:
            if m not in res:
                continue
            tgt = ""
            if (name, m) in targets:
                op, bound = targets[(name, m)]
                v = res.get(m)
                met = v is not None and (v >= bound if op == ">=" else v <= bound)
                tgt = f"{op} {bound} {'✅' if met else '❌'}"
            lines.append(f"| {name} | {m} | {fmt_value(res.get(m))} | {fmt_value(res.get(m + '.n', ''))} | {tgt} |")
    when = time.strftime("%Y-%m-%d", time.gmtime())
    lines.append("")
    lines.append(f"Dev splits in `../shared/eval` and the seed article, measured {when} with `python bench/accuracy.py`"
                 + (f" (`--limit {results['_limit']}`)" if results.get("_limit") else "") + ".")
    return "\n".join(lines)


def update_readme(readme: Path, block: str) -> bool:
    if not readme.exists():
        return False
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text or text.index(START) > text.index(END):
        return False
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")
    return True


def _progress(code, every: int = 250):
    """The coder, printing a line to stderr every `every` articles (long sets take minutes)."""
    state = {"n": 0, "t": time.perf_counter()}

    def wrapped(article):
        state["n"] += 1
        if state["n"] % every == 0:
            print(f"  ... {state['n']} articles coded, {time.perf_counter() - state['t']:.0f} s", file=sys.stderr)
        return code(article)
    return wrapped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N records of each set")
    ap.add_argument("--only", default=None, help="comma-separated set names (" + ", ".join(s for s, _, _ in SETS) + ")")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    ap.add_argument("--readme", type=Path, default=ROOT / "README.md")
    ap.add_argument("--errors-dir", type=Path, default=None, help="write <set>.errors.jsonl files here")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per article (slower = no events)")
    args = ap.parse_args(argv)

    from eventcoder.evaluate import EvaluateInputError, evaluate
    from eventcoder.paths import shared_dir

    shared = shared_dir()
    if shared is None:
        print("error: ../shared not found (set EVENTCODER_SHARED); the dev data is not part of the repo",
              file=sys.stderr)
        return 2
    wanted = set(args.only.split(",")) if args.only else None
    coder = None
    results: dict[str, dict] = {"_limit": args.limit}
    for name, rel, fmt in SETS:
        if wanted and name not in wanted:
            continue
        path = shared / rel
        if not path.exists():
            results[name] = {"error": f"{path} not found"}
            continue
        if coder is None and fmt != "geoparsing":
            t0 = time.perf_counter()
            from eventcoder.pipeline import Pipeline
            coder = _progress(Pipeline.default().code)
            from eventcoder.records import Article
            coder(Article.from_text(WARM_UP, published=None))    # load models and gazetteer before timing
            print(f"pipeline built and warmed up in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        t0 = time.perf_counter()
        try:
            report = evaluate(fmt, path, coder=coder if fmt != "geoparsing" else None, limit=args.limit,
                              timeout=args.timeout)
        except EvaluateInputError as exc:
            results[name] = {"error": str(exc)}
            print(f"{name}: {exc}", file=sys.stderr)
            continue
        secs = time.perf_counter() - t0
        res = report.to_json()
        res["seconds"] = round(secs, 2)
        res["records_per_s"] = round(report.records / secs, 2) if secs and report.records else None
        results[name] = res
        if args.errors_dir:
            args.errors_dir.mkdir(parents=True, exist_ok=True)
            report.write_errors(args.errors_dir / f"{name}.errors.jsonl")
        print(f"{name}: {report.records} records in {secs:.1f} s", file=sys.stderr)
    if wanted and args.out.exists():        # a partial run updates the sets it ran, keeps the others
        previous = json.loads(args.out.read_text(encoding="utf-8"))
        results = {**previous, **results, "_limit": args.limit or previous.get("_limit")}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    block = table(results)
    if update_readme(args.readme, block):
        print(f"updated the accuracy table in {args.readme}")
    else:
        print(f"({args.readme} has no {START} ... {END} block; the table:)\n")
    print(block)
    print(f"\nresults: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
