"""An attack the text attributes to nobody ("a roadside bomb killed two soldiers", "were shot dead") has an
unidentified armed group as its actor, situated where the event happened; named attackers are kept. Own sentences."""
import datetime as dt

from eventcoder.records import Article


def _assaults(pipeline, text):
    events = pipeline.code(Article.from_text(text, published=dt.date(2024, 3, 9)))
    return [e for e in events if e.coding.plover_type == "ASSAULT"]


def test_unattributed_attack_is_an_unidentified_armed_group(pipeline):
    ev = _assaults(pipeline, "Two traders were shot dead near Gao on Monday.")
    assert ev and any(a.sector == "UAF" for a in ev[0].actors)
    a = next(a for a in ev[0].actors if a.sector == "UAF")
    assert a.span is not None and a.span.text == "shot"       # evidence: the act itself


def test_named_attacker_is_kept(pipeline):
    ev = _assaults(pipeline, "JNIM militants killed two traders near Gao on Monday.")
    assert ev and not any(a.name == "unidentified armed men" for a in ev[0].actors)


def test_unattributed_attack_does_not_outrank_a_named_act(mentions_of):
    # the implicit actor adds no confidence: a stray actorless 'strike' stays below the workers' protest
    ms = mentions_of("Brewery workers in Ouagadougou went on strike, holding a sit-in to demand higher wages.")
    stray = [m for m in ms if m.coding.plover_type == "ASSAULT"]
    protest = [m for m in ms if m.coding.plover_type == "PROTEST"]
    assert protest and all(s.confidence <= max(p.confidence for p in protest) for s in stray)
