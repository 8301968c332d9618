"""ACLED CSV read back the way users do (pandas, csv)."""
import csv
import io

import pandas as pd

from eventcoder.export import export
from eventcoder.export.acled import COLUMNS, interaction

CODEBOOK = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
            "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
            "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
            "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities",
            "tags", "timestamp"]


def _read(events, articles):
    buf = io.StringIO()
    n = export(events, "acled", buf, articles=articles)
    text = buf.getvalue()
    return n, text, pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)


def test_columns_and_one_row_per_acled_event(events, articles):
    n, text, df = _read(events, articles)
    assert list(df.columns) == CODEBOOK == list(COLUMNS)
    acled_events = [e for e in events if e.coding.acled_event_type]
    assert n == len(df) == len(acled_events)
    assert set(df["event_type"]) == {e.coding.acled_event_type for e in acled_events}
    assert all(len(row) == len(CODEBOOK) for row in csv.reader(io.StringIO(text)))
    assert df["event_id_cnty"].is_unique


def test_tinzaouaten_battle_row(events, articles):
    _, _, df = _read(events, articles)
    e1 = df[(df["location"] == "Tinzaouaten") & (df["time_precision"] == "1")].iloc[0]
    assert e1["event_date"] == "2024-07-25" and e1["year"] == "2024" and e1["time_precision"] == "1"
    assert e1["event_type"] == "Battles" and e1["disorder_type"] == "Political violence"
    assert e1["inter1"] == "2" and e1["inter2"] == "1" and e1["interaction"] == "12"
    assert e1["country"] == "Mali" and e1["iso"] == "466" and e1["region"] == "Western Africa"
    assert e1["event_id_cnty"].startswith("MLI")
    assert e1["latitude"] == "19.9540" and e1["longitude"] == "2.9670" and e1["geo_precision"] == "1"
    assert set(e1["source"].split("; ")) == {"Reuters", "AFP", "Al Jazeera", "Studio Tamani"}
    assert int(e1["fatalities"]) >= 0 and e1["timestamp"].isdigit()


def test_interaction_uses_main_actor_of_each_side(events):
    e1 = next(e for e in events if e.place and e.place.name == "Tinzaouaten" and e.recipients)
    assert {a.acled_inter for a in e1.actors + e1.recipients} - {None} == {1, 2, 8}
    assert interaction(e1) == 12                  # rebels vs state forces (Wagner is associated)
    reciprocal = next(e for e in events if e.id == "evfixture-month")
    assert not reciprocal.recipients and interaction(reciprocal) == 12


def test_month_and_week_precision_follow_the_codebook(events, articles):
    _, _, df = _read(events, articles)
    month = df[df["tags"].str.contains("evfixture-month")].iloc[0]
    assert month["event_date"] == "2024-07-15" and month["time_precision"] == "3"      # mid-month
    week = df[df["tags"].str.contains("evfixture-week")].iloc[0]
    assert week["event_date"] == "2024-07-11" and week["time_precision"] == "2"        # middle of the span
    assert week["location"] == "" and week["latitude"] == ""


def test_unknown_inter_is_blank_and_civilians_targeted(events, articles):
    _, _, df = _read(events, articles)
    bombing = df[df["location"] == "Gwoza"].iloc[0]
    assert bombing["inter1"] == "" and bombing["interaction"] == ""      # unknown perpetrator type
    assert bombing["inter2"] == "7"
    massacre = df[df["sub_event_type"] == "Attack"].iloc[0]
    assert massacre["civilian_targeting"] == "Civilians targeted"


def test_no_row_for_events_outside_acled(events, articles):
    _, _, df = _read(events, articles)
    ids = " ".join(df["tags"])
    for e in events:
        if not e.coding.acled_event_type:
            assert e.id not in ids


def test_the_projects_own_acled_loader_reads_the_export(events, articles, tmp_path):
    import datetime as dt

    import pytest

    acled_eval = pytest.importorskip("eventcoder.evaluate.acled", reason="evaluate stage not installed")
    path = tmp_path / "events.csv"
    n = export(events, "acled", path, articles=articles)
    golds = acled_eval.load(path)
    assert len(golds) == n
    battle = next(g for g in golds if g.lat and abs(g.lat - 19.954) < 1e-3 and g.time_precision == 1)
    assert battle.event_type == "Battles" and battle.interaction == 12
    assert str(battle.date) == str(dt.date(2024, 7, 25)) and battle.geo_precision == 1
    assert battle.actor1.inter == 2 and battle.actor2.inter == 1


def test_a_peaceful_protest_has_one_side_what_it_is_against_is_not_actor2():
    from eventcoder import records as r
    from eventcoder.export.acled import interaction, row
    crowd = r.Actor(name="Protesters (Mali)", country="MLI", sector="CVL", acled_inter=6)
    gov = r.Actor(name="Government of Mali", country="MLI", sector="GOV", acled_inter=1)
    police = r.Actor(name="Police Forces of Mali", country="MLI", sector="COP", acled_inter=1)

    def ev(sub, recipients):
        return r.Event(id="p", coding=r.Coding("PROTEST", acled_event_type="Protests", acled_sub_event_type=sub),
                       actors=(crowd,), recipients=recipients, date=None, place=None, fatalities=r.Fatalities(),
                       claims=(), status="reported", evidence=(), mention_ids=("m",), article_ids=("a",))

    peaceful = ev("Peaceful protest", (gov,))
    assert interaction(peaceful) == 60 == peaceful.acled_interaction
    assert row(peaceful, {})["actor2"] == "" and row(peaceful, {})["inter2"] == 0
    stopped = ev("Protest with intervention", (police,))        # the police who intervened are a side
    assert interaction(stopped) == 16 and row(stopped, {})["actor2"] == "Police Forces of Mali"
