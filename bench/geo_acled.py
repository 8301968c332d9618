"""ACLED event locations in the Sahel: share of events located within 25 km of ACLED's coordinates.

Uses the ACLED dev notes (Mali, Burkina Faso, Niger, Mauritania) as text, the GeoNames dumps of those countries
from the shared folder (added to the gazetteer in $EVENTCODER_HOME, default a temp folder), the first sentence
of each note as the event sentence and its root verb as the trigger.

Usage: EVENTCODER_HOME=/tmp/geo_bench python bench/geo_acled.py [--limit N] [--no-dumps] [--errors FILE]

--pipeline: end to end instead: the real pipeline (Pipeline.default().code, as bench/accuracy.py scores ACLED)
on the same Sahel subset of ACLED dev, scored by eventcoder.evaluate (location.within_25km,
geo_precision.accuracy); --errors then lists each location miss with ACLED's location name and admin1-3.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from eventcoder.paths import shared_dir

COUNTRIES = {"Mali": "MLI", "Burkina Faso": "BFA", "Niger": "NER", "Mauritania": "MRT"}
DUMPS = ["ML", "BF", "NE", "MR"]
REPORTING = {"say", "report", "claim", "state", "tell", "announce", "accuse", "suspect", "presume", "believe"}
TAGS = re.compile(r"\s*\[(?:size|women targeted)[^\]]*\]")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-dumps", action="store_true", help="default gazetteer only")
    ap.add_argument("--errors")
    ap.add_argument("--sentence", choices=["first", "note"], default="first",
                    help="event sentence: the note's first sentence (default) or the whole note")
    ap.add_argument("--pipeline", action="store_true", help="score the whole pipeline end to end")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None:
        print("shared data not found (set EVENTCODER_SHARED)", file=sys.stderr)
        return 2
    os.environ.setdefault("EVENTCODER_HOME", str(Path(tempfile.gettempdir()) / "eventcoder-geo-bench"))
    from eventcoder.geo.gazetteer import add_dump, default_gazetteer, haversine_km, installed_dumps
    from eventcoder.geo.resolver import find_toponyms, load_nlp, locate_event
    have = {p.stem for p in installed_dumps()}
    if not args.no_dumps:
        for code in DUMPS:
            if code not in have:
                t = time.time()
                n = add_dump(str(shared / "geonames" / f"{code}.txt"))
                print(f"added {code}: {n} places in {time.time() - t:.1f} s")
    elif have:
        print(f"note: dumps installed in $EVENTCODER_HOME are used: {sorted(have)}", file=sys.stderr)
    t = time.time()
    default_gazetteer()
    print(f"gazetteer load: {time.time() - t:.2f} s")
    rows = [r for r in csv.DictReader(open(shared / "eval" / "acled" / "dev.csv", encoding="utf-8"))
            if r["country"] in COUNTRIES]
    if args.limit:
        rows = rows[:args.limit]
    if args.pipeline:
        return run_pipeline(rows, args.errors)
    nlp = load_nlp()
    within = n = none = 0
    by_prec: Counter = Counter()
    by_prec_ok: Counter = Counter()
    prec_agree = 0
    bad = []
    t_parse = t_geo = 0.0
    for r in rows:
        text = TAGS.sub("", r["notes"])        # ACLED coders' machine tags ("[size=no report]") are not text
        t0 = time.time()
        doc = nlp(text)
        t1 = time.time()
        tops = find_toponyms(text, doc=doc, context_countries=[COUNTRIES[r["country"]]])
        sent = next(iter(doc.sents))
        # the act: the sentence's first verb that is not a reporting verb ("said a resident" comes last)
        root = next((t for t in sent if t.pos_ == "VERB" and t.lemma_ not in REPORTING), sent.root)
        span = (sent.start_char, sent.end_char) if args.sentence == "first" else (0, len(text))
        place = locate_event(text, tops, sentence=span,
                             trigger=(root.idx, root.idx + len(root.text)),
                             context_countries=[COUNTRIES[r["country"]]], article_id=r["event_id_cnty"])
        t_geo += time.time() - t1
        t_parse += t1 - t0
        n += 1
        gp = r["geo_precision"]
        by_prec[gp] += 1
        if place is None or place.lat is None:
            none += 1
            bad.append({"id": r["event_id_cnty"], "location": r["location"], "pred": None, "notes": text[:300]})
            continue
        d = haversine_km(float(r["latitude"]), float(r["longitude"]), place.lat, place.lon)
        ok = d <= 25
        within += ok
        by_prec_ok[gp] += ok
        prec_agree += str(place.acled_geo_precision) == gp
        if not ok:
            bad.append({"id": r["event_id_cnty"], "location": r["location"], "admin1": r["admin1"],
                        "pred": place.name, "pred_code": place.feature_code, "km": round(d), "gp": gp,
                        "evidence": place.span.text if place.span else None, "notes": text[:300]})
    print(f"events: {n}  within 25 km: {within / n:.4f}  no place: {none}")
    for gp in sorted(by_prec):
        print(f"  geo_precision {gp}: {by_prec[gp]} events, within 25 km {by_prec_ok[gp] / by_prec[gp]:.4f}")
    print(f"  acled_geo_precision equal to ACLED's: {prec_agree / n:.4f}")
    print(f"  time: parse {t_parse:.1f} s, geo (find_toponyms + locate_event) {t_geo:.1f} s "
          f"({100 * t_geo / max(t_parse, 1e-9):.1f}% of parse)")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for b in bad:
                fh.write(json.dumps(b, ensure_ascii=False) + "\n")
    return 0


def run_pipeline(rows: list[dict], errors: str | None) -> int:
    from eventcoder.evaluate import evaluate
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
        path = fh.name
    t = time.time()
    try:
        report = evaluate("acled", path)
    finally:
        os.unlink(path)
    took = time.time() - t
    m = report.to_json()
    print(f"pipeline, Sahel ACLED dev: {len(rows)} notes in {took:.0f} s")
    for k in ("location.within_25km", "geo_precision.accuracy", "acled_event_type.accuracy"):
        print(f"  {k}: {m.get(k)}  (n={m.get(k + '.n')})")
    if errors:
        by_id = {r["event_id_cnty"]: r for r in rows}
        with open(errors, "w", encoding="utf-8") as fh:
            for e in report.errors:
                if e.get("metric") not in ("location.within_25km", "geo_precision.accuracy"):
                    continue
                r = by_id.get(e["record"], {})
                fh.write(json.dumps({**e, "location": r.get("location"), "admin1": r.get("admin1"),
                                     "admin2": r.get("admin2"), "admin3": r.get("admin3"),
                                     "gp": r.get("geo_precision")}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
