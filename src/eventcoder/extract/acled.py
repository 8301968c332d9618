"""ACLED event type and sub-event type for a mention, from its trigger, participants and weapon cues.

Follows the codebook hierarchy and its participant rules:
- battles when two organised armed sides fight (a clash, an exchange of fire, an attack repelled, an attack on
  soldiers, police or an armed group's position);
- remote violence (air/drone, shelling, IED, suicide, grenade) when the act is one-sided use of such weapons;
- violence against civilians when an armed (or unidentified) perpetrator harms people who are not an organised
  armed side; targeted killings (assassination, execution, beheading) are one-sided;
- riots when a crowd or mob (residents, youths, supporters, demonstrators...) uses violence, including clashes
  between such crowds or with the police; protests when demonstrators stay non-violent.

Who is who is read from the parse around the trigger: the head noun of the perpetrator and of the victim phrase
decides ("a Koglweogo chief" is a person, "accused of being militants" does not arm the victims), then the resolved
actors. Every word list is in data/extract/cues.yaml (section ``acled``) and can be extended by users.
"""
from __future__ import annotations

from .cues import cues

PROTEST_WORDS = ("protest", "demonstration", "demonstrator", "protester", "demonstrate", "march", "rally", "sit-in")
_CORE_DEPS = {"compound", "amod", "nummod", "poss", "nmod", "quantmod", "npadvmod"}


def _c():
    return cues()["acled"]


def _demonstration_words() -> set[str]:
    """Words that make crowd violence a violent demonstration rather than mob violence: protest words and riot
    words ("rioters torched the town hall", "rioting students"; cues.yaml ``riot_words``)."""
    return set(PROTEST_WORDS) | set(_c()["riot_words"])


def main_act(etype: str | None, sub: str | None, tok=None) -> bool:
    """Whether an act of this ACLED type is what a report containing it is about (cues.yaml ``main_acts``: a
    demonstration, with whatever the police or the crowd did in it), so it outranks the article's other acts. Not
    when the text names it only as the setting or cause of another act ("released following protests", "in
    response to the riots", "during a protest"; cues ``background_preps``/``main_act_setting_preps``/
    ``background_nouns`` up to the clause's verb)."""
    if not etype:
        return False
    acts = _c().get("main_acts") or ()         # cue lists are read lower-cased
    if etype.lower() not in acts and f"{etype}: {sub}".lower() not in acts:
        return False
    return tok is None or not _named_as_background(tok)


def _named_as_background(tok) -> bool:
    c = _c()
    preps = c["background_preps"] | (c.get("main_act_setting_preps") or frozenset())
    for anc in tok.ancestors:
        if (anc.dep_ == "prep" and anc.lower_ in preps) or \
                (anc.pos_ == "NOUN" and anc.lemma_.lower() in c["background_nouns"]):
            return True              # ("following" is often tagged VERB: the preposition is looked at first)
        if anc.pos_ in ("VERB", "AUX"):
            return False
    return False


def _words(tokens) -> set[str]:
    """Lemmas and lower-cased forms, dates left out ("On 8 March" says nothing about a march)."""
    tokens = [t for t in tokens if t.ent_type_ not in ("DATE", "TIME")]
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _sec(actor) -> str:
    """The actor's sector code as the cue lists hold it (cue words are read lower-cased)."""
    return (actor.sector or "").lower()


def _armed(actor) -> bool:
    """An organised armed side: by its sector where it has one (a governor is state but not armed), else by its
    ACLED actor type."""
    c = _c()
    if actor.sector:
        return _sec(actor) in c["armed_sectors"]
    return actor.acled_inter in (1, 2, 3, 4, 8)


def _crowd_actor(actor) -> bool:
    """An unorganised crowd: by its ACLED actor type (rioters 5, protesters 6) or by the head noun of its name
    ("a mob", "angry youths", "protesters"; cues.yaml ``crowd_heads``). Not by its sector: farmers, pastoralists
    or a community (AGR, CVL) who fight are a communal militia (4) or civilians, not a mob."""
    if actor.acled_inter in (5, 6):
        return True
    if actor.acled_inter in (1, 2, 3, 4, 8) and _armed(actor):
        return False
    words = (actor.name or "").split("(")[0].lower().split()    # "Youths (Ghana)": the name before its country
    return bool(words) and words[-1] in _c()["crowd_heads"]


