"""Semantic roles from the dependency parse: who acted (actor) and on whom (recipient).

Works on spaCy tokens. Handles active and passive clauses ("were ambushed by"), coordination ("X and Y"),
control ("prompted Mali to accuse"), nominal triggers with prepositions ("attack on", "clashes with", "fighting
between X and Y", "attack by"), light verbs ("carried out the attacks", "the fighting was between ..."), and
participles modifying their victims ("soldiers killed").
"""
from __future__ import annotations

from dataclasses import dataclass, field

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
LIGHT_VERBS = {"carry", "launch", "stage", "conduct", "mount", "hold", "make", "lead", "perpetrate", "claim",
               "commit", "take", "be", "begin", "continue", "erupt", "break", "occur", "see", "resume", "intensify"}
PARTICIPATION = {"engage", "engaged", "involve", "involved", "participate", "join", "implicate", "implicated"}
TARGET_PREPS = {"on", "against", "upon", "at", "toward", "towards", "targeting"}
PARTY_PREPS = {"between", "among", "amongst"}
GIVING = {"send", "give", "provide", "deliver", "supply", "donate", "pass", "grant", "pledge", "contribute", "offer",
          "hand", "extend", "sell", "transfer", "ship", "lend", "return"}
REQUEST_LIKE = {"demand", "urge", "ask", "call", "press", "insist", "appeal", "accuse", "warn", "tell", "order"}
PRONOUNS = {"it", "they", "he", "she", "we", "them", "him", "her", "us", "who", "which", "that"}


def _cue(name: str) -> frozenset[str]:
    """A word list of the roles section of the cue file (data/extract/cues.yaml, user-extensible)."""
    from .cues import cues
    return cues().get("roles", {}).get(name, frozenset())


@dataclass
class Roles:
    actors: list = field(default_factory=list)       # argument head tokens
    recipients: list = field(default_factory=list)
    reciprocal: bool = False


def conjuncts(tok) -> list:
    """tok and the tokens coordinated with it ("X, Y and Z")."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        if t in out:
            continue
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"))
    return sorted(out, key=lambda t: t.i)


def _child(tok, deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_objects(tok, preps) -> list:
    """Objects of the given prepositions under tok; a date or time ("on 19 May", "at noon") is never a party."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME"):
                    out.append(p)
    return out


def _not_partners(heads) -> list:
    """ "with Albania's help": a with-phrase headed by a partner noun names a partner of the act, not its target."""
    return [h for h in heads if h.lemma_.lower() not in _cue("partner_nouns")]


def clause_subject(verb, depth: int = 0):
    """The subject of a verb, inherited through control, coordination and relative clauses."""
    if depth > 4 or verb is None:
        return None
    subj = _child(verb, SUBJ)
    if subj is not None:
        return subj
    if verb.dep_ == "xcomp":            # "prompted Mali to accuse": object control, else subject control
        obj = _child(verb.head, {"dobj"})
        if obj is None and verb.head.dep_ in ("acomp", "xcomp") and verb.head.pos_ == "ADJ":
            return clause_subject(verb.head.head, depth + 1)     # "France is ready to contribute"
        return obj if obj is not None else clause_subject(verb.head, depth + 1)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return clause_subject(verb.head, depth + 1)
    controller = _object_controller(verb)
    if controller is not None:          # "accused Iran of shelling": Iran shelled
        return controller
    if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VBN"):
        gov = verb.head if verb.dep_ == "advcl" else verb.head.head
        got = clause_subject(gov, depth + 1)
        if got is None and gov.pos_ in ("VERB", "AUX") and is_passive(gov):
            got = _child(gov, PASS_SUBJ)     # "X was quoted as saying", "X was arrested after attacking Y": X
        return got
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and verb.head.pos_ in ("VERB", "AUX") and not is_passive(verb.head) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return clause_subject(verb.head, depth + 1)     # purpose: "X mobilized groups to help support Y" -> X
    if verb.dep_ == "relcl":
        return verb.head
    return None


