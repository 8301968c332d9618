from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from eventcoder.when import acled_event_date, find_dates, is_historical, reload_lexicons, resolve_event_date
from eventcoder.when import lexicon

PUB = dt.date(2024, 8, 5)
SEED = ("The clashes, which occurred last month, saw dozens killed. Over a decade ago, Mali lost control of the "
        "north. The army admitted losses during the clashes, which began on July 25.")


def test_find_dates_lists_every_expression_with_offsets():
    ms = find_dates(SEED, published=PUB)
    assert [m.text for m in ms] == ["last month", "Over a decade ago", "July 25"]
    for m in ms:
        assert SEED[m.start:m.end] == m.text
    assert ms[1].date.precision == "year" and ms[1].date.date.year == 2014


def test_whole_passage_prefers_the_precise_recent_date():
    ed = resolve_event_date(SEED, published=PUB)
    assert ed.date == dt.date(2024, 7, 25) and ed.precision == "day"


def test_without_publication_date_only_dates_with_a_year_resolve():
    assert resolve_event_date("Clashes began on July 25.", published=None) is None
    ed = resolve_event_date("Clashes began on 25 July 2024.", published=None)
    assert ed.date == dt.date(2024, 7, 25)


def test_partial_date_never_lands_after_publication():
    ed = resolve_event_date("Rebels attacked on August 20.", published=PUB)
    assert ed.date == dt.date(2023, 8, 20)


def test_is_historical():
    assert is_historical("Over a decade ago, Mali lost control of the north.", published=PUB)
    assert is_historical("Mali's military government, which took power in coups in 2020 and 2021.", published=PUB)
    assert is_historical("Wagner began supporting the government two years ago.", published=PUB)
    assert not is_historical("The clashes began on July 25.", published=PUB)
    assert not is_historical("Gunmen attacked the village.", published=PUB)
    assert not is_historical("In 2012 rebels took Gao.", published=None)


def test_acled_event_date_is_mid_period():
    ed = resolve_event_date("Clashes occurred last month.", published=PUB)
    assert acled_event_date(ed) == dt.date(2024, 7, 16)
    assert acled_event_date(resolve_event_date("on 3 July 2024", published=PUB)) == dt.date(2024, 7, 3)


@pytest.mark.parametrize("bad, msg", [
    (dict(text=None, published=PUB), "text must be a str"),
    (dict(text="x", published="2024-08-05"), "published must be a datetime.date"),
    (dict(text="x", published=dt.datetime(2024, 8, 5)), "not a datetime"),
    (dict(text="x", published=PUB, trigger=(5, 2)), "trigger must be"),
])
def test_bad_input_gets_a_clear_message(bad, msg):
    with pytest.raises((TypeError, ValueError), match=msg):
        resolve_event_date(**bad)


def test_unknown_language_names_the_available_ones():
    with pytest.raises(lexicon.LexiconError, match="available: en, fr"):
        resolve_event_date("x", published=PUB, language="xx")


def test_user_lexicon_extends_the_packaged_one(tmp_path, monkeypatch):
    (tmp_path / "when").mkdir()
    (tmp_path / "when" / "en_local.yaml").write_text("relative_days:\n  'the other day': -3\n", encoding="utf-8")
    monkeypatch.setenv("EVENTCODER_HOME", str(tmp_path))
    reload_lexicons()
    try:
        ed = resolve_event_date("Rebels attacked the other day.", published=PUB)
        assert ed.date == dt.date(2024, 8, 2)
        assert resolve_event_date("Rebels attacked yesterday.", published=PUB).date == dt.date(2024, 8, 4)
    finally:
        monkeypatch.delenv("EVENTCODER_HOME")
        reload_lexicons()
    assert resolve_event_date("Rebels attacked the other day.", published=PUB) is None


def test_import_loads_nothing():
    code = ("import eventcoder.when, eventcoder.casualties as c; from eventcoder.when import lexicon, grammar;"
            "from eventcoder.casualties import lexicon as cl;"
            "assert lexicon.load.cache_info().currsize == 0 and grammar.grammar.cache_info().currsize == 0;"
            "assert cl.load.cache_info().currsize == 0")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_language_without_lexicon_falls_back_to_dateparser():
    ed = resolve_event_date("El 25 de julio de 2024, hombres armados atacaron el pueblo.", published=PUB, language="es")
    assert (ed.date, ed.precision, ed.basis, ed.span.text) == (dt.date(2024, 7, 25), "day", "explicit",
                                                               "25 de julio de 2024")
    week = find_dates("Letzte Woche gab es Kämpfe.", published=PUB, language="de")[0].date
    assert (week.date, week.end, week.precision) == (dt.date(2024, 7, 29), dt.date(2024, 8, 4), "week")
    assert resolve_event_date("Hombres armados atacaron el pueblo.", published=PUB, language="es") is None


def _at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def test_a_date_in_an_aside_dates_something_else_unless_the_act_is_in_it():
    s = "On 3 August 2024, relatives of a man [shot on 1 August] stormed the police station."
    ed = resolve_event_date(s, published=PUB, trigger=_at(s, "stormed"))
    assert ed.date == dt.date(2024, 8, 3)
    ed = resolve_event_date(s, published=PUB, trigger=_at(s, "shot"))
    assert ed.date == dt.date(2024, 8, 1)
    s = "On 2 August 2024, traders protested the closure (since June) of the market."
    assert resolve_event_date(s, published=PUB, trigger=_at(s, "protested")).date == dt.date(2024, 8, 2)


@pytest.mark.parametrize("text, day, end", [
    ("Overnight between 1 and 2 August, gunmen abducted a teacher.", 1, 2),
    ("On or before August 2, police shot two robbers.", 2, None),
    ("During the week beginning 29 July, herders attacked a farmer.", 29, None),
])
def test_uncertain_days_are_week_precision(text, day, end):
    word = next(w for w in ("abducted", "shot", "attacked") if w in text)
    ed = resolve_event_date(text, published=PUB, trigger=_at(text, word))
    assert ed.precision == "week" and ed.date.day == day and (ed.end.day if ed.end else None) == end
