"""The example corpus (examples/) reads as the demo expects; and real exports read without false rejections."""
from __future__ import annotations

import collections
import csv
import datetime as dt

import pytest

from eventcoder.ingest import count_inputs, iter_articles
from eventcoder.paths import shared_dir
from eventcoder.records import Article, IngestError

from ingest_helpers import EXAMPLES


@pytest.fixture(scope="module")
def corpus():
    if not EXAMPLES.is_dir():
        pytest.skip("examples/ folder not found next to tests/")
    return list(iter_articles([EXAMPLES]))


def test_examples_read_cleanly(corpus):
    arts = [r for r in corpus if isinstance(r, Article)]
    errs = [r for r in corpus if isinstance(r, IngestError)]
    md = [a for a in arts if a.origin.endswith(".md")]
    assert len(md) == 11                                  # twelve Markdown files, one in French
    assert [e.reason for e in errs] == ["language"] and errs[0].origin.endswith("_fr.md")
    assert "(fr;" in errs[0].message
    fmts = collections.Counter(dict(a.meta)["format"] for a in arts)
    assert fmts == {"markdown": 11, "jsonl": 3, "feed": 2}
    assert count_inputs([EXAMPLES]) == 14


def test_examples_are_dated_sourced_english_and_article_length(corpus):
    for a in corpus:
        if isinstance(a, Article):
            assert a.published and a.source and a.title and a.language == "en", a.origin
            if a.origin.endswith(".md"):
                assert 150 <= len(a.text.split()) <= 400, a.origin


def test_examples_cover_both_spellings_of_tinzaouaten(corpus):
    texts = [a.text for a in corpus if isinstance(a, Article)]
    assert any("Tinzaouaten" in t for t in texts) and any("Tin Zaouatene" in t for t in texts)


def _shared_csv(rel: str):
    base = shared_dir()
    if base is None or not (base / rel).is_file():
        pytest.skip(f"shared eval data {rel} not found (set EVENTCODER_SHARED to the team's shared folder)")
    return base / rel


@pytest.mark.parametrize("rel,text_col,date_col", [("eval/acled/dev.csv", "notes", "event_date"),
                                                    ("eval/ucdp/dev.csv", "source_headline", "date_start")])
def test_real_exports_read_every_row_with_its_date(rel, text_col, date_col):
    path = _shared_csv(rel)
    res = list(iter_articles([path], dedupe=False))
    errs = collections.Counter(e.reason for e in res if isinstance(e, IngestError))
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with_text = [r for r in rows if r[text_col].strip()]
    arts = [a for a in res if isinstance(a, Article)]
    assert errs.get("language", 0) == 0, "English exports must not be rejected as foreign"
    assert len(arts) == len(with_text)
    by_line = {a.published for a in arts}
    expected = {_date(r[date_col]) for r in with_text}
    assert None not in by_line and by_line <= expected


def _date(value: str) -> dt.date:
    """The exports' own formats: ISO (ACLED) or month/day/year with a time (UCDP GED)."""
    day = value.split()[0]
    if "/" in day:
        return dt.datetime.strptime(day, "%m/%d/%Y").date()
    return dt.date.fromisoformat(day)
