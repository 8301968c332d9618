"""merge(): best-supported fields, every source's claims and evidence, fatalities via casualties.aggregate."""
import datetime as dt
import sys
import types

from eventcoder import records as r
from eventcoder.dedup import merge
from eventcoder.dedup.merge import from_mention

from builders import TINZAOUATEN, mention

T1 = "Rebels attacked Malian troops near Tinzaouaten in July. Dozens were killed."
T2 = "On July 25 rebels ambushed soldiers and Wagner fighters; 47 soldiers died."


def _events():
    a = from_mention(mention("a1", T1, 1, "ASSAULT", "attacked", actors=("CSP",), recipients=("FAMA",),
                             date=dt.date(2024, 7, 1), precision="month", place=dict(name="Mali", country="MLI"),
                             place_precision="country",
                             claims=(r.Claim("killed", low=12, qualifier="vague", text="Dozens were killed",
                                             span=r.Span("a1", 55, 73, "Dozens were killed")),),
                             acled=("Battles", "Armed clash"), confidence=0.6))
    b = from_mention(mention("a2", T2, 1, "ASSAULT", "ambushed", actors=("CSP", "JNIM"),
                             recipients=("FAMA", "WAGNER"), date=dt.date(2024, 7, 25), place=TINZAOUATEN,
                             place_precision="near",
                             claims=(r.Claim("killed", low=47, text="47 soldiers died",
                                             span=r.Span("a2", 55, 71, "47 soldiers died")),),
                             acled=("Battles", "Armed clash"), confidence=0.7))
    return a, b


def test_best_supported_fields():
    a, b = _events()
    m = merge([a, b])
    assert m.id == a.id                                   # the first event keeps its id
    assert m.date.date == dt.date(2024, 7, 25) and m.date.precision == "day"     # most precise date
    assert m.place.name == "Tinzaouaten" and m.place.precision == "near"          # most precise place
    assert [x.kb_id for x in m.actors] == ["CSP", "JNIM"]                         # union of actors
    assert [x.kb_id for x in m.recipients] == ["FAMA", "WAGNER"]
    assert len(m.claims) == 2 and {c.span.article_id for c in m.claims} == {"a1", "a2"}
    assert {s.article_id for s in m.evidence} == {"a1", "a2"}
    assert m.article_ids == ("a1", "a2") and m.n_sources == 2
    assert m.mention_ids == ("a1:m1", "a2:m1")
    assert m.confidence > max(a.confidence, b.confidence)      # two independent sources
    assert m.coding.acled_event_type == "Battles"


def test_order_of_sources_does_not_change_the_content():
    a, b = _events()
    x, y = merge([a, b]), merge([b, a])
    for f in ("date", "place", "status", "n_sources", "confidence", "fatalities"):
        assert getattr(x, f) == getattr(y, f), f
    assert {k.kb_id for k in x.actors} == {k.kb_id for k in y.actors}


def test_fatalities_fall_back_to_max_when_aggregate_missing(monkeypatch):
    a, b = _events()
    a = r.replace(a, fatalities=r.Fatalities(acled=12, best=12))
    b = r.replace(b, fatalities=r.Fatalities(acled=47, best=47))
    monkeypatch.setitem(sys.modules, "eventcoder.casualties.aggregate", None)   # import fails
    f = merge([a, b]).fatalities
    assert f.acled == 47 and f.best == 47


def test_fatalities_from_aggregate_of_all_claims(monkeypatch):
    seen = []

    def aggregate(claims):
        seen.append(list(claims))
        return r.Fatalities(acled=min(c.low for c in claims), low=1, best=2, high=3)

    mod = types.ModuleType("eventcoder.casualties.aggregate")
    mod.aggregate = aggregate
    monkeypatch.setitem(sys.modules, "eventcoder.casualties.aggregate", mod)
    a, b = _events()
    f = merge([a, b]).fatalities
    assert f == r.Fatalities(acled=12, low=1, best=2, high=3)
    assert len(seen[-1]) == 2


def test_merge_of_one_merged_event_is_stable():
    a, b = _events()
    m = merge([a, b])
    assert merge([m]) == m


def test_actor_on_both_sides_goes_where_most_sources_put_it():
    a, b = _events()
    c = from_mention(mention("a3", T2, 1, "ASSAULT", "ambushed", actors=("FAMA",), recipients=("CSP",)))
    m = merge([a, b, c])
    assert "CSP" in {x.kb_id for x in m.actors} and "CSP" not in {x.kb_id for x in m.recipients}
