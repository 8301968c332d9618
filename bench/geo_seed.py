"""Seed article check: where did E1 (the fighting near Tinzaouaten) happen?

Prints the event place for the sentence "The fighting took place near Tinzaouaten ..." of shared/seed/mali_ukraine.txt
with the gazetteer of $EVENTCODER_HOME (run once with ML.txt added, once without).
Usage: EVENTCODER_HOME=DIR python bench/geo_seed.py
"""
from __future__ import annotations

import sys

from eventcoder.geo.gazetteer import default_gazetteer, haversine_km, installed_dumps
from eventcoder.geo.resolver import find_toponyms, load_nlp, locate_event
from eventcoder.paths import shared_dir


def main() -> int:
    shared = shared_dir()
    if shared is None:
        print("shared data not found", file=sys.stderr)
        return 2
    text = (shared / "seed" / "mali_ukraine.txt").read_text(encoding="utf-8")
    print("dumps:", [p.stem for p in installed_dumps()] or "none")
    default_gazetteer()
    doc = load_nlp()(text)
    tops = find_toponyms(text, doc=doc, context_countries=["MLI", "RUS"])
    print("toponyms:", [(t.text, t.place.name if t.place else None) for t in tops])
    i = text.index("The fighting took place near")
    sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
    trig = text.index("fighting", i)
    p = locate_event(text, tops, sentence=(sent.start_char, sent.end_char), trigger=(trig, trig + 8),
                     context_countries=["MLI", "RUS"], article_id="seed")
    print("E1 place:", p)
    if p and p.lat is not None:
        print(f"distance to gold (19.954, 2.967): {haversine_km(p.lat, p.lon, 19.954, 2.967):.1f} km")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
