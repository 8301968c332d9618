from __future__ import annotations

import datetime as dt
import time

from eventcoder.ingest.meta import map_columns, parse_date
from eventcoder.ingest.reader import normalize_language


def test_parse_date_forms():
    assert parse_date("2024-08-04") == dt.date(2024, 8, 4)
    assert parse_date("2024-08-04T10:00:00+02:00") == dt.date(2024, 8, 4)
    assert parse_date("Sun, 04 Aug 2024 10:00:00 GMT") == dt.date(2024, 8, 4)
    assert parse_date("4 August 2024") == dt.date(2024, 8, 4)
    assert parse_date("03/30/2018 00:00:00") == dt.date(2018, 3, 30)      # UCDP GED
    assert parse_date("30/03/2018") == dt.date(2018, 3, 30)               # day first when it must be
    assert parse_date(time.strptime("2024-07-06", "%Y-%m-%d")) == dt.date(2024, 7, 6)
    assert parse_date("19950101") == dt.date(1995, 1, 1)                  # compact (PETRARCH, GDELT)
    assert parse_date(dt.datetime(2024, 1, 2, 3, 4)) == dt.date(2024, 1, 2)
    for bad in ("", None, "2024", "not a date", "2024-02-30", "13/13/2024"):
        assert parse_date(bad) is None


def test_column_aliases_prefer_specific_names():
    assert map_columns(["event_id_cnty", "event_date", "source", "notes"]) == {
        "id": "event_id_cnty", "published": "event_date", "source": "source", "text": "notes"}
    m = map_columns(["id", "source_office", "source_date", "source_headline", "date_start"])
    assert m["text"] == "source_headline" and m["published"] == "date_start" and m["source"] == "source_office"
    assert map_columns(["Title", "TEXT"]) == {"title": "Title", "text": "TEXT"}


def test_normalize_language():
    assert normalize_language("en-US") == "en"
    assert normalize_language("fra") == "fr"
    assert normalize_language("French") == "fr"
    assert normalize_language("klingon-xx") is None
    assert normalize_language(None) is None


def test_user_columns_file_extends_the_aliases(tmp_path, monkeypatch):
    from eventcoder.ingest.meta import column_aliases
    (tmp_path / "ingest").mkdir()
    (tmp_path / "ingest" / "columns.yaml").write_text("text: [story]\npublished: [when]\n", encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_HOME", str(tmp_path))
    column_aliases.cache_clear()
    try:
        m = map_columns(["story", "when", "notes"])
        assert m["text"] == "story" and m["published"] == "when"     # user aliases are tried first
    finally:
        monkeypatch.delenv("EVENTCODER_HOME")
        column_aliases.cache_clear()
    assert map_columns(["story", "when", "notes"]) == {"text": "notes"}
