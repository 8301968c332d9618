"""Same-event score components: type, date window by precision, place distance by precision, actors."""
import datetime as dt

import pytest

from eventcoder import records as r
from eventcoder.dedup import compatible, merge
from eventcoder.dedup.compat import actors_score, date_score, place_score, type_score
from eventcoder.dedup.merge import from_mention

from builders import TINZAOUATEN, actor, mention

D = dt.date


def ed(d, precision="day", basis="explicit", end=None):
    return r.EventDate(d, end=end, precision=precision, basis=basis)


def place(lat, lon, precision="point", **kw):
    kw.setdefault("country", "MLI")
    return r.Place(name=kw.pop("name", "X"), lat=lat, lon=lon, precision=precision, **kw)


def test_types():
    assert type_score("ASSAULT", "ASSAULT") == 1.0
    assert 0 < type_score("COERCE", "ASSAULT") < 1.0          # seize vs destroy: compatible
    assert type_score("ACCUSE", "SANCTION") == 0.0            # not the same act
    assert type_score("CONSULT", "ASSAULT") == 0.0


def test_month_precision_covers_every_day_of_its_month():
    month = ed(D(2024, 7, 1), "month")
    assert date_score(month, ed(D(2024, 7, 25))) > 0
    assert date_score(month, ed(D(2024, 7, 31))) > 0
    assert date_score(month, ed(D(2024, 8, 3))) == 0.0
    assert date_score(ed(D(2024, 7, 25)), ed(D(2024, 7, 25))) > date_score(month, ed(D(2024, 7, 25)))


def test_one_day_gap_only_for_resolved_dates():
    a = ed(D(2024, 5, 26))
    assert date_score(a, ed(D(2024, 5, 26))) == 1.0
    assert date_score(a, ed(D(2024, 5, 27))) == 0.0                       # "on 26 May" vs "on 27 May"
    assert 0 < date_score(a, ed(D(2024, 5, 27), basis="relative")) < 1.0   # "on Monday" may be off by one
    assert date_score(a, ed(D(2024, 5, 29), basis="relative")) == 0.0


def test_missing_date_is_weakly_compatible():
    assert 0 < date_score(None, ed(D(2024, 5, 26))) < date_score(ed(D(2024, 5, 26)), ed(D(2024, 5, 26)))


def test_publication_date_means_on_or_shortly_before():
    pub = ed(D(2024, 5, 27), basis="publication")
    assert date_score(pub, ed(D(2024, 5, 25))) > 0
    assert date_score(pub, ed(D(2024, 5, 30))) == 0.0


def test_place_distance_depends_on_precision():
    base = place(14.0, -1.6)
    p20 = place(14.18, -1.6)         # ~20 km north
    p40 = place(14.36, -1.6)         # ~40 km north
    assert place_score(base, p20) > 0
    assert place_score(base, p40) == 0.0                              # point: 25 km
    assert place_score(place(14.0, -1.6, "near"), p40) > 0           # near: 50 km
    other = r.Place(name="Y", lat=14.0, lon=-1.6, country="BFA")
    assert place_score(base, other) == 0.0                            # other country


def test_admin1_and_country_precision():
    region = place(19.5, 1.8, "admin1", admin1="Kidal")
    assert place_score(region, r.Place(**{**TINZAOUATEN, "precision": "point"})) > 0
    assert place_score(region, place(16.27, -0.04, admin1="Gao")) == 0.0
    country = r.Place(name="Mali", country="MLI", precision="country")
    assert place_score(country, place(16.27, -0.04, admin1="Gao")) > 0
    assert place_score(None, country) == 0.5


def test_actor_matching():
    assert actors_score([actor("CSP")], [actor("CSP"), actor("FAMA")]) == 1.0
    same_cs = r.Actor(name="Malian army", country="MLI", sector="MIL")
    assert actors_score([actor("FAMA")], [same_cs]) >= 0.75            # same country + sector
    assert actors_score([actor("WAGNER")], [actor("UKR")]) == 0.0      # two different known actors
    assert actors_score([actor("al-Shabaab")], [actor("Al Shabab")]) >= 0.75   # unknown: normalised name
    assert 0 < actors_score([actor("gunmen")], [actor("JNIM")]) < 0.75          # vague: may be anyone
    assert 0 < actors_score([actor("Unidentified Armed Group (Mali)")], [actor("Koglweogo Militia")]) < 0.75
    assert actors_score([actor("Fulani Ethnic Militia")], [actor("Dozo Militia")]) == 0.0   # two named groups