# ---------------------------------------------------------------- the parse around the trigger
def _core(head) -> list:
    """The noun phrase proper of a head token: the head with its compounds, adjectives, numbers and possessors
    (not its prepositional phrases or relative clauses: "members of an armed group" is about members)."""
    out, todo = [head], [head]
    while todo:
        t = todo.pop()
        for ch in t.children:
            if ch.dep_ in _CORE_DEPS:
                out.append(ch)
                todo.append(ch)
    return out


def _with_conj(heads) -> list:
    out = []
    for h in heads:
        out.append(h)
        todo = [h]
        while todo:
            t = todo.pop()
            for ch in t.children:
                if ch.dep_ == "conj" and ch.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                    out.append(ch)
                    todo.append(ch)
    return out


def _partitive_head(head):
    """ "a group of farmers", "two of the soldiers", "members of the militia": the noun after 'of' names them."""
    c = _c()
    if head.lemma_.lower() in c["partitives"] or head.pos_ == "NUM":
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return head


def _headline_passive(tok) -> bool:
    """ "Four police killed", "5 suspects shot dead": a bare participle (or a past form of a verb that needs an
    object, left without one) reports what was done to the subject (headline register)."""
    if any(ch.dep_ in ("aux", "auxpass") for ch in tok.children) or tok.lemma_.lower() not in _c()["headline_verbs"]:
        return False
    verbs = [tok] + [ch for ch in tok.children if ch.dep_ == "conj" and ch.pos_ == "VERB"]
    return tok.tag_ in ("VBN", "VBD") and not any(ch.dep_ in ("dobj", "ccomp", "xcomp", "attr")
                                                  for v in verbs for ch in v.children)


def perpetrator_heads(tok) -> list:
    """Head words of whoever acted: the subject (or agent of a passive, or 'by' of a noun)."""
    from .roles import agent_of, clause_subject, is_passive
    out = []
    if tok.pos_ in ("VERB", "AUX"):
        if is_passive(tok):
            out = [s for s in agent_of(tok) if s is not None]
            for v in [ch for ch in tok.children if ch.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else []):
                out = out or [s for s in agent_of(v) if s is not None]   # "attacked and injured by a mob"
        elif tok.dep_ == "acl" and tok.tag_ == "VBG":
            out = [tok.head]                                          # "teachers attacking a colleague"
        elif not _headline_passive(tok) or not any(ch.dep_ == "nsubj" for ch in tok.children):
            s = clause_subject(tok)
            out = [s] if s is not None else []
    else:
        out = [o for p in tok.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
               for o in p.children if o.dep_ == "pobj"]
        out += [ch for ch in tok.children if ch.dep_ == "poss"]
    return [_partitive_head(h) for h in _with_conj(out)]


