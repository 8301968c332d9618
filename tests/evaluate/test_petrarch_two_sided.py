"""PETRARCH matching of two-sided acts: PETRARCH writes "X and Y agree" as two directed triples, the system (PLOVER
convention) as one event with both parties as actors and no recipient."""
from evalkit import event

from eventcoder.evaluate.petrarch import Triple, triple_found


def _two_sided():
    return event(type="AGREE", cameo="030", actors=[["Kenya", "KEN"], ["Uganda", "UGA"]])


def test_each_direction_is_found_on_a_two_sided_event():
    e = _two_sided()
    assert triple_found(Triple("KEN", "UGA", "03", ""), [e])
    assert triple_found(Triple("UGA", "KEN", "03", ""), [e])


def test_a_party_not_among_the_actors_is_not_found():
    assert not triple_found(Triple("KEN", "TZA", "03", ""), [_two_sided()])
    assert not triple_found(Triple("KEN", "KEN", "03", ""), [_two_sided()])     # two different actors needed


def test_an_event_with_a_recipient_is_directed():
    e = event(type="AGREE", cameo="030", actors=[["Kenya", "KEN"], ["Uganda", "UGA"]], recipients=[["Tanzania", "TZA"]])
    assert not triple_found(Triple("KEN", "UGA", "03", ""), [e])
    assert triple_found(Triple("KEN", "TZA", "03", ""), [e])

