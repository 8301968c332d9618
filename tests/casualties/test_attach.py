"""casualties.attach: the claims of an article go to the violent act they tell the toll of, including tolls told in
a sentence of their own."""
from __future__ import annotations

import datetime as dt
import re

from eventcoder import records
from eventcoder.casualties.attach import attach_claims

PUB = dt.date(2024, 5, 10)


def _doc(text: str) -> records.Document:
    art = records.Article.from_text(text, published=PUB)
    sents = []
    for m in re.finditer(r"[^.]+\.\s*", text):
        sents.append(records.Sentence(art.id, len(sents), m.start(), m.start() + len(m.group().rstrip()),
                                      m.group().rstrip()))
    return records.Document(article=art, sentences=tuple(sents))


def _mention(doc: records.Document, word: str, plover: str = "ASSAULT", nth: int = 0) -> records.Mention:
    text = doc.article.text
    start = [m.start() for m in re.finditer(re.escape(word), text)][nth]
    s = next(s for s in doc.sentences if s.start <= start < s.end)
    return records.Mention(
        id=f"m{start}", article_id=doc.article.id, coding=records.Coding(plover_type=plover),
        trigger=records.Span(doc.article.id, start, start + len(word), word),
        sentence=records.Span(doc.article.id, s.start, s.end, s.text))


def _violent(m: records.Mention) -> bool:
    return m.coding.plover_type == "ASSAULT"


def test_toll_in_its_own_sentence_goes_to_the_act_before_it():
    doc = _doc("Gunmen attacked a market in the north. Four people died and two were wounded.")
    (m,) = attach_claims(doc, [_mention(doc, "attacked")], violent=_violent)
    assert m.fatalities.acled == 4
    assert [(c.kind, c.low) for c in m.claims] == [("killed", 4), ("injured", 2)]
    c = m.claims[0]
    assert doc.article.text[c.span.start:c.span.end] == c.text          # spans stay article offsets


def test_toll_goes_to_the_nearest_act_and_the_coder_share_applies():
    doc = _doc("Police dispersed a march. Later, militants ambushed a patrol. "
               "Six soldiers were killed. Fatalities split across two events.")
    march = _mention(doc, "march", plover="PROTEST")
    ambush = _mention(doc, "ambushed")
    out = attach_claims(doc, [march, ambush], violent=_violent)
    assert out[0].claims == () and out[1].fatalities.acled == 3


def test_background_sentence_and_sentences_out_of_reach_give_nothing():
    doc = _doc("Gunmen attacked a market. In 2019, 30 people were killed in a similar attack.")
    (m,) = attach_claims(doc, [_mention(doc, "attacked")], violent=_violent)
    assert m.claims == ()
    doc = _doc("Gunmen attacked a market. A. B. C. Four people died.")
    (m,) = attach_claims(doc, [_mention(doc, "attacked")], violent=_violent, reach=3)
    assert m.claims == ()


def test_no_violent_act_no_claims():
    doc = _doc("Teachers marched in the capital. Two people died in a road accident.")
    (m,) = attach_claims(doc, [_mention(doc, "marched", plover="PROTEST")], violent=_violent)
    assert m.claims == () and m.fatalities == records.Fatalities()


def test_background_cue_and_restated_toll():
    doc = _doc("Villagers burned a bus. The bus had previously killed two children in an accident.")
    (m,) = attach_claims(doc, [_mention(doc, "burned")], violent=_violent)
    assert m.claims == ()
    doc = _doc("Police shot and killed a young student. Fatalities: 1 civilian.")
    (m,) = attach_claims(doc, [_mention(doc, "killed")], violent=_violent)
    assert len([c for c in m.claims if c.kind == "killed"]) == 2 and m.fatalities.acled == 1


def test_a_sentence_that_only_tells_its_toll_gives_it_to_the_act_before():
    # "killed" is a violent mention of its own, but it is the toll of the ambush told before it
    doc = _doc("Rebels ambushed an army convoy near the river. Two soldiers were killed and three wounded.")
    ambush, killed = attach_claims(doc, [_mention(doc, "ambushed"), _mention(doc, "killed")], violent=_violent)
    assert ambush.fatalities.acled == 2 and killed.fatalities.acled == 2
    # an act with a toll of its own keeps it: the next sentence's deaths are another toll
    doc = _doc("Rebels ambushed a convoy, killing four soldiers. Two civilians were killed in the town.")
    ambush, killed = attach_claims(doc, [_mention(doc, "ambushed"), _mention(doc, "killed")],
                                   violent=_violent)
    assert ambush.fatalities.acled == 4 and killed.fatalities.acled == 2
    # a sentence with an act of its own besides its toll keeps its toll
    doc = _doc("Rebels ambushed a convoy. Later, two traders were killed after gunmen raided a market.")
    ambush, killed, raid = attach_claims(doc, [_mention(doc, "ambushed"), _mention(doc, "killed"),
                                               _mention(doc, "raided")], violent=_violent)
    assert ambush.claims == () and raid.fatalities.acled == 2
