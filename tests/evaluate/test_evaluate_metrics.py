"""Metric arithmetic on hand-built gold/pred pairs (expected values worked out by hand in the comments)."""
import math

import pytest

from eventcoder.evaluate.common import cameo_country, country_iso3, km, parse_date, within_pct
from eventcoder.evaluate.metrics import Tally, macro_f1, multiset_match, prf
from evalkit import actor


def test_prf_from_counts():
    p, r, f = prf(3, 1, 2)          # P = 3/4, R = 3/5, F1 = 6/9
    assert p == pytest.approx(0.75) and r == pytest.approx(0.6) and f == pytest.approx(2 / 3)
    assert prf(0, 0, 0) == (None, None, None)


def test_multiset_match_counts_each_prediction_once():
    # gold A, A, B; pred A, C, C -> one A matched; C, C are false positives; A and B missed
    assert multiset_match(["A", "A", "B"], ["A", "C", "C"]) == (1, 2, 2)


def test_macro_f1_averages_over_gold_classes_only():
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("B", None), ("B", "C")]
    # A: tp1 fp0 fn1 -> 2/3 ; B: tp1 fp1 fn2 -> 2/5 ; C is never gold -> not averaged
    assert macro_f1(pairs) == pytest.approx((2 / 3 + 2 / 5) / 2)
    assert macro_f1([]) is None


def test_tally_flat_metrics_and_counts():
    t = Tally()
    t.hit("date.exact", True)
    t.hit("date.exact", False)
    t.hit("date.exact", True)
    t.count("event", 2, 1, 1)
    t.label("event_type", "A", "A")
    t.label("event_type", "B", "A")
    t.declare("location.within_25km")
    m = t.metrics()
    assert m["date.exact"] == pytest.approx(2 / 3) and m["date.exact.n"] == 3
    assert m["event.precision"] == pytest.approx(2 / 3) and m["event.precision.n"] == 3
    assert m["event.recall"] == pytest.approx(2 / 3) and m["event.recall.n"] == 3
    assert m["event_type.accuracy"] == 0.5 and m["event_type.accuracy.n"] == 2
    # A: tp1 fp1 fn0 -> 2/3; B: tp0 fn1 -> 0
    assert m["event_type.macro_f1"] == pytest.approx(1 / 3)
    assert m["location.within_25km"] is None and m["location.within_25km.n"] == 0


def test_km_one_degree_of_latitude():
    assert km(0, 0, 1, 0) == pytest.approx(6371 * math.pi / 180, rel=1e-9)
    assert km(12.0, -1.5, 12.0, -1.5) == 0


def test_within_pct_and_missing_prediction():
    assert within_pct(12, 10, 0.2) and not within_pct(13, 10, 0.2)
    assert within_pct(None, 0, 0.2) and not within_pct(None, 3, 0.2)


def test_parse_date_formats():
    assert str(parse_date("03/30/2018 00:00:00", where="x")) == "2018-03-30"
    assert str(parse_date("19950103", where="x")) == "1995-01-03"
    assert str(parse_date("2020-05-01", where="x")) == "2020-05-01"
    assert parse_date("", where="x") is None
    with pytest.raises(ValueError, match="cannot read date"):
        parse_date("next tuesday", where="f.csv:3")


def test_country_names_and_cameo_codes():
    assert country_iso3("Ivory Coast") == "CIV" and country_iso3("Kenya") == "KEN"
    assert country_iso3("Islam and Muslims") is None
    assert cameo_country(actor(["Malian army", "MLI", "MIL"])) == "MLI"
    assert cameo_country(actor(["Gondor's foreign minister"])) == "GON"
    assert cameo_country(actor(["the Arnor government"])) == "ARN"
    assert cameo_country(actor(["government officials", None, "GOV"])) == "---"
    assert cameo_country(actor(["United Nations", None, "IGO"])) == "IGO"


def test_cameo_country_reads_the_span_when_the_name_is_a_role():
    from eventcoder import records
    span = records.Span("a", 0, 26, "The Calenardhon government")
    role = records.Actor(name="government", sector="GOV", known=False, span=span)
    assert cameo_country(role) == "CAL"
    by = records.Actor(name="soldiers", sector="MIL", known=False,
                       span=records.Span("a", 37, 85, "an attack by Osgiliath soldiers in south Ithilen"))
    assert cameo_country(by) == "OSG"
    assert cameo_country(records.Actor(name="soldiers", sector="MIL", known=False)) == "---"
