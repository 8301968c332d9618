"""Regenerate the README's seed output table from a real run (the block between <!-- seed-output:start/end -->).

    python bench/readme_seed_table.py        # needs ../shared (seed article and the ML GeoNames dump)

Runs `eventcoder gazetteer add ML.txt` and `eventcoder run seed --published 2024-08-05` in a temporary home and
store, exports PLOVER JSON and writes the events as a Markdown table.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from eventcoder.paths import shared_dir

ROOT = Path(__file__).resolve().parents[1]


def _parties(ps):
    return "; ".join(f"{p['name']} ({p['country']} {p['sector']})" for p in ps)


def main() -> None:
    sh = shared_dir()
    if sh is None:
        sys.exit("../shared is not present: the seed article and ML.txt are needed")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "EVENTCODER_HOME": os.environ.get("EVENTCODER_HOME", tmp)}
        exe = [sys.executable, "-m", "eventcoder.cli"]
        db, out = Path(tmp) / "seed.duckdb", Path(tmp) / "seed.json"
        subprocess.run(exe + ["gazetteer", "add", str(sh / "geonames" / "ML.txt")], env=env, check=True,
                       capture_output=True)
        subprocess.run(exe + ["run", str(sh / "seed" / "mali_ukraine.txt"), "--published", "2024-08-05",
                              "--db", str(db), "-q"], env=env, check=True, capture_output=True)
        subprocess.run(exe + ["export", "--format", "plover", "-o", str(out), "--db", str(db)], env=env, check=True,
                       capture_output=True)
        events = json.loads(out.read_text())
    lines = ["| date | PLOVER | CAMEO | ACLED | actor | recipient | location | deaths (ACLED; UCDP low-high) | status | claims | evidence |",
             "|---|---|---|---|---|---|---|---|---|---:|---:|"]
    for e in sorted(events, key=lambda e: (e["date"] or "", e["event_type"])):
        ac = e["acled"]
        loc = e["location"]
        f = e["fatalities"]
        deaths = "" if f.get("acled") is None else f"{f['acled']}; {f.get('low')}-{f.get('high')}"
        lines.append("| " + " | ".join([
            f"{e['date'] or ''} ({e['date_precision'] or '-'})", f"{e['event_type']} {e['mode'] or ''}".strip(),
            e["cameo_code"] or "", f"{ac['event_type']} / {ac['sub_event_type']} ({ac['interaction']})" if ac else "",
            _parties(e["actor"]), _parties(e["recipient"]),
            f"{loc['name']} ({loc['lat']:.3f}, {loc['lon']:.3f}; {loc['precision']})" if loc else "",
            deaths, e["status"], str(len(e["claims"])), str(len(e["evidence"])),
        ]) + " |")
    table = "\n".join(lines)
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = f"<!-- seed-output:start -->\n{table}\n<!-- seed-output:end -->"
    text = re.sub(r"<!-- seed-output:start -->.*?<!-- seed-output:end -->", lambda _: block, text, flags=re.S)
    readme.write_text(text)
    print(table)


if __name__ == "__main__":
    main()
