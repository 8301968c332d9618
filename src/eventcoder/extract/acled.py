"""ACLED event type and sub-event type for a mention, from its trigger, participants and weapon cues.

Follows the codebook hierarchy: remote violence (air/drone, shelling, IED, suicide, grenade) when the act is
one-sided use of such weapons; violence against civilians when the victims are unarmed; battles when two armed
groups fight; protests and riots by the crowd's behaviour and the state's response.
"""
from __future__ import annotations

from .cues import cues


def _words(tokens) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _armed(actor) -> bool:
    c = cues()["acled"]
    return bool(actor.sector in c["armed_sectors"] or actor.acled_inter in (1, 2, 3, 4, 8))


def classify(trigger, tok, sentence_tokens, actors, recipients) -> tuple[str | None, str | None]:
    """Return (event_type, sub_event_type) or (None, None) when the act is outside ACLED's scope."""
    rule = trigger.acled
    if rule is None:
        return None, None
    if isinstance(rule, tuple):
        return rule[0], rule[1]
    c = cues()["acled"]
    words = _words(sentence_tokens)
    if rule == "protest":
        if words & c["lethal"] and (words & {"protester", "demonstrator", "protesters", "demonstrators"}):
            return "Protests", "Excessive force against protesters"
        if words & c["protest_violence"] - {"clash"} or ({"clash"} & words and not words & c["intervention"]):
            return "Riots", "Violent demonstration"
        if words & c["intervention"]:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if rule == "agreement":
        if any(_armed(a) for a in list(actors) + list(recipients)):
            return "Strategic developments", "Agreement"
        return None, None
    if rule == "territory":
        if any(a.acled_inter == 1 or a.sector in ("MIL", "GOV", "COP") for a in actors):
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if rule == "looting":
        if _crowd(actors, _perpetrator_tokens(tok)):
            if words & {"protest", "demonstration", "demonstrator", "protester", "demonstrate"}:
                return "Riots", "Violent demonstration"
            return "Riots", "Mob violence"
        return "Strategic developments", "Looting/property destruction"
    # rule == "auto": violence
    mode = trigger.mode
    perpetrators = _perpetrator_tokens(tok)
    if _crowd(actors, perpetrators) and not trigger.mode in ("aerial", "heavy-weapons", "suicide-attack"):
        # unorganised people using violence: residents, youths, a mob, demonstrators (ACLED: riots)
        if words & {"protest", "demonstration", "demonstrator", "protester", "demonstrate", "march", "rally"}:
            return "Riots", "Violent demonstration"
        return "Riots", "Mob violence"
    victim_words = _words([t for r in _victim_tokens(tok) for t in r])
    armed_target = any(_armed(r) for r in recipients) or bool(victim_words & c["armed"])
    if mode == "abduct" or (tok.lemma_.lower() in c["abduction"] and tok.lemma_.lower() in ("abduct", "kidnap", "abduction", "kidnapping", "hostage")):
        return "Violence against civilians", "Abduction/forced disappearance"
    if mode == "sexual":
        return "Violence against civilians", "Sexual violence"
    reciprocal_fight = tok.lemma_.lower() in ("clash", "battle", "fighting", "fight", "skirmish", "firefight", "gunfight", "combat", "engage")
    if not reciprocal_fight:
        if words & c["suicide"]:
            return "Explosions/Remote violence", "Suicide bomb"
        if words & {"airstrike", "airstrikes", "air-strike", "drone", "warplane", "uav"} or ({"air", "aerial"} & words and {"strike", "raid", "bombardment", "bomb"} & words):
            return "Explosions/Remote violence", "Air/drone strike"
        if words & c["shelling"]:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if words & c["grenade"]:
            return "Explosions/Remote violence", "Grenade"
        if words & c["ied"] or mode == "explosives":
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if reciprocal_fight or armed_target:
        return "Battles", "Armed clash"
    # one-sided violence against people who are not an organised armed group (civilians, officials, a camp)
    return "Violence against civilians", "Attack"


def _crowd(actors, perpetrator_tokens) -> bool:
    c = cues()["acled"]
    if actors:
        return all(a.sector in c["crowd_sectors"] or a.acled_inter in (5, 6, 7) for a in actors) and \
            not any(_armed(a) for a in actors)
    heads = {t.lemma_.lower() for t in perpetrator_tokens}
    return bool(heads) and bool(heads & c["crowd"]) and not heads & c["armed"]


def _perpetrator_tokens(tok):
    """Head words of whoever acted: the subject (or agent of a passive)."""
    from .roles import agent_of, clause_subject, is_passive
    if tok.pos_ in ("VERB", "AUX"):
        subj = agent_of(tok) if is_passive(tok) else [clause_subject(tok)]
        out = [s for s in subj if s is not None]
        return out + [p for s in out for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                      for p in p.children if p.dep_ == "pobj"]
    return []


def _victim_tokens(tok):
    """Token groups naming the targets: objects, passive subjects, "on/against" objects, "killing N civilians"."""
    out = []
    for ch in tok.children:
        if ch.dep_ in ("dobj", "nsubjpass"):
            out.append(list(ch.subtree))
        if ch.dep_ == "prep" and ch.lower_ in ("on", "against", "in"):
            out.append(list(ch.subtree))
        if ch.dep_ in ("advcl", "xcomp", "conj") and ch.lemma_ in ("kill", "injure", "wound", "abduct", "kidnap"):
            out.extend(list(c.subtree) for c in ch.children if c.dep_ == "dobj")
    if tok.dep_ in ("acl",) and tok.tag_ == "VBN":
        out.append([tok.head])
    return out
