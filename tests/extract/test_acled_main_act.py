"""ACLED: which act of a report is its main one (issue 3). A demonstration is what a note containing it is about:
the arrests, shootings or clashes told inside it are part of it, so its mention is ranked above the others (cues.yaml
acled ``main_acts``, extract/rules.py ``confidence``); a demonstration named only as the setting or cause of another
act ('freed following protests') is not. Sentences are written for these tests.
"""
from types import SimpleNamespace

import pytest

from eventcoder.extract import acled
from eventcoder.extract.rules import confidence
from eventcoder.records import Actor

DEMONSTRATION = {"Protests", "Riots"}
SOLDIERS = Actor("Military Forces of Kenya", "KEN", "MIL", acled_inter=1)
CROWD = Actor("Protesters (Kenya)", "KEN", "CVL", acled_inter=6)


def test_confidence_bands():
    specific, vague = SimpleNamespace(specificity=1), SimpleNamespace(specificity=0)
    strongest_other = confidence(specific, [SOLDIERS], [CROWD], "Strategic developments", "Arrests")
    weakest_protest = confidence(vague, [], [], "Protests", "Peaceful protest")
    assert weakest_protest > strongest_other
    # inside a band the old order holds: more participants found, more confidence
    assert confidence(vague, [CROWD], [], "Protests", "Peaceful protest") > weakest_protest
    assert confidence(vague, [SOLDIERS], [], "Battles", "Armed clash") > confidence(vague, [], [], "Battles", "Armed clash")
    assert confidence(specific, [SOLDIERS], [CROWD], None, None) <= 0.89
    # mob violence is not a demonstration
    assert not acled.main_act("Riots", "Mob violence")
    assert acled.main_act("Riots", "Violent demonstration")


@pytest.mark.parametrize("text", [
    "Police arrested twelve protesters who were blocking the main road in Kisumu on Tuesday.",
    "Two people were killed in riots in Kisumu on Friday.",
])
def test_demonstration_outranks_acts_inside_it(acled_of, text):
    assert acled_of(text)[0] in DEMONSTRATION


def test_demonstration_named_as_background_is_not_main(acled_of):
    text = "Gunmen kidnapped a nurse near the clinic in Mopti on Sunday. She was freed following protests by residents."
    assert acled_of(text)[0] == "Violence against civilians"
