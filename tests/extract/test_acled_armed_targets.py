"""ACLED: attacks on an organised armed side are battles (codebook), through the whole pipeline.

Sentences written for the test; the event scored is the ACLED-scope event with the highest confidence.
"""
import pytest

VAC = ("Violence against civilians", "Attack")
CLASH = ("Battles", "Armed clash")


@pytest.mark.parametrize("text, expected", [
    # the attack's own target is an armed post: a bystander hurt as well does not make it one-sided
    ("Rebel fighters attacked three gendarmerie posts near the border, injuring the wife of a gendarme.", CLASH),
    # the killing told with the attack on the post is that battle's toll
    ("Insurgents attacked the army outpost in the valley and killed the cook on Tuesday.", CLASH),
    # the same killing with no armed target stays violence against civilians
    ("Insurgents attacked the market in the valley and killed the cook on Tuesday.", VAC),
    # a targeted killing of a member of an armed side is a battle...
    ("Suspected rebels assassinated a militia commander in the village on Tuesday.", CLASH),
    # ...unless he was killed off duty at home, or the victim is a civilian
    ("Suspected rebels assassinated a militia commander at his house on Tuesday.", VAC),
    ("Suspected rebels assassinated a village chief on Tuesday.", VAC),
])
def test_attacks_on_armed_sides(acled_of, text, expected):
    assert acled_of(text) == expected


MOB = ("Riots", "Mob violence")
VIOLENT_DEMO = ("Riots", "Violent demonstration")


@pytest.mark.parametrize("text, expected", [
    # crowd violence told as a riot is a violent demonstration; the same act by a crowd is mob violence
    ("Rioters attacked the tax office and injured two clerks on Friday.", VIOLENT_DEMO),
    ("Youths attacked the tax office and injured two clerks on Friday.", MOB),
    ("Rioting youths clashed with police in the market on Friday.", VIOLENT_DEMO),
    ("Angry youths clashed with police in the market on Friday.", MOB),
])
def test_riots_are_violent_demonstrations(acled_of, text, expected):
    assert acled_of(text) == expected


def test_armed_sector_codes_are_read_whatever_their_case():
    # cue lists are lower-cased when read; actors carry upper-case PLOVER sector codes
    from eventcoder.extract.acled import _armed
    from eventcoder.records import Actor
    assert _armed(Actor("an army", sector="MIL"))
    assert _armed(Actor("a police force", sector="COP"))
    assert _armed(Actor("a rebel group", sector="REB"))
    assert not _armed(Actor("a governor", sector="GOV", acled_inter=1))