def victim_heads(tok) -> list:
    """Head words of the targets: objects, passive subjects, 'on/against' objects, "killing N civilians", the
    noun a participle modifies ("soldiers killed in ..."), the subject of a headline participle."""
    out = []
    for ch in tok.children:
        if ch.dep_ in ("dobj", "nsubjpass"):
            out.append(ch)
        if ch.dep_ == "nsubj" and tok.pos_ == "VERB" and _headline_passive(tok):
            out.append(ch)
        if ch.dep_ == "prep" and ch.lower_ in ("on", "against", "upon", "at"):
            out += [o for o in ch.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")]
        if ch.dep_ in ("advcl", "xcomp", "conj") and ch.lemma_ in ("kill", "injure", "wound", "abduct", "kidnap"):
            out += [o for o in ch.children if o.dep_ == "dobj"]
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        out.append(tok.head)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in _c()["acts_of"]:   # "the killing of a senior commander"
        out += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME", "GPE", "LOC")]
    return [_partitive_head(h) for h in _with_conj(out)]


def _primary_target_armed(tok, recipients) -> bool:
    """The act's own target (its first object: "attacked two police stations, injuring a woman") is an organised
    armed side: ACLED codes the attack on it as a battle whatever else was hit."""
    vh = victim_heads(tok)
    return bool(vh) and _heads_kind(vh[:1], recipients)["armed"]


def _part_of_attack_on_armed(tok, recipients) -> bool:
    """ "attacked the police station and killed its chief", "stormed a military post, injuring a woman": the
    killing or injuring coordinated with an attack on an armed side is that battle's toll, not a second event."""
    head = tok.head
    if tok.dep_ not in ("conj", "advcl") or head.i == tok.i or head.pos_ != "VERB":
        return False
    if head.lemma_.lower() not in _c()["assault_verbs"]:
        return False
    return _primary_target_armed(head, recipients)


def _at_home(tok) -> bool:
    """ "assassinated at his home", "killed in her house": the victim was off duty, not an armed side in action."""
    c = _c()
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("at", "in", "outside", "near"):
            for o in p.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in c["off_duty_places"] and \
                        any(ch.dep_ == "poss" for ch in o.children):
                    return True
    return False


def _victim_core(tok) -> list:
    return [t for h in victim_heads(tok) for t in _core(h)]


def _heads_kind(heads, actors) -> dict[str, bool]:
    """What the named people are: armed (soldiers, gunmen, a militia, 'armed men', men armed with machetes),
    a crowd (residents, youths, supporters, a mob), unarmed persons (civilians, a chief, an informant)."""
    c = _c()
    kind = {"armed": False, "crowd": False, "unarmed": False, "mob": False}
    for h in heads:
        head = {h.lemma_.lower(), h.lower_}
        core = _core(h)
        mods = _words(core[1:])
        armed_with = any(ch.lower_ in ("armed", "equipped") for ch in h.children) or any(
            ch.dep_ == "prep" and ch.lower_ == "with" and _words(ch.subtree) & c["weapons"] for ch in h.children)
        if head & c["escorted_groups"]:
            # "a convoy of vehicles carrying goods", "the convoy of a mayor", "a civilian logistics convoy": a convoy
            # is armed unless what it carries or who travels in it says otherwise
            owners = [o for p in h.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                      if o.dep_ == "pobj"]
            if mods & c["civilian_modifiers"] or any(
                    {o.lemma_.lower(), o.lower_} & (c["unarmed"] | c["property"]) for o in owners):
                kind["unarmed"] = True
                continue
        if head & c["mob"] or mods & c["mob"]:
            kind["mob"] = kind["crowd"] = True
        elif mods & c["identity_modifiers"]:
            kind["armed"] = True           # "rival ethnic groups", "clan militiamen": identity militias
        elif mods & c["crowd_modifiers"] and not head & c["armed"] and "armed" not in mods:
            kind["crowd"] = True
        elif head & c["armed"] or armed_with or "armed" in mods:
            kind["armed"] = True
        elif head & c["crowd"]:
            kind["crowd"] = True
        elif head & c["unarmed"]:
            kind["unarmed"] = True
        elif mods & c["armed"]:
            kind["armed"] = True
        else:
            span = (min(t.idx for t in core), max(t.idx + len(t) for t in core))
            for a in actors:
                if a.span is not None and a.span.start < span[1] and span[0] < a.span.end:
                    if _armed(a) and not (_sec(a) in c["soft_sectors"] and not (head | mods) & c["armed"]):
                        kind["armed"] = True
                    elif _crowd_actor(a):
                        kind["crowd"] = True
                    elif a.acled_inter == 7:
                        kind["unarmed"] = True
    return kind


def _actors_kind(actors) -> dict[str, bool]:
    c = _c()
    armed = any(_armed(a) and _sec(a) not in c["soft_sectors"] for a in actors)
    crowd = bool(actors) and all(_crowd_actor(a) for a in actors) \
        and not armed
    return {"armed": armed, "crowd": crowd, "unarmed": any(a.acled_inter == 7 for a in actors), "mob": False}


def _participants(tok, sentence_tokens, actors, recipients):
    """(perpetrator kind, victim kind) from the parse, falling back to the resolved actors and recipients."""
    ph, vh = perpetrator_heads(tok), victim_heads(tok)
    perp = _heads_kind(ph, actors) if ph else _actors_kind(actors)
    if ph and not any(perp.values()):
        perp = _actors_kind(actors)
    vict = _heads_kind(vh, recipients) if vh else {"armed": False, "crowd": False, "unarmed": False, "mob": False}
    if not vh and recipients:
        vict = _actors_kind(recipients)
        vict["crowd"] = False
    return perp, vict


def _clause_verb(t):
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _clause_tokens(tok) -> list:
    """The tokens of the trigger's own clause (and of the clause it depends on: "blew himself up, killing
    five"), not of other clauses ("as they searched the area for explosives", "after others hurled a grenade")."""
    verb = _clause_verb(tok)
    verbs = {verb.i}
    if verb.dep_ in ("advcl", "xcomp", "conj", "acl") and verb.head.i != verb.i:
        verbs.add(_clause_verb(verb.head).i)
    return [t for t in tok.sent if _clause_verb(t).i in verbs]


def _weapon_context(tok) -> list:
    """The sentence without what happened before or around it ("following a roadside blast", "as they searched
    for explosives") and without weapons that were seized or found ("weapons and explosives were seized")."""
    c = _c()
    skip: set[int] = set()
    for t in tok.sent:
        if t.i in skip or t.i == tok.i:
            continue
        if t.dep_ in ("advcl", "pcomp", "acl", "relcl") and \
                any(m.dep_ == "mark" and m.lower_ in c["background_marks"] for m in t.children):
            skip |= {x.i for x in t.subtree}
        elif t.dep_ == "prep" and t.lower_ in c["background_marks"]:
            skip |= {x.i for x in t.subtree}
        elif t.lemma_.lower() in c["seizure_verbs"] and t.pos_ == "VERB":
            for ch in t.children:
                if ch.dep_ in ("dobj", "nsubjpass"):
                    skip |= {x.i for x in ch.subtree}
    if tok.i in skip:
        return list(tok.sent)
    return [t for t in tok.sent if t.i not in skip]


def _fought_back(tok) -> bool:
    """The sentence (or the next one) says the other side fought back: "exchange of fire", "pushed back the
    attackers", "returned fire" (phrases in cues.yaml, matched in the lower-cased text)."""
    doc, sent = tok.doc, tok.sent
    text = sent.text
    if sent.end < len(doc):
        text += " " + doc[sent.end].sent.text
    text = text.lower()
    return any(p in text for p in _c()["reciprocal_phrases"])


def _reciprocal_sides(tok, sentence_tokens) -> list:
    """The parties of a clash: subject(s), 'with X', 'between X and Y'."""
    heads = perpetrator_heads(tok)
    owners = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "dobj") and tok.pos_ == "NOUN" else [])
    for ch in (k for o in owners for k in o.children):
        if ch.dep_ == "prep" and ch.lower_ in ("with", "between", "among", "against"):
            heads += [o for o in ch.children if o.dep_ == "pobj"]
        if ch.dep_ in ("dobj",) and tok.lemma_.lower() == "engage":
            heads.append(ch)
    return [_partitive_head(h) for h in _with_conj(heads)]


