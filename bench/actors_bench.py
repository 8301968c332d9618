"""Actor layer benchmark: speed of find() on the seed article and accuracy of resolve() on ACLED dev actors.

    /work/venv/bin/python bench/actors_bench.py [--limit N]

(1) find() over shared/seed/mali_ukraine.txt: KB load + index build time, then ms per 1,000 words.
(2) shared/eval/acled/dev.csv: every non-empty actor1/actor2 string (e.g. "Military Forces of Mali
    (2012-2020)") goes through resolve(date=event_date, context_countries=[event country]). Truth: the
    inter1/inter2 column, and the country named in the actor string ("(Kenya)", "of Mali") or else the
    event country. "lenient" also accepts a KB group whose operating countries include the event country
    (JNIM is coded MLI in the KB but fights in Burkina Faso).
(3) The same rows' notes go through find(); recall = share of actor1/actor2 whose (country, inter) is
    among the actors found in the note.
(4) shared/eval/plover/dev.jsonl: each source/target actorText ("Israeli Prime Minister Ehud Barak")
    goes through resolve() with no context; country = the gold code (UNO/EUR/IGO count as one family,
    since those PLOVER records use IGO for the UN), sector checked where the gold gives a 3-letter one.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict

from eventcoder.paths import shared_dir

ACLED_COUNTRY = {"Ivory Coast": "CIV", "Democratic Republic of Congo": "COD", "Republic of Congo": "COG", "eSwatini": "SWZ",
                 "International": None}


def iso3(name: str, kb) -> str | None:
    if name in ACLED_COUNTRY:
        return ACLED_COUNTRY[name]
    for c in kb.countries.values():
        if name == c.name or name in c.names:
            return c.iso3
    return None


def truth_country(actor: str, event_iso: str | None, kb) -> str | None:
    for m in re.finditer(r"\(([^)0-9]+)\)|\bof (?:the )?([A-Z][A-Za-z' -]+?)(?: \(|$)", actor):
        name = (m.group(1) or m.group(2) or "").strip()
        c = iso3(name, kb)
        if c:
            return c
    return event_iso


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="only the first N ACLED rows")
    ap.add_argument("--errors", type=int, default=0, help="print N resolve() errors")
    args = ap.parse_args()
    sd = shared_dir()
    if sd is None:
        print("shared folder not found (set EVENTCODER_SHARED); nothing to measure", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    from eventcoder.actors.kb import KnowledgeBase
    from eventcoder.actors.resolver import ActorResolver
    kb = KnowledgeBase.load()
    t1 = time.perf_counter()
    r = ActorResolver(kb)
    t2 = time.perf_counter()
    print(f"KB load {1000 * (t1 - t0):.0f} ms ({kb.stats()}); index build {1000 * (t2 - t1):.0f} ms, "
          f"{len(r._index)} keys")

    # (1) speed on the seed text
    text = (sd / "seed" / "mali_ukraine.txt").read_text(encoding="utf-8")
    words = len(text.split())
    runs = []
    for _ in range(30):
        s = time.perf_counter()
        found = r.find(text, date=dt.date(2024, 8, 5), context_countries=["MLI"])
        runs.append(time.perf_counter() - s)
    per_k = 1000 * statistics.median(runs) / words * 1000
    print(f"(1) seed find(): {words} words, {len(found)} mentions, median {1000 * statistics.median(runs):.2f} ms/run "
          f"= {per_k:.2f} ms per 1,000 words (30 runs)")

    # (2) ACLED actor strings, (3) notes
    rows = list(csv.DictReader(open(sd / "eval" / "acled" / "dev.csv", encoding="utf-8")))
    if args.limit:
        rows = rows[:args.limit]
    n = ok_inter = ok_c = ok_cl = ok_both = ok_bothl = known = 0
    by_inter: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors: Counter = Counter()
    note_n = note_hit = 0
    note_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    t_res = t_find = 0.0
    note_words = 0
    for row in rows:
        ev_iso = iso3(row["country"], kb)
        date = dt.date.fromisoformat(row["event_date"])
        ctx = [ev_iso] if ev_iso else []
        s = time.perf_counter()
        found = r.find(row["notes"], date=date, context_countries=ctx)
        t_find += time.perf_counter() - s
        note_words += len(row["notes"].split())
        fset = {(m.actor.country, m.actor.acled_inter) for m in found}
        for a_col, i_col in (("actor1", "inter1"), ("actor2", "inter2")):
            name, inter = row[a_col].strip(), row[i_col].strip()
            if not name or inter in ("", "0"):
                continue
            inter = int(inter)
            tc = truth_country(name, ev_iso, kb)
            s = time.perf_counter()
            a = r.resolve(name, date=date, context_countries=ctx)
            t_res += time.perf_counter() - s
            n += 1
            known += a.known
            gi = a.acled_inter == inter
            entry = kb.get(a.kb_id) if a.kb_id else None
            gc = a.country == tc
            gcl = gc or bool(entry and ev_iso in {entry.country, *entry.countries})
            ok_inter += gi
            ok_c += gc
            ok_cl += gcl
            ok_both += gi and gc
            ok_bothl += gi and gcl
            by_inter[str(inter)][0] += 1
            by_inter[str(inter)][1] += gi and gcl
            if not (gi and gcl):
                errors[(name, inter, tc, a.code, a.acled_inter)] += 1
            note_n += 1
            hit = (tc, inter) in fset or (entry is not None and (a.country, inter) in fset and gcl)
            note_hit += hit
            note_by[str(inter)][0] += 1
            note_by[str(inter)][1] += hit
    pct = lambda x: f"{100 * x / n:.1f}%" if n else "n/a"
    print(f"(2) ACLED dev actor strings: {n} actors in {len(rows)} events; resolve() {1000 * t_res / max(n, 1):.3f} ms each")
    print(f"    inter code correct      {ok_inter}/{n} = {pct(ok_inter)}")
    print(f"    country correct         {ok_c}/{n} = {pct(ok_c)} strict, {ok_cl}/{n} = {pct(ok_cl)} lenient")
    print(f"    country + inter correct {ok_both}/{n} = {pct(ok_both)} strict, {ok_bothl}/{n} = {pct(ok_bothl)} lenient")
    print(f"    known (in KB)           {known}/{n} = {pct(known)}")
    print("    by true inter (lenient country+inter): " + ", ".join(
        f"{k}: {v[1]}/{v[0]}" for k, v in sorted(by_inter.items())))
    print(f"(3) ACLED notes find(): {note_hit}/{note_n} = {100 * note_hit / max(note_n, 1):.1f}% of coded actors found "
          f"(country + inter) in the note; {1000 * t_find / max(note_words, 1) * 1000:.2f} ms per 1,000 words")
    print("    by true inter: " + ", ".join(f"{k}: {v[1]}/{v[0]}" for k, v in sorted(note_by.items())))
    # (4) PLOVER gold-standard actors
    igo = {"IGO", "UNO", "EUR"}
    pn = pc = ps = psn = 0
    pmiss = []
    for line in open(sd / "eval" / "plover" / "dev.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        for role in ("source", "target"):
            acts = rec.get(role) or []
            for a in acts if isinstance(acts, list) else [acts]:
                if not isinstance(a, dict) or not a.get("actorText") or not a.get("code"):
                    continue
                got = r.resolve(a["actorText"])
                pn += 1
                okc = got.country == a["code"] or (got.country in igo and a["code"] in igo)
                pc += okc
                gs = a.get("sector")
                if gs and len(gs) == 3 and gs.isalpha() and gs.isupper():
                    psn += 1
                    ps += got.sector == gs
                if not okc:
                    pmiss.append((a["actorText"], a["code"], got.code))
    print(f"(4) PLOVER dev actors: country {pc}/{pn} = {100 * pc / max(pn, 1):.1f}%; "
          f"sector {ps}/{psn} = {100 * ps / max(psn, 1):.1f}% (where gold has a sector)")
    if args.errors:
        print(f"PLOVER country misses (first {args.errors}):")
        for m in pmiss[:args.errors]:
            print(f"    {m}")
    if args.errors:
        print(f"top {args.errors} resolve() misses (name, true inter, true country, got code, got inter): count")
        for k, c in errors.most_common(args.errors):
            print(f"    {c:4d}  {k}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