def test_differently_named_points_must_be_close():
    a = r.Place(name="Madou", lat=12.0, lon=-1.0, country="BFA", admin1="Est")
    b = r.Place(name="Biguele", lat=12.1, lon=-1.0, country="BFA", admin1="Est")        # 11 km
    variant = r.Place(name="Madu", lat=12.1, lon=-1.0, country="BFA", admin1="Est")
    assert place_score(a, b) == 0.0
    assert place_score(a, variant) > 0                                                  # spelling variant
    other_region = r.Place(name="Porto-Novo", lat=12.02, lon=-1.0, country="BFA", admin1="Oueme")
    assert place_score(a, other_region) == 0.0


def _ev(text, plover, trigger, **kw):
    return from_mention(mention("x", text, kw.pop("i", 1), plover, trigger, **kw))


TXT = "Rebels attacked the base. Rebels seized the town. Mali accused Ukraine. Mali cut ties with Ukraine."


def test_compatible_overall():
    a = _ev(TXT, "ASSAULT", "attacked", actors=("CSP",), date=D(2024, 7, 25), place=TINZAOUATEN)
    b = _ev(TXT, "COERCE", "seized", i=2, actors=("CSP",), date=D(2024, 7, 25), place=TINZAOUATEN)
    c = _ev(TXT, "COERCE", "seized", i=3, actors=("gunmen",), date=D(2024, 7, 25), place=TINZAOUATEN)
    assert compatible(a, b) > 0.6
    assert compatible(a, c) == 0.0     # different types need a shared actor
    acc = _ev(TXT, "ACCUSE", "accused", i=4, actors=("MLI",), recipients=("UKR",), date=D(2024, 8, 4))
    rup = _ev(TXT, "SANCTION", "cut ties", i=5, actors=("MLI",), recipients=("UKR",), date=D(2024, 8, 4))
    assert compatible(acc, rup) == 0.0
    assert compatible(a, b) == compatible(b, a)


def test_claim_joins_reported_fact_only_for_same_type_and_actor():
    fact = _ev(TXT, "ASSAULT", "attacked", actors=("CSP",), recipients=("FAMA",), date=D(2024, 7, 25))
    claim = _ev(TXT, "ASSAULT", "seized", i=2, actors=("CSP",), status="claim", modality="claim")
    other_claim = _ev(TXT, "COERCE", "seized", i=3, actors=("CSP",), status="claim", modality="claim")
    no_actor_claim = _ev(TXT, "ASSAULT", "seized", i=4, status="claim", modality="claim")
    assert compatible(fact, claim) > 0
    assert compatible(fact, other_claim) == 0.0
    assert compatible(fact, no_actor_claim) == 0.0
    assert merge([claim, fact]).status == "reported"
    assert merge([claim]).status == "claim"


@pytest.mark.parametrize("gap,expect", [(0, True), (1, True), (2, False)])
def test_merge_threshold_on_dates(gap, expect):
    a = _ev(TXT, "ASSAULT", "attacked", actors=("JNIM",), date=D(2024, 5, 26), place=TINZAOUATEN)
    b = _ev(TXT, "ASSAULT", "attacked", i=2, actors=("JNIM",), date=D(2024, 5, 26) + dt.timedelta(days=gap),
            basis="relative", place=TINZAOUATEN)
    assert (compatible(a, b) > 0) is expect


def test_two_different_kb_actors_of_one_country_and_sector_are_no_anchor():
    from eventcoder.dedup.compat import anchored

    assert 0 < actors_score([actor("CSP")], [actor("JNIM")]) < 0.75       # both MLI REB, different groups
    a = _ev(TXT, "ASSAULT", "attacked", actors=("CSP",), recipients=("FAMA",), place=TINZAOUATEN)
    b = _ev(TXT, "ASSAULT", "attacked", i=2, actors=("JNIM",), date=D(2024, 8, 24), place=TINZAOUATEN)
    assert not anchored(a, b)          # only the place agrees: an undated report does not join another attack
    c = _ev(TXT, "ASSAULT", "attacked", i=3, actors=("CSP",), date=D(2024, 8, 24), place=TINZAOUATEN)
    assert anchored(a, c)              # place and actors agree


def test_publication_date_is_undated_on_or_before_the_report():
    pub = ed(D(2024, 8, 5), basis="publication")
    assert date_score(pub, ed(D(2024, 8, 4))) == 0.6                      # near the report: weak anchor
    assert date_score(pub, ed(D(2024, 7, 25))) == 0.5                     # much earlier: not contradicted
    assert date_score(pub, ed(D(2024, 8, 9))) == 0.0                      # after the report: impossible
    assert date_score(ed(D(2024, 8, 4), basis="publication"), pub) == 0.6  # two report dates close together


def _event(plover, actors=(), recipients=(), **kw):
    from eventcoder import records as rr
    return rr.Event(id="e", coding=rr.Coding(plover_type=plover), actors=tuple(actors), recipients=tuple(recipients),
                    date=kw.get("date"), place=None, fatalities=rr.Fatalities(), claims=(), status="reported",
                    evidence=(), mention_ids=("m",), article_ids=("a",))