def _object_controller(verb):
    """The party a gerund after "of/for/from/with" is told of when the governing verb has it as its object: "accused
    Iran of shelling", "banned parties from campaigning", "Iran was accused of shelling" (cue lists
    object_control_verbs and object_control_preps); else None ("attacked the town after besieging it": the
    subject besieged)."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ not in _cue("object_control_preps"):
        return None
    gov = verb.head.head
    if gov.pos_ in ("NOUN", "PROPN", "PRON") and gov.dep_ == "dobj":     # "of" hung on the object
        return gov if gov.head.lemma_.lower() in _cue("object_control_verbs") else None
    if gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() not in _cue("object_control_verbs"):
        return None
    obj = _child(gov, {"dobj"})
    if obj is None and is_passive(gov):
        obj = _child(gov, PASS_SUBJ)
    return obj


def is_passive(verb) -> bool:
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def agent_of(verb) -> list:
    return _prep_objects(verb, {"by"})


def _noun_roles(tok, scheme: str, is_event=None) -> Roles:
    r = Roles(reciprocal=scheme == "reciprocal")
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _cue("host_verbs") and _prep_objects(tok, PARTY_PREPS):
        scheme = "mediate"              # "hosted talks between X and Y": the host acts on the parties
    if scheme == "mediate":             # "mediation between Syria and Arafat": the parties are the recipients
        r.recipients += _prep_objects(tok, PARTY_PREPS)
        if tok.dep_ == "compound":
            r.recipients += _prep_objects(tok.head, PARTY_PREPS)
        gov = tok.head if tok.dep_ in ("dobj", "attr") else tok.head.head if tok.dep_ == "compound" else None
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            r.recipients += _prep_objects(gov, PARTY_PREPS)
            subj = clause_subject(gov)
            if subj is not None:
                r.actors.append(subj)
        r.actors += _prep_objects(tok, {"by"}) + [c for c in tok.children if c.dep_ == "poss"]
        return r
    if tok.lemma_ in ("aid", "assistance", "support", "help"):
        r.recipients += _prep_objects(tok, {"to", "for"})
    if tok.lemma_ in REQUEST_LIKE:      # "its demand that Israel ease restrictions": the one asked is the target
        comp = _child(tok, {"acl", "ccomp"})
        if comp is None and tok.dep_ == "dobj":     # the parser often hangs the content clause on the verb
            comp = _child(tok.head, {"ccomp"})
        comp_subj = _child(comp, SUBJ) if comp is not None else None
        if comp_subj is not None:
            r.recipients.append(comp_subj)
    r.actors += _prep_objects(tok, {"by", "from"} if scheme != "receive" else {"by"})
    r.recipients += _prep_objects(tok, TARGET_PREPS)
    r.recipients += _not_partners(_prep_objects(tok, {"with"}))
    parties = _prep_objects(tok, PARTY_PREPS)
    if tok.dep_ == "pobj" and tok.head.lower_ in PARTY_PREPS:  # unusual parses
        parties += []
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")):
            r.actors.append(c)
    head = tok.head
    # light verbs: "X carried out the attack", "the fighting was between X and Y", "X held talks with Y"
    if tok.dep_ in ("dobj", "attr") and head.lemma_ in LIGHT_VERBS:
        subj = clause_subject(head)
        if subj is not None:
            r.actors.append(subj)
        r.recipients += _prep_objects(head, TARGET_PREPS | {"with"})
    if tok.dep_ == "pobj" and head.lower_ == "in" and (head.head.lemma_.lower() in PARTICIPATION or any(
            c.dep_ == "dobj" and c.lower_ == "part" for c in head.head.children)):
        # "Serb forces were engaged in ethnic cleansing", "took part in the attack": who takes part acts
        gov = head.head
        part = _child(gov, SUBJ | PASS_SUBJ) or clause_subject(gov)
        if part is not None:
            r.actors.append(part)
        r.recipients += _prep_objects(gov, TARGET_PREPS)
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in LIGHT_VERBS:
        parties += _prep_objects(head, PARTY_PREPS)
        r.recipients += _prep_objects(head, TARGET_PREPS)
    if parties:
        r.reciprocal = True
        r.actors += parties
    if not r.actors:
        # "X launched a mediation mission", "X renewed negotiations": the governing verb's subject acts
        gov = tok.head if tok.dep_ in ("dobj", "attr", "nsubjpass") else None
        if tok.dep_ == "compound" and tok.head.dep_ in ("dobj", "attr"):
            gov = tok.head.head
        if gov is not None and gov.pos_ in ("VERB", "AUX"):
            subj = clause_subject(gov)
            if subj is not None:
                r.actors.append(subj)
            r.recipients += _prep_objects(gov, TARGET_PREPS | {"with"})
    if not r.actors:
        # "troops captured the town after five days of fighting", "thousands converged for a rally": the verb the
        # act's phrase hangs on names who did it
        # (not when that verb is an event of its own: its parties are told there, and the two would fold)
        gov = frame_verb(tok, scheme == "reciprocal")
        subj = clause_subject(gov) if gov is not None and not (is_event and is_event(gov)) else None
        if subj is not None:
            r.actors.append(subj)
    return r


def _hosted_parties(verb, obj) -> list:
    """The parties "between" of a meeting the verb hosts or brokers ("hosted talks between X and Y"); not places
    ("ambushed a convoy on the road between X and Y")."""
    if verb.lemma_.lower() not in _cue("host_verbs"):
        return []
    return _prep_objects(obj, PARTY_PREPS)


def frame_verb(tok, reciprocal: bool = False):
    """The active verb whose "during/amid ..." phrase holds the nominal act tok ("arrested five men during a raid"
    -> arrested; for two-sided fighting also "after": "captured X after five days of fighting"), unless its subject
    undergoes the act ("died during clashes"); else None."""
    preps = _cue("frame_preps") | (_cue("frame_preps_reciprocal") if reciprocal else frozenset())
    t = tok
    while t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN" and t.head.head.dep_ == "pobj":
        t = t.head.head                  # "after five days of fighting", "for a week of protests"
    if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.lower_ not in preps:
        return None
    gov = t.head.head
    if gov.pos_ not in ("VERB", "AUX") or is_passive(gov) or gov.lemma_.lower() in _cue("undergoer_verbs"):
        return None
    return gov


def _verb_roles(tok, scheme: str, required_obj=None) -> Roles:
    r = Roles(reciprocal=scheme == "reciprocal")
    if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":      # "soldiers killed (by X)"
        r.recipients.append(tok.head)
        r.actors += agent_of(tok)
        return r
    passive = is_passive(tok)
    subj = _child(tok, PASS_SUBJ) if passive else clause_subject(tok)
    if passive and subj is None:
        subj = clause_subject(tok)
    obj = _child(tok, {"dobj"})
    targets = _prep_objects(tok, TARGET_PREPS)
    with_objs = _not_partners(_prep_objects(tok, {"with"}))
    if scheme != "receive" and tok.lemma_.lower() in _cue("from_recipient_verbs"):
        # "confiscated weapons from X", "demanded autonomy from X" ("from" on the verb or on its object)
        obj_from = [o for o in (required_obj, _child(tok, {"dobj"})) if o is not None]
        targets += _prep_objects(tok, {"from"}) + [p for o in dict.fromkeys(obj_from) for p in _prep_objects(o, {"from"})]
    if required_obj is not None and scheme == "object":   # "summoned the Malian ambassador", "expelled diplomats"
        r.recipients.append(required_obj)
    if required_obj is not None:                 # "cut relations with Ukraine", "received information from Ukraine"
        with_objs += _not_partners(_prep_objects(required_obj, {"with"}))
        targets += _prep_objects(required_obj, TARGET_PREPS | {"to"})
        obj = None
    if scheme == "receive":
        givers = _prep_objects(tok, {"from"}) + (_prep_objects(required_obj, {"from"}) if required_obj is not None else [])
        r.actors += givers
        if subj is not None:
            r.recipients.append(subj)
        return r
    if passive:
        r.actors += agent_of(tok)
        if subj is not None:
            r.recipients.append(subj)
    else:
        if subj is not None:
            r.actors.append(subj)
        if obj is not None:
            # "hosted talks between X and Y", "brokered a truce between X and Y": the parties of the object act,
            # not the act itself
            r.recipients += _hosted_parties(tok, obj) or [obj]
    r.recipients += targets + with_objs
    if obj is None and not passive and scheme == "default":
        # "demanded that the government end curbs": the complement clause's subject is the target
        comp = _child(tok, {"ccomp"})
        comp_subj = _child(comp, SUBJ) if comp is not None else None
        if comp_subj is not None and tok.lemma_ in REQUEST_LIKE:
            r.recipients.append(comp_subj)
    if scheme in ("default", "threat") and tok.lemma_ in GIVING:
        r.recipients += _prep_objects(tok, {"to"}) + [c for c in tok.children if c.dep_ == "dative"]
        for x in tok.children:          # "offered to hand over to Britain", "agreed to send troops to Mali"
            if x.dep_ == "xcomp":
                r.recipients += _prep_objects(x, {"to"}) + [c for c in x.children if c.dep_ == "dative"]
        if required_obj is not None:     # "aid to Mozambique"
            r.recipients += _prep_objects(required_obj, {"to", "for"})
    if scheme == "reciprocal":
        parties = _prep_objects(tok, PARTY_PREPS)
        if parties:
            r.actors += parties
    if scheme == "mediate":
        r.recipients += _prep_objects(tok, PARTY_PREPS)
    return r


OBJECT_PARTY_PREPS = {"to", "for", "with", "against", "on", "toward", "towards", "between", "among"}
EMBEDDED_PREPS = {"to", "with", "against", "on", "at", "toward", "towards", "into"}


def _object_parties(obj) -> list:
    """Parties named inside an object noun phrase: "aid to Serbia", "contact with the United States", "an Indian
    proposal", "the government's refusal", "in protest of the government's refusal". The object of "of" is not a
    party itself ("the village of Nama" is a place), only its owner is."""
    def owners(noun):
        # a proper name's own words are no owners ("the African Union" is not owned by "African")
        return [c for c in noun.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN") and not (
            noun.pos_ == "PROPN" and c.dep_ == "compound" and c.pos_ == "PROPN"))]

    def of_parties(noun):
        # "the deaths of Malian soldiers": a role noun is the party itself (MLI MIL), not its demonym (MLI GOV);
        # so is whatever an act noun acts on: "the removal of President X", "the blockade of Serbia"
        if (noun.pos_ == "NOUN" and noun.lemma_.lower() in _role_nouns()) or obj.lemma_.lower() in _cue("of_patient_nouns"):
            return [noun]
        return owners(noun)
    # "independence from Iraq": the party separated from
    sep = _prep_objects(obj, {"from"}) if obj.lemma_.lower() in _cue("separation_nouns") else []
    return owners(obj) + _not_partners(_prep_objects(obj, OBJECT_PARTY_PREPS)) + sep + [
        o for p in _prep_objects(obj, {"of"}) for o in of_parties(p)]


_ROLE_NOUNS: dict[int, frozenset[str]] = {}


def _role_nouns() -> frozenset[str]:
    """Nouns that name an actor by its role ("soldiers", "civilians"), from the actor KB's lexicon."""
    from ..actors import default_kb
    kb = default_kb()
    got = _ROLE_NOUNS.get(id(kb))
    if got is None:
        roles = kb.lexicon.roles if kb.lexicon else ()
        got = _ROLE_NOUNS[id(kb)] = frozenset(r.noun.lower() for r in roles)
    return got


