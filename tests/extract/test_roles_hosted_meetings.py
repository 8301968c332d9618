"""A meeting, truce or talks "between X and Y" that someone hosts or brokers (cues.yaml roles: host_verbs): the host
acts, the parties are the recipients; the subject of a passive reporting verb speaks for a pronoun in what it
reports ("X was quoted as saying he ..."). Own sentences."""


def _with(ms, plover):
    found = [m for m in ms if m.coding.plover_type == plover]
    assert found, [(m.coding.plover_type, m.trigger.text) for m in ms]
    return found


def test_host_of_talks_between_parties_acts_on_them(mentions_of):
    ms = mentions_of("Qatar hosted talks between Ethiopia and Eritrea in Doha on Monday.")
    for m in _with(ms, "CONSULT"):
        assert [a.country for a in m.actors] == ["QAT"]
        assert sorted(a.country for a in m.recipients) == ["ERI", "ETH"]


def test_brokered_truce_names_the_parties_not_the_truce(mentions_of):
    m = _with(mentions_of("Egypt brokered a truce between Chad and Sudan."), "AGREE")[0]
    assert sorted(a.country for a in m.recipients) == ["SDN", "TCD"]
    assert all(a.span.text in ("Chad", "Sudan") for a in m.recipients)


def test_passive_reporting_subject_speaks_for_the_pronoun(mentions_of):
    ms = mentions_of("The President of Ghana was quoted as saying he would be ready to host a meeting between Togo "
                     "and Benin.")
    m = _with(ms, "AGREE")[0]
    assert [a.country for a in m.actors] == ["GHA"]
    assert sorted(a.country for a in m.recipients) == ["BEN", "TGO"]
