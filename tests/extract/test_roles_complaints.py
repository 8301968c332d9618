"""A complaint's target is the party it is about ("over/about X's raids"), not the body it is made to; a proper
name's own words are no owner of it ("the African Union" is not "African"). Own sentences."""


from picks import one as _one


def test_complaint_over_a_partys_act_targets_that_party(mentions_of):
    m = _one(mentions_of("Chad complained to the African Union on Monday over Sudanese air raids on its border."),
             "ACCUSE")
    assert [a.country for a in m.recipients] == ["SDN"]


def test_complaint_about_acts_by_a_party_targets_that_party(mentions_of):
    m = _one(mentions_of("Mali complained to the United Nations about attacks by Algeria."), "ACCUSE")
    assert [(a.country, a.span.text) for a in m.recipients] == [("DZA", "Algeria")]