def test_different_non_armed_targets_are_different_events():
    from eventcoder.dedup.compat import targets_conflict
    bloc = r.Actor(name="ECOWAS", sector="IGO", kb_id="ECOWAS")
    niger = r.Actor(name="Government of Niger", country="NER", sector="GOV", kb_id="NERGOV")
    guinea = r.Actor(name="Government of Guinea", country="GIN", sector="GOV", kb_id="GINGOV")
    a, b = _event("CONCEDE", [bloc], [niger]), _event("CONCEDE", [bloc], [guinea])
    assert targets_conflict(a, b)
    assert not targets_conflict(a, _event("CONCEDE", [bloc], [niger]))
    assert not targets_conflict(a, _event("CONCEDE", [niger], [bloc]))       # the same pair, roles swapped
    assert not targets_conflict(a, _event("CONCEDE", [bloc]))                 # one report names no target
    # armed targets: one battle's reports name different parts of a side (the army, an allied PMC)
    army = r.Actor(name="Malian Armed Forces", country="MLI", sector="MIL", kb_id="FAMA", acled_inter=1)
    wagner = r.Actor(name="Wagner Group", country="RUS", sector="PMC", kb_id="WAGNER", acled_inter=8)
    rebels = r.Actor(name="CSP", country="MLI", sector="REB", kb_id="CSP", acled_inter=2)
    assert not targets_conflict(_event("ASSAULT", [rebels], [army]), _event("ASSAULT", [rebels], [wagner]))


def test_near_a_differently_named_town_is_another_place():
    rubaya = place(-1.5525, 28.885, name="Rubaya", country="COD")
    near_sake = place(-1.5733, 29.045, "near", name="Sake", country="COD")     # 18 km
    assert place_score(rubaya, near_sake) == 0.0
    near_rubaya = place(-1.60, 28.90, "near", name="Rubaya", country="COD")
    assert place_score(rubaya, near_rubaya) > 0
    camp = place(-1.5525, 28.93, "near", name="Kibabi camp", country="COD")    # 5 km: a place on its edge
    assert place_score(rubaya, camp) > 0


def test_one_host_meeting_two_guests_conflicts_even_after_a_merge():
    from eventcoder.dedup.compat import parties_conflict
    rus = r.Actor(name="Government of Russia", country="RUS", sector="GOV", kb_id="RUSGOV")
    mli = r.Actor(name="Government of Mali", country="MLI", sector="GOV", kb_id="MLIGOV")
    bfa = r.Actor(name="Government of Burkina Faso", country="BFA", sector="GOV", kb_id="BFAGOV")
    told_both_ways = merge([_event("CONSULT", [rus], [mli]), _event("CONSULT", [mli], [rus])])
    other_guest = _event("CONSULT", [rus], [bfa])
    assert parties_conflict(told_both_ways, other_guest)
    assert not parties_conflict(told_both_ways, _event("CONSULT", [rus], [mli]))
    assert not parties_conflict(told_both_ways, _event("CONSULT", [rus]))     # a report naming only the host
    # armed or vague unmatched parties never conflict (one battle's sides named differently)
    army = r.Actor(name="Malian Armed Forces", country="MLI", sector="MIL", kb_id="FAMA", acled_inter=1)
    wagner = r.Actor(name="Wagner Group", country="RUS", sector="PMC", kb_id="WAGNER", acled_inter=8)
    rebels = r.Actor(name="CSP", country="MLI", sector="REB", kb_id="CSP", acled_inter=2)
    assert not parties_conflict(_event("ASSAULT", [rebels], [army]), _event("ASSAULT", [wagner], [rebels]))


def test_reversed_roles_never_bridge_a_date_gap():
    from eventcoder.dedup.compat import roles_reversed
    army = actor("FAMA")
    rebels = actor("CSP")
    attack = _event("ASSAULT", [rebels], [army], date=ed(D(2024, 3, 4), basis="relative"))
    reprisal = _event("ASSAULT", [army], [rebels], date=ed(D(2024, 3, 5), basis="relative"))
    same_act = _event("ASSAULT", [rebels], [army], date=ed(D(2024, 3, 5), basis="relative"))
    assert roles_reversed(attack, reprisal) and not roles_reversed(attack, same_act)
    assert compatible(attack, same_act) > 0                  # the day tolerance for one act misdated
    assert compatible(attack, reprisal) == 0.0               # the other side's act on another day
    # one battle told from each side on the same day still merges, a little less surely than told alike
    other_side = _event("ASSAULT", [army], [rebels], date=ed(D(2024, 3, 4), basis="relative"))
    alike = _event("ASSAULT", [rebels], [army], date=ed(D(2024, 3, 4), basis="relative"))
    assert 0 < compatible(attack, other_side) < compatible(attack, alike)
