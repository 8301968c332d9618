"""Regression guard on real labelled data (ACLED dev notes); skipped where the team's shared folder is absent."""
from __future__ import annotations

import csv
import datetime as dt
from itertools import islice

import pytest

from eventcoder.casualties import aggregate, extract_claims
from eventcoder.paths import shared_dir
from eventcoder.when import resolve_event_date


def _rows(n):
    shared = shared_dir()
    path = shared / "eval" / "acled" / "dev.csv" if shared else None
    if path is None or not path.exists():
        pytest.skip("shared eval data (eval/acled/dev.csv) not found: set EVENTCODER_SHARED to the team's shared folder")
    with open(path, encoding="utf-8") as fh:
        return list(islice(csv.DictReader(fh), n))


def test_acled_dev_sample_dates_and_fatalities():
    rows = _rows(400)
    dated = exact = fat = 0
    for r in rows:
        pub = dt.date.fromisoformat(r["event_date"])
        ed = resolve_event_date(r["notes"], published=pub)
        if ed is not None:
            dated += 1
            exact += ed.date == pub
        fat += (aggregate(extract_claims(r["notes"])).acled or 0) == int(r["fatalities"])
    # floors well under the measured figures (bench/when_casualties_eval.py): they catch breakage, not noise
    assert exact / dated >= 0.85
    assert fat / len(rows) >= 0.75
