"""A purpose infinitive is not yet done ("summoned the ambassador to protest"), except a protest act whose people
gather, march or block for it ("camped outside the ministry to protest"): cue lists protest_purpose_verbs,
protest_gathering_verbs, protest_movement_verbs, protest_places in the modality section of cues.yaml. Own sentences."""


from picks import by_trigger as _by_trigger


def test_camping_to_protest_is_a_protest(mentions_of):
    ms = mentions_of("Traders camped outside the governor's office on Monday to protest new taxes.")
    assert _by_trigger(ms, "protest").modality == "asserted"


def test_going_to_the_streets_to_protest_is_a_protest(mentions_of):
    ms = mentions_of("Hundreds of residents went to the streets to protest against the arrest of their mayor.")
    assert _by_trigger(ms, "protest").modality == "asserted"


def test_summoning_an_ambassador_to_protest_stays_future(mentions_of):
    ms = mentions_of("The ministry summoned the French ambassador to protest the remarks.")
    assert _by_trigger(ms, "protest").modality == "future"


def test_travelling_somewhere_to_protest_stays_future(mentions_of):
    ms = mentions_of("The minister went to Paris to protest the decision.")
    assert _by_trigger(ms, "protest").modality == "future"


def test_the_gathering_decides(mentions_of):
    # the gathering is itself negated, so is the protest it was for
    ms = mentions_of("Traders did not camp outside the governor's office to protest new taxes.")
    assert _by_trigger(ms, "protest").modality == "negated"


def test_acled_codes_the_camp_protest(acled_of):
    assert acled_of("About two hundred nurses camped outside the hospital in Kisumu to protest unpaid salaries.") == (
        "Protests", "Peaceful protest")
