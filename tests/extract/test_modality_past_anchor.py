"""An act that anchors a span of years counted back from the news ("five years after crowds burned its embassy",
"a decade after the war") is history: cue lists past_anchor_preps / past_anchor_units. Own sentences."""


from picks import by_trigger as _by_trigger


def test_act_years_before_the_news_is_history(mentions_of):
    ms = mentions_of("Niger restored ties with Benin five years after protesters burned its embassy.")
    assert _by_trigger(ms, "burned").modality == "historical"


def test_coordinated_act_in_the_anchor_clause_is_history(mentions_of):
    ms = mentions_of("Niger restored ties with Benin almost a decade after rebels attacked and burned its embassy.")
    assert _by_trigger(ms, "burned").modality == "historical"
    assert _by_trigger(ms, "attacked").modality == "historical"


def test_nominal_act_years_before_is_history(mentions_of):
    ms = mentions_of("Guinea reopened the border two years after the attack on its consulate.")
    assert _by_trigger(ms, "attack").modality == "historical"


def test_days_after_is_still_news(mentions_of):
    ms = mentions_of("Two days after gunmen attacked the village, the army deployed troops to the area.")
    assert _by_trigger(ms, "attacked").modality != "historical"