def _embedded_verbs(tok) -> list:
    """Clauses that spell out what the trigger is about: "threatened to shell X", "refused to meet X",
    "staged a rally to demand X"; for a nominal trigger, the clause of its governing verb."""
    out = []
    for c in tok.children:
        if c.dep_ == "xcomp" or (c.dep_ in ("advcl", "acl", "relcl") and c.pos_ == "VERB"
                                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            out.append(c)
        elif c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and not any(a.dep_ == "mark" for a in c.children):
            out.append(c)               # "demonstrated calling for independence from X", "a rally demanding X"
    return out


def deeper_recipients(tok, required_obj=None) -> list[list]:
    """Candidate recipient heads when the trigger's own arguments name none, nearest first, in levels:
    1. parties named inside its object ("halted aid to Serbia", "rejected an Indian proposal") and the object of
       "to" when the verb has one ("halted economic aid to Serbia");
    2. the object and party prepositions of the clause that spells out the act ("threatened to shell Iraqi towns",
       "refused to meet Jordan's king", "demonstrated to demand reforms by the government"), and the parties inside
       that object.
    The caller resolves each level and keeps the first that yields an actor."""
    objs = [o for o in (_child(tok, {"dobj"}), required_obj) if o is not None]
    # "complained to the UN over Sudanese raids": what the complaint is about names its target, before the audience
    level0 = [p for o in _prep_objects(tok, _cue("complaint_preps")) for p in _prep_objects(o, {"by"}) + _object_parties(o) + [o]] \
        if tok.lemma_.lower() in _cue("complaint_triggers") else []
    if tok.pos_ in ("NOUN", "PROPN"):
        objs.append(tok)
    level1 = [p for o in objs for p in _object_parties(o)]
    if objs and tok.pos_ in ("VERB", "AUX"):
        level1 += _prep_objects(tok, {"to"})
    if tok.pos_ in ("VERB", "AUX"):      # "conceded to demands from UNITA", "yielded to pressure by the army"
        level1 += [p for o in _prep_objects(tok, {"to"}) for p in _object_parties(o) + _prep_objects(o, {"from", "by"})]
    level2 = []
    clauses = _embedded_verbs(tok)
    if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubj", "attr"):
        clauses += [c for c in _embedded_verbs(tok.head) if c.i != tok.i]
    for v in clauses:
        vobjs = [c for c in v.children if c.dep_ in ("dobj", "dative")]
        if v.tag_ == "VBG":
            # a participle adjunct ("demonstrated calling for independence from X", "abducting the Togolese
            # driver"): its object, or the parties inside what it asks for; not everyone its clause names
            level2 += vobjs + [p for o in vobjs + _prep_objects(v, {"for"}) if o.lemma_.lower() not in _role_nouns()
                               for p in _object_parties(o)]
            continue
        level2 += [p for o in vobjs for p in (_hosted_parties(v, o) or [o])] + _prep_objects(v, EMBEDDED_PREPS)
        level2 += [p for o in vobjs for p in _object_parties(o)]
        # "refused to allow UN planes to land": the subject of the clause the act allows or stops
        level2 += [s for c in v.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ in SUBJ]
    # "threatened to stop the talks if X goes ahead": the party the condition is about
    level3 = [s for v in [tok] + clauses for c in v.children
              if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
              for s in c.children if s.dep_ in SUBJ]
    return [lvl for lvl in (level0, level1, level2, level3) if lvl]


def find_roles(tok, scheme: str = "default", required_obj=None, is_event=None) -> Roles:
    """is_event(token) -> bool: whether a token is an event trigger of its own."""
    if tok.pos_ in ("VERB", "AUX") or (tok.tag_ in ("VBN", "VBD", "VBG") and tok.pos_ != "NOUN"):
        return _verb_roles(tok, scheme, required_obj)
    return _noun_roles(tok, scheme, is_event)


def argument_span(tok, exclude=None) -> tuple[int, int]:
    """Character span of an argument: its subtree minus coordinated siblings, relative clauses and the trigger.

    In "X and Y from Z" the parser often hangs "from Z" on X; such modifiers after the last conjunct go to it.
    """
    skip = {"conj", "cc", "relcl", "punct", "appos", "advcl"}
    conj_is = [c.i for c in tok.children if c.dep_ == "conj"]
    first_conj = min(conj_is) if conj_is else None
    kids = [c for c in tok.children if c.dep_ not in skip and (first_conj is None or c.i < first_conj)]
    if tok.dep_ == "conj" and not any(c.dep_ == "conj" for c in tok.children):
        kids += [c for c in tok.head.children if c.i > tok.i and c.dep_ not in skip]
    if exclude is not None:
        kids = [c for c in kids if c.i != exclude.i]
    toks = [tok]
    stack = list(kids)
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in {"relcl", "advcl"} and (exclude is None or c.i != exclude.i)
                     and not _speaker_appos(c))
    toks = [t for t in toks if not (t.dep_ == "acl" and t.tag_ == "VBN" and t.head.i == tok.i and t.i > tok.i and exclude is not None)]
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks if not t.is_punct or t.i == tok.i)    # no stray bracket past a dropped part
    doc = tok.doc
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    while hi > tok.i and doc[hi].is_punct:
        hi -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


def _speaker_appos(tok) -> bool:
    """An "apposition" that is the speaker of a reporting verb the parser failed to attach ("aid to refugees in
    Liberia, the World Food Program said"): no part of the argument it hangs on."""
    from .cues import cues
    doc = tok.doc
    nxt = tok.right_edge.i + 1
    while nxt < len(doc) and doc[nxt].is_punct and doc[nxt].text != ",":
        nxt += 1                          # "(WFP) said": a closing bracket the parser left outside
    return tok.dep_ == "appos" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," and nxt < len(doc) \
        and doc[nxt].lemma_.lower() in cues()["modality"]["reporting_verbs"]


def split_coordinated_modifiers(tok) -> list[str]:
    """ "Malian and Russian forces" -> ["Malian forces", "Russian forces"]."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
    out = []
    for m in mods:
        group = [m] + [c for c in m.children if c.dep_ == "conj"]
        if len(group) > 1:
            out = [f"{g.text} {tok.text}" for g in group]
            break
    return out
