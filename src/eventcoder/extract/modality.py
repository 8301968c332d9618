"""Modality: is a trigger a current fact, a claim by someone, denied/negated, hypothetical, future, or history?"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .cues import cues
from .roles import clause_subject


@dataclass(frozen=True)
class Modality:
    kind: str = "asserted"          # asserted | claim | negated | hypothetical | future | historical
    claimant: object = None         # spaCy token of the claimant's head, for claims
    cue: str | None = None          # the word that decided it


REQUEST_NOUNS = {"demand", "call", "appeal", "request", "plea", "ultimatum", "proposal", "plan", "bid", "offer"}


def _forms(lemma: str) -> set[str]:
    """A lemma and, for an adjectival participle the lemmatizer leaves alone ("prepared"), its verb."""
    out = {lemma}
    if lemma.endswith("ed"):
        out |= {lemma[:-1], lemma[:-2]}
    return out


def _aux(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _clause_verb(tok):
    """The verb that governs a nominal trigger ("carried out the attacks" -> carried)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def assess(tok, *, published: dt.date | None = None, is_historical=None) -> Modality:
    c = cues()["modality"]
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    # modifiers on a nominal trigger: "alleged attack", "planned attack", "no attack"
    if tok.pos_ in ("NOUN", "PROPN"):
        for ch in tok.children:
            if ch.lower_ in c["alleged_modifiers"]:
                return Modality("claim", None, ch.lower_)
            if ch.lower_ in c["future_modifiers"]:
                return Modality("future", None, ch.lower_)
            if ch.dep_ == "det" and ch.lower_ == "no":
                return Modality("negated", None, "no")
    # negation on the trigger's own verb
    own = [tok] + ([verb] if verb.i != tok.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else [])
    for v in own:
        if any(ch.dep_ == "neg" for ch in v.children):
            return Modality("negated", None, "not")
        aux = _aux(v)
        if aux & c["future_aux"]:
            return Modality("future", None, next(iter(aux & c["future_aux"])))
        if aux & c["hypothetical_aux"]:
            return Modality("hypothetical", None, next(iter(aux & c["hypothetical_aux"])))
    cue = _past_anchor(tok, verb, c)
    if cue is not None:
        return Modality("historical", None, cue)
    # purpose clauses: "summoned the ambassador to protest", "deployed troops to fight the rebels"
    if verb.dep_ == "advcl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children):
        if _protest_gathering(verb, c):   # "camped outside the ministry to protest": as real as the gathering
            return assess(verb.head, published=published, is_historical=is_historical)
        return Modality("future", None, "to")
    # walk up the clause chain: governing claim / denial / future / conditional verbs
    t, steps = verb, 0
    while steps < 6:
        if any(ch.dep_ == "mark" and ch.lower_ in c["hypothetical_marks"] for ch in t.children):
            return Modality("hypothetical", None, "if")
        if t.head.i == t.i:
            break
        dep, head = t.dep_, t.head
        if dep in ("ccomp", "xcomp", "pcomp", "pobj", "advcl", "conj", "dobj", "prep", "acl", "relcl", "nsubj", "attr"):
            if dep in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj", "acl"):
                lemma = head.lemma_.lower()
                if lemma in c["deny_verbs"]:
                    return Modality("negated", None, lemma)
                if lemma in c["claim_verbs"] or (lemma in ("accuse", "blame") and dep in ("pcomp", "pobj", "prep")):
                    return Modality("claim", clause_subject(head), lemma)
                if dep == "xcomp" and _forms(lemma) & c["future_verbs"]:     # "is prepared to impose"
                    return Modality("future", None, lemma)
                if lemma in ("claim", "allegation", "suggestion", "assertion") and head.pos_ == "NOUN":
                    return Modality("claim", None, lemma)
                if lemma in REQUEST_NOUNS and head.pos_ == "NOUN" and dep in ("acl", "ccomp"):
                    # "its demand that Israel ease restrictions": the demanded act has not happened
                    return Modality("hypothetical", None, lemma)
                if dep == "ccomp" and any(ch.dep_ == "dobj" and ch.lemma_.lower() in REQUEST_NOUNS for ch in head.children):
                    # the same, with the content clause parsed onto the verb: "reiterated its demand that ..."
                    return Modality("hypothetical", None, "demand")
            if dep in ("relcl", "conj", "nsubj", "attr") and t.i != verb.i:
                break
        t = head
        steps += 1
    if is_historical is not None and published is not None:
        clause = verb if verb.pos_ in ("VERB", "AUX") else tok
        words = _own_clause(clause)
        if tok.dep_ in ("nsubj", "nsubjpass"):   # "the coups of 2020 took place": the clause is the head verb's
            words |= _own_clause(tok.head)
        span = " ".join(w.text for w in sorted(words, key=lambda w: w.i))
        if is_historical(span, published=published):
            return Modality("historical", None, "date")
    return Modality()


def _protest_gathering(verb, c) -> bool:
    """A protest infinitive ("to protest", "to denounce") whose people gather, march or block for it: the verb it
    hangs on is a gathering act, or a movement to a public place ("went to the streets")."""
    if verb.lemma_.lower() not in c["protest_purpose_verbs"] or verb.head.i == verb.i:
        return False
    head = verb.head
    lemma = head.lemma_.lower()
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if lemma in c["protest_gathering_verbs"]:
        return True
    if lemma in c["protest_movement_verbs"]:
        for prep in head.children:
            if prep.dep_ in ("prep", "advmod", "dobj") and (
                    prep.lower_ in c["protest_places"]
                    or any(o.dep_ == "pobj" and o.lower_ in c["protest_places"] for o in prep.children)):
                return True
    return False


def _past_anchor(tok, verb, c) -> str | None:
    """ "almost five years after crowds burned its embassy", "a decade after the war": the act anchors a span of
    years counted back from the news (cue lists past_anchor_preps, past_anchor_units); returns the unit."""
    def measure(*heads):
        return next((ch.lemma_.lower() for h in heads for ch in h.children
                     if ch.dep_ in ("npadvmod", "advmod", "obl") and ch.lemma_.lower() in c["past_anchor_units"]), None)
    clause = verb if verb.pos_ in ("VERB", "AUX") else None
    while clause is not None and clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head             # "after rebels attacked and burned the town"
    if clause is not None and clause.dep_ == "advcl" and any(
            ch.dep_ == "mark" and ch.lower_ in c["past_anchor_preps"] for ch in clause.children):
        return measure(clause, clause.head)
    if tok.dep_ == "pobj" and tok.head.lower_ in c["past_anchor_preps"]:
        prep = tok.head                  # "a decade after the war": the measure hangs on the preposition or above it
        return measure(prep, prep.head) or (prep.head.lemma_.lower() if prep.head.lemma_.lower() in c["past_anchor_units"] else None)
    return None


SUBORDINATE = {"relcl", "acl", "advcl", "ccomp", "pcomp", "csubj", "parataxis"}


def _own_clause(head) -> set:
    """The words of head's own clause, leaving out clauses embedded in it: "offered to hand over nationals
    suspected of blowing up a plane in 1988" is not dated 1988."""
    out, stack = set(), [head]
    while stack:
        t = stack.pop()
        out.add(t)
        stack.extend(c for c in t.children if c.dep_ not in SUBORDINATE)
    return out
