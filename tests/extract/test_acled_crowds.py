"""ACLED: who is a crowd (issue 3) and which violence is only the background of another act.

Sentences are written for these tests. A crowd is decided by the actor's ACLED type (rioters 5, protesters 6) or the
head noun of its name, not by its sector: farmers or herders who fight are a communal militia, not a mob.
"""
import pytest

from eventcoder.extract import acled
from eventcoder.records import Actor

CLASH = ("Battles", "Armed clash")
VAC = ("Violence against civilians", "Attack")
MOB = ("Riots", "Mob violence")


@pytest.mark.parametrize("actor, crowd", [
    (Actor("Rioters (Kenya)", "KEN", "CVL", acled_inter=5), True),
    (Actor("Protesters (Mali)", "MLI", "CVL", acled_inter=6), True),
    (Actor("Youths (Ghana)", "GHA", "CVL", acled_inter=4), True),           # named a crowd
    (Actor("An angry mob", None, "CVL"), True),
    (Actor("Farmers (Benin)", "BEN", "AGR", acled_inter=4), False),         # sector AGR is no crowd
    (Actor("Pastoralists (Nigeria)", "NGA", "AGR", acled_inter=4), False),
    (Actor("Civilians (Mali)", "MLI", "CVL", acled_inter=7), False),
    (Actor("Police forces of Kenya", "KEN", "COP", acled_inter=1), False),
])
def test_crowd_by_actor_type_or_name(actor, crowd):
    assert acled._crowd_actor(actor) is crowd


@pytest.mark.parametrize("text, expected", [
    # party factions fighting each other are a riot (sector PTY in clash_crowd_sectors, now matched)
    ("Two factions of the ruling party clashed at the party headquarters on Monday.", MOB),
    # farmers and herders who fight stay a battle of communal militias
    ("Farmers and herders clashed over grazing land on Monday, leaving three dead.", CLASH),
])
def test_who_fights(acled_of, text, expected):
    assert acled_of(text) == expected


@pytest.mark.parametrize("text", [
    "On Monday, herders attacked a farming village as a reprisal for last week's clashes. Four civilians were killed.",
    "The attack on the bus comes amid fighting between armed groups in the region. Two passengers were killed.",
])
def test_background_violence_is_not_the_event_type(acled_of, text):
    assert acled_of(text) == VAC


def test_a_clash_told_as_the_main_act_stays_a_battle(acled_of):
    assert acled_of("Soldiers clashed with militants near the border on Monday, killing five of them.") == CLASH


@pytest.mark.parametrize("text, expected", [
    # a convoy is an armed side unless what it carries or who rides in it is civilian
    ("Gunmen ambushed a convoy of trucks carrying food near the town on Monday, killing one driver.", VAC),
    ("Gunmen attacked the convoy of a district governor on the main road on Monday.", VAC),
    ("Militants ambushed a convoy of soldiers near the border on Monday.", CLASH),
    ("Gunmen attacked a military convoy on the main road on Monday.", CLASH),
])
def test_whose_convoy(acled_of, text, expected):
    assert acled_of(text) == expected
