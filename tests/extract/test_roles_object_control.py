"""A gerund after "of/for/from/with" under an accusing, blaming or preventing verb is done by that verb's object
(or passive subject), not its subject (cues.yaml roles: object_control_verbs, object_control_preps). Own sentences."""


from picks import one as _one


def test_the_accused_does_the_act(mentions_of):
    m = _one(mentions_of("Chad accused Sudan of shelling its border posts on Monday."), "ASSAULT")
    assert [a.country for a in m.actors] == ["SDN"]


def test_passive_accused_does_the_act(mentions_of):
    m = _one(mentions_of("Sudan was accused by Chad of shelling border posts on Monday."), "ASSAULT")
    assert [a.country for a in m.actors] == ["SDN"]


def test_a_time_preposition_keeps_the_subject(mentions_of):
    # "after besieging it": the rebels besieged, not the town
    m = _one(mentions_of("Tuareg rebels attacked the town of Kidal after besieging it for a week."), "ASSAULT")
    assert m.actors and all(a.sector == "REB" for a in m.actors)
