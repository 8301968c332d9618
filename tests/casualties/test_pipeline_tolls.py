"""Pipeline._casualties: the toll of an article reaches the act ACLED codes (own sentences, no dev text)."""
import datetime as dt

from eventcoder.records import Article

PUB = dt.date(2021, 6, 10)


def _tolls(pipeline, text):
    art = Article.from_text(text, published=PUB)
    return [(m.trigger.text, m.coding.acled_event_type, m.fatalities.acled if m.fatalities else None)
            for m in pipeline.mentions(pipeline.document(art)) if m.emitted and m.coding.acled_event_type]


def test_the_toll_told_after_an_attack_is_the_attacks(pipeline):
    got = _tolls(pipeline, "On 5 June 2021, gunmen attacked an army post near the border. "
                           "Two soldiers were killed and three wounded.")
    attack = [f for w, _, f in got if w == "attacked"]
    assert attack == [2], got


def test_an_act_acled_codes_as_violence_takes_the_toll_of_its_sentence(pipeline):
    got = _tolls(pipeline, "On 5 June 2021, soldiers detained and executed four herders in a village.")
    assert got and all(f == 4 for w, t, f in got if t == "Violence against civilians"), got