def _context_tokens(tok, n_after: int = 2) -> list:
    """The trigger's sentence and the next sentences that go on about the same people ("They burnt tyres",
    "The demonstrators threw stones"): ACLED notes and news leads describe one event over a few sentences."""
    c = _c()
    sent = tok.sent
    out = list(sent)
    doc = tok.doc
    nxt = sent.end
    for _ in range(n_after):
        if nxt >= len(doc):
            break
        s = doc[nxt].sent
        subj = next((t for t in s if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subj is None or not ({subj.lower_, subj.lemma_.lower()} & (c["crowd"] | c["anaphora"] | c["mob"]
                                                                       | set(PROTEST_WORDS))):
            if not _words(s) & (c["protest_violence_strong"] | c["intervention"] | c["protest_crowd"]):
                break
        out += list(s)
        nxt = s.end
    return out


def _forms(t) -> set[str]:
    """Lemma, form and regular stems ("staged" when the lemmatizer says "stag")."""
    low = t.lower_
    out = {t.lemma_.lower(), low}
    if low.endswith("ed"):
        out |= {low[:-1], low[:-2]}
    return out


def _grievance(tokens, keep=None) -> set[int]:
    """Indices of tokens that say what people protest about or what came before ("to protest the killing of",
    "demonstrations against attacks", "after a man was shot"): their violence words are not the crowd's
    behaviour. ("Police used live bullets against rioters" is behaviour: 'against' counts only after a protest.)
    A clause that holds the protest itself (``keep``: "after police broke up the demonstration") or tells crowd
    control (tear gas, dispersal: "fled after police fired tear gas") is what happened to it, not its grievance."""
    c = _c()
    protesting = c["grievance_verbs"] | set(PROTEST_WORDS) | c["protest_crowd"] | c["protest_support_verbs"]
    skip: set[int] = set()
    for t in tokens:
        if t.i in skip:
            continue
        region: set[int] = set()
        if (t.dep_ == "prep" and t.lower_ in c["grievance_preps"] and
                (_forms(t.head) & protesting or t.lower_ in c["grievance_marks"])) or \
                (t.dep_ in ("advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp") and
                 any(m.dep_ == "mark" and m.lower_ in c["grievance_marks"] for m in t.children)):
            region = {x.i for x in t.subtree}
        elif t.lemma_.lower() in c["grievance_verbs"]:
            region = {x.i for ch in t.children if ch.dep_ in ("dobj", "ccomp") for x in ch.subtree}
        if keep is not None and (keep.i in region or
                                 _words(t.doc[i] for i in region) & (c["crowd_control"] - c["riot_words"])):
            continue                       # "were forced to flee after police fired tear gas to disperse them"
        skip |= region
    return skip


def _stopped(tok) -> bool:
    """ "police dispersed a gathering", "broke up the demonstration", "stopped a march": the protest is the object
    of a verb that ends it by force (cues.yaml ``intervention_verbs``; 'break' only with 'up')."""
    if tok.dep_ not in ("dobj", "nsubjpass", "npadvmod"):    # npadvmod: the parser's "stopped a march"
        return False
    verb = tok.head
    lemma = verb.lemma_.lower()
    if lemma not in _c()["intervention_verbs"]:
        return False
    return lemma != "break" or any(ch.dep_ == "prt" and ch.lower_ == "up" for ch in verb.children)


def _protest_words(tok, extra_skip: set[int] = frozenset()) -> set[str]:
    """What the crowd did and what was done to it: the trigger's sentence, the next ones about the same people,
    and the sentence before when it is about the crowd or names a protest or gathering ("Police dispersed a
    gathering in the capital. Protesters were denouncing ...")."""
    c = _c()
    toks = _context_tokens(tok)
    prev = _previous_sentence(tok)
    if prev:
        subj = next((t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
        if subj is not None and {subj.lower_, subj.lemma_.lower()} & (c["crowd"] | set(PROTEST_WORDS)) or \
                any(_forms(t) & (c["gathering_nouns"] | set(PROTEST_WORDS)) and (_stopped(t) or t.pos_ == "NOUN")
                    for t in prev):
            toks = prev + toks
    skip = _grievance(toks, keep=tok) | set(extra_skip)
    # "anti-riot police", "riot squad": a word naming the force is not what the crowd did
    skip |= {t.i for t in toks if t.dep_ in ("compound", "amod", "nmod") and _forms(t.head) & c["armed"]}
    return _words([t for t in toks if t.i not in skip])


# ---------------------------------------------------------------- classification
def classify(trigger, tok, sentence_tokens, actors, recipients) -> tuple[str | None, str | None]:
    """Return (event_type, sub_event_type) or (None, None) when the act is outside ACLED's scope."""
    rule = trigger.acled
    if rule is None:
        return None, None
    if isinstance(rule, tuple):
        if rule == ("Strategic developments", "Arrests"):
            violent = _part_of_violence(tok)
            if violent is not None:
                return _as_violence(violent, sentence_tokens, actors, recipients)
        return rule[0], rule[1]
    c = _c()
    if tok.ent_type_ in ("DATE", "TIME"):
        return None, None              # "On 3 March": a month, not a march
    if tok.lemma_.lower() in c["labour_strike"] and _labour_strike(tok):
        return None, None
    if rule == "protest":
        return _protest(tok)
    if rule == "auto" and _background_of_act(tok):
        return None, None
    if rule == "agreement":
        if any(_armed(a) or a.acled_inter in (1, 2, 3, 4, 8) for a in list(actors) + list(recipients)):
            return "Strategic developments", "Agreement"
        return None, None
    if rule == "territory":
        dobj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        if dobj is not None and {dobj.lemma_.lower(), dobj.lower_}.isdisjoint(trigger.objects):
            # "seized his motorbike in the village", "captured two thieves in their area": not the place
            people = {dobj.lemma_.lower(), _partitive_head(dobj).lemma_.lower()}
            if people & (c["crowd"] | c["unarmed"] | c["armed"]) or dobj.pos_ in ("PRON", "NUM"):
                return _violence(trigger, tok, sentence_tokens, actors, recipients, abduct=True)
            return _looting(tok, actors)
        if any(a.acled_inter == 1 or a.sector in ("MIL", "GOV", "COP") for a in actors):
            return "Battles", "Government regains territory"
        return "Battles", "Non-state actor overtakes territory"
    if rule == "looting":
        return _looting(tok, actors)
    return _violence(trigger, tok, sentence_tokens, actors, recipients)


def _background_of_act(tok) -> bool:
    """ "attacked the village as a reprisal for the clashes", "in response to an attack on a checkpoint", "the
    attack comes amid fighting between armed groups": violence named as the cause or setting of another violent
    act in the sentence is that act's background (reported, if at all, as an event of its own), not its kind
    (cues.yaml ``background_preps``/``background_nouns``)."""
    c = _c()
    marked = False
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            if not marked:
                return False
            acts = c["assault_verbs"] | c["violence_against_people"]
            return anc.lemma_.lower() in acts or any(
                ch.dep_ in ("nsubj", "nsubjpass") and ch.lemma_.lower() in acts | c["acts_of"] for ch in anc.children)
        if (anc.dep_ == "prep" and anc.lower_ in c["background_preps"]) or \
                (anc.pos_ == "NOUN" and anc.lemma_.lower() in c["background_nouns"]):
            marked = True
    return False


def _crowd_clashed(tok) -> bool:
    """ "They clashed with the gendarmes who came to disperse them": the demonstrators (or 'they' after them) are
    the subject of a clash in the protest's sentences - their violence, whatever the police did."""
    c = _c()
    for t in _context_tokens(tok):
        if t.lemma_.lower() in ("clash", "fight") and t.pos_ == "VERB":
            subj = next((ch for ch in t.children if ch.dep_ == "nsubj"), None)
            if subj is not None and {subj.lower_, subj.lemma_.lower()} & (c["protest_crowd"] | c["anaphora"] |
                                                                          c["crowd"] | set(PROTEST_WORDS)):
                return True
    return False


def _labour_strike(tok) -> bool:
    """ "a 48-hour strike", "striking nurses", "began an indefinite strike": a work stoppage (ACLED codes the
    demonstration, if any, not the strike)."""
    c = _c()
    if tok.dep_ == "amod":
        return True
    if _words(tok.subtree) & c["labour_strike_modifiers"]:
        return True
    return tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in c["labour_strike_verbs"]


def _protest(tok) -> tuple[str, str]:
    c = _c()
    words = _protest_words(tok)
    crowd_words = _words(_context_tokens(tok)) & (set(PROTEST_WORDS) | {"protesters", "demonstrators", "crowd"})
    if words & c["lethal"] and crowd_words and not words & (c["protest_violence_strong"] | {"clash"}):
        # force against protesters who did not fight (stones, barricades, burning or a clash make it a riot)
        return "Protests", "Excessive force against protesters"
    violent = words & c["protest_violence"] - {"clash"}
    if violent or ({"clash"} & words and not words & c["intervention"]) or _crowd_clashed(tok):
        return "Riots", "Violent demonstration"
    if words & c["intervention"] or _stopped(tok):
        return "Protests", "Protest with intervention"
    return "Protests", "Peaceful protest"


def _looting(tok, actors) -> tuple[str | None, str | None]:
    heads = perpetrator_heads(tok)
    perp = _heads_kind(heads, actors) if heads else _actors_kind(actors)
    around = _words(_context_tokens(tok)) | _words(_previous_sentence(tok))
    if not perp["armed"]:
        if around & _demonstration_words() - _words(t for t in tok.sent if t.i in _grievance(list(tok.sent))):
            # destruction by demonstrators, or told about them ("Chairs were burnt")
            return "Riots", "Violent demonstration"
        if perp["crowd"] or (perp["unarmed"] and not _words(_core(heads[0])[1:]) & _c()["unknown_modifiers"]):
            return "Riots", "Mob violence"
    violent = _part_of_violence(tok)
    if violent is not None:
        # ACLED: looting and destruction are their own event only outside other violent events
        return _as_violence(violent, list(tok.sent), actors, [])
    return "Strategic developments", "Looting/property destruction"


def _as_violence(tok, sentence_tokens, actors, recipients) -> tuple[str | None, str | None]:
    """The ACLED code of the violent act beside an arrest or a looting, with the same participants."""
    from .lexicon import default_lexicon
    for trig in default_lexicon().candidates(tok.lemma_):
        if isinstance(trig.acled, tuple):
            return trig.acled[0], trig.acled[1]
        if trig.acled == "auto" and not trig.objects and not trig.with_:
            return _violence(trig, tok, sentence_tokens, actors, recipients)
    return "Violence against civilians", "Attack"


def _part_of_violence(tok):
    """The same sentence reports violence against people (killing, abducting, executing, whipping...) beside this
    arrest, looting or destruction: the violent act is the event ("detained and executed five men")."""
    c = _c()
    skip = _grievance(list(tok.sent))
    for t in tok.sent:
        if t.i == tok.i or t.i in skip or t.pos_ not in ("VERB", "NOUN"):
            continue
        if t.lemma_.lower() in c["violence_against_people"]:
            from .modality import assess
            if assess(t).kind in ("asserted", None):
                return t
    return None


def _further_violence(tok) -> bool:
    """ACLED codes an abduction as such only "without further reported violence": the captives beaten, tortured
    or killed, or their bodies found ("kidnapped, beaten and released", "his body was found days later") make the
    event an attack. (An attack the abduction was part of does not: "attacked the village and abducted six
    people" is coded either way in ACLED's own data.) Read in
    the abduction's sentence and the sentences either side; acts that did not happen ("threatened to kill") and
    what the captives were accused of do not count (cues.yaml ``abduction_further_violence``)."""
    from .modality import assess
    c = _c()
    doc, sent = tok.doc, tok.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    for t in doc[start:end]:
        if t.i == tok.i or not _forms(t) & c["abduction_further_violence"]:
            continue
        if t.pos_ == "VERB" and assess(t).kind not in ("asserted", None):
            continue
        if t.pos_ in ("VERB", "NOUN", "ADJ"):
            return True
    return False


def _defused(tok) -> bool:
    """ "The army discovered and defused an IED planted by militants", "The mine was dismantled": a device made safe
    (its sentence or the ones either side; cues.yaml ``defusal_verbs``/``defused_objects``) did not go off."""
    from .modality import assess
    c = _c()
    doc, sent = tok.doc, tok.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    end = doc[sent.end].sent.end if sent.end < len(doc) else sent.end
    for t in doc[start:end]:
        if t.pos_ != "VERB" or not _forms(t) & c["defusal_verbs"]:
            continue
        objs = [ch for ch in t.children if ch.dep_ in ("dobj", "nsubjpass")]
        objs += [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if tok.i not in {x.i for x in t.subtree} and t.dep_ == "conj":     # "discovered and defused an IED"
            objs += [ch for ch in t.head.children if ch.dep_ in ("dobj", "nsubjpass")]
        if any(_forms(o) & c["defused_objects"] for o in objs) and assess(t).kind in ("asserted", None):
            return True
    return False


def _previous_sentence(tok) -> list:
    s = tok.sent
    if s.start == 0:
        return []
    return list(tok.doc[s.start - 1].sent)


def _violence(trigger, tok, sentence_tokens, actors, recipients, abduct: bool = False) -> tuple[str, str]:
    c = _c()
    words = _words(sentence_tokens)
    lemma = tok.lemma_.lower()
    weapon_words = _words(_weapon_context(tok))
    if lemma in c["casualty_words"] and not perpetrator_heads(tok) and not actors:
        # "A truck struck an IED. Two soldiers were wounded.": the toll of the act told just before
        weapon_words |= _words(_previous_sentence(tok))
    mode = trigger.mode
    perp, vict = _participants(tok, sentence_tokens, actors, recipients)
    reciprocal = lemma in c["reciprocal_triggers"] or (mode == "firearms" and lemma in ("exchange", "trade")) or \
        bool(words & c["reciprocal_cues"]) or _fought_back(tok)
    if lemma in c["mob_triggers"] or (perp["mob"] and not perp["armed"]):
        return "Riots", "Mob violence"
    if reciprocal and lemma in c["reciprocal_triggers"]:
        everyone = list(actors) + list(recipients)
        sides = _heads_kind(_reciprocal_sides(tok, sentence_tokens), everyone)
        ctx = _words(_context_tokens(tok, 1))
        crowdish = sides["crowd"] or any(_crowd_actor(a) or _sec(a) in c["clash_crowd_sectors"] for a in everyone) or \
            (not sides["armed"] and not everyone and bool(ctx & (c["crowd"] | set(PROTEST_WORDS) | c["mob"])))
        nonstate_armed = any(_armed(a) and a.acled_inter != 1 and _sec(a) not in c["soft_sectors"]
                             for a in list(actors) + list(recipients))
        if ctx & c["identity_modifiers"] and not sides["crowd"]:
            crowdish = False               # "inter-clan clashes", "tribal clashes": identity militias fight
        if crowdish and not (sides["armed"] and nonstate_armed):
            if (ctx | _protest_words(tok)) & _demonstration_words():   # "... demonstrated. They clashed with"
                return "Riots", "Violent demonstration"
            return "Riots", "Mob violence"
        if not nonstate_armed and not ctx & c["identity_modifiers"] and \
                _protest_words(tok) & (set(PROTEST_WORDS) | c["protest_crowd"]):
            # "Residents demonstrated ... They clashed with the gendarmes", "engaged police in running battles to
            # protest": demonstrators fighting state forces are a violent demonstration, not a battle
            return "Riots", "Violent demonstration"
        return "Battles", "Armed clash"
    if perp["crowd"] and not perp["armed"] and mode not in ("aerial", "heavy-weapons", "suicide-attack"):
        # unorganised people using violence: residents, youths, a mob, demonstrators (ACLED: riots)
        if _protest_words(tok) & _demonstration_words():
            return "Riots", "Violent demonstration"
        return "Riots", "Mob violence"
    if not [h for h in victim_heads(tok) if h.lemma_.lower() not in c["projectiles"]] and \
            _words(tok.subtree) & c["into_the_air"] and \
            _protest_words(tok) & (set(PROTEST_WORDS) | c["protest_crowd"]):
        return _protest(tok)           # shots fired into the air at a demonstration
    if vict["crowd"] and perp["armed"] and (words | _words(_victim_core(tok))) & (set(PROTEST_WORDS) |
                                                                               c["crowd_control"] | c["protest_crowd"]):
        # police firing on demonstrators: ACLED codes the demonstration (excessive force, intervention, riot)
        return _protest(tok)
    if abduct or mode == "abduct" or lemma in ("abduct", "kidnap", "abduction", "kidnapping", "hostage"):
        if _further_violence(tok):
            return "Violence against civilians", "Attack"
        return "Violence against civilians", "Abduction/forced disappearance"
    if mode == "sexual":
        return "Violence against civilians", "Sexual violence"
    if (weapon_words & (c["ied"] | c["grenade"]) or mode == "explosives") and _defused(tok):
        return "Strategic developments", "Disrupted weapons use"
    if not reciprocal:
        w = weapon_words
        if w & c["suicide"]:
            return "Explosions/Remote violence", "Suicide bomb"
        if w & {"airstrike", "airstrikes", "air-strike", "drone", "warplane", "uav"} or \
                ({"air", "aerial"} & w and {"strike", "raid", "bombardment", "bomb"} & w):
            return "Explosions/Remote violence", "Air/drone strike"
        if w & c["shelling"]:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
        if w & c["grenade"]:
            return "Explosions/Remote violence", "Grenade"
        if w & c["ied"] or mode == "explosives":
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if reciprocal or _part_of_attack_on_armed(tok, recipients):
        return "Battles", "Armed clash"
    vh = victim_heads(tok)
    if (vh and all(h.lemma_.lower() in c["property"] for h in vh) and not vict["armed"]
            or _words(_core(tok)[1:]) & c["arson"]) and not _words(_clause_tokens(tok)) & c["casualty_words"]:
        # an attack on houses, vehicles or offices that harmed nobody: property destruction
        return "Strategic developments", "Looting/property destruction"
    if lemma in c["assassinations"] and vict["armed"] and not vict["unarmed"] and not words & c["unarmed_markers"] \
            and not _at_home(tok):
        return "Battles", "Armed clash"    # "militants assassinated a militiaman": an armed side was targeted
    if lemma in c["one_sided_triggers"] or words & c["unarmed_markers"]:
        return "Violence against civilians", "Attack"
    if vict["armed"] and (not vict["unarmed"] or _primary_target_armed(tok, recipients)):
        # an attack on soldiers, police or an armed group's post is a battle, even when a bystander was hurt too
        return "Battles", "Armed clash"
    # one-sided violence against people who are not an organised armed group (civilians, officials, a camp)
    return "Violence against civilians", "Attack"
