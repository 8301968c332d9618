"""The rules back-end of the extract stage: lexicon triggers + dependency roles + modality -> Mentions.

For every sentence it finds trigger tokens (data/extract/triggers.yaml), reads actor and recipient from the parse,
resolves them with the actor knowledge base, decides modality (claims, denials, hypotheticals, futures, history),
recodes futures the way PLOVER says (future cooperation is AGREE), and assigns CAMEO and ACLED codes.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from ..ontology import default_ontology
from ..records import Actor, Document, Mention, Span
from ..stages import register
from . import acled as acled_rules
from .lexicon import Lexicon, Trigger, default_lexicon
from .modality import Modality, assess
from .roles import PRONOUNS, argument_span, conjuncts, deeper_recipients, find_roles, split_coordinated_modifiers

COOPERATIVE = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "031", "AID": "033", "RETREAT": "030", "CONCEDE": "030"}
THREAT_MODES = {"ASSAULT": ("violence", "138"), "SANCTION": ("relations", "1313"), "COERCE": ("restrict", "131"),
                "MOBILIZE": ("violence", "138"), "PROTEST": ("restrict", "133"), "REJECT": ("relations", "130")}
FUTURE_CUES = {"will", "shall", "'ll", "would", "may", "might", "could", "plan", "intend", "vow", "prepare", "aim",
               "threaten", "warn", "decide", "want", "seek", "ready", "willing", "planned", "proposed", "threatened", "prepared"}
AGENT_NOUNS = {"protester", "demonstrator", "rioter", "striker", "bomber", "kidnapper", "gunman", "attacker", "assailant",
               "mob", "marcher", "picket"}
PARTITIVES = {"member", "group", "thousand", "hundred", "dozen", "ten", "score", "million", "some", "many", "one", "two",
              "three", "several", "part", "number", "majority", "handful", "crowd", "band", "unit", "contingent",
              "delegation", "team", "batch", "wave", "section", "faction", "wing", "remnant", "most", "all"}
TIME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}
PLACE_ENTS = {"LOC", "FAC"}
UNATTRIBUTED = "unidentified armed men"     # the perpetrator of an attack the text attributes to nobody
LOCATIVE_TARGET = {"COERCE", "CONCEDE", "RETREAT", "SANCTION", "MOBILIZE", "AID"}
QUALIFIED_NOUNS = (("CVL", "civilian_nouns"), ("MIL", "military_nouns"), ("GOV", "government_nouns"))


def _actor_sort_key(a: Actor) -> tuple:
    return (a.kb_id or a.name, a.country or "", a.sector or "")


@dataclass
class _ArticleState:
    """What the extractor has seen so far in one article (anchors later short forms and pronouns)."""
    context_countries: tuple[str, ...] = ()
    named: list[Actor] = field(default_factory=list)     # known, named actors in order of appearance
    last_subject: Actor | None = None


class RulesExtractor:
    """Trigger lexicon + dependency roles + modality, English."""
    name = "rules"
    reads = ("Document.parsed", "Document.sentences")
    fills = ("Mention.coding", "Mention.actors", "Mention.recipients", "Mention.modality", "Mention.status",
             "Mention.claimant", "Mention.trigger", "Mention.sentence")

    def __init__(self, lexicon: Lexicon | None = None, resolver=None):
        self.lexicon = lexicon or default_lexicon()
        self._resolver = resolver
        self._matches_for = None
        self.ontology = default_ontology()

    @property
    def resolver(self):
        if self._resolver is None:
            from ..actors.resolver import default_resolver
            self._resolver = default_resolver()
        return self._resolver

    # ---------------------------------------------------------------- helpers
    def _is_historical(self):
        try:
            from ..when.resolver import is_historical
        except ImportError:
            return None
        return is_historical

    def _match_trigger(self, tok) -> tuple[Trigger, object] | None:
        cands = self.lexicon.candidates(tok.lemma_) or self.lexicon.candidates(tok.lower_)
        if not cands and tok.pos_ in ("VERB", "NOUN"):
            # the small model's lemmatizer slips ("raped" -> "rap", "staged" -> "stag"): try the regular stems
            cands = next((c for c in map(self.lexicon.candidates, _regular_stems(tok.lower_)) if c), [])
        for trig in cands:
            if trig.pos and tok.pos_ not in trig.pos and not (tok.pos_ == "PROPN" and "NOUN" in trig.pos):
                continue
            kids = list(tok.children)
            kid_lemmas = {k.lemma_.lower() for k in kids} | {k.lower_ for k in kids}
            if trig.without and kid_lemmas & trig.without:
                continue
            if trig.with_ and not kid_lemmas & trig.with_:
                continue
            required = None
            if trig.objects:
                objs = [k for k in kids if k.dep_ in ("dobj", "nsubjpass", "attr")]
                objs += [p for k in kids if k.dep_ == "prep" for p in k.children if p.dep_ == "pobj"]
                if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
                    objs.append(tok.head)
                objs += [c for o in list(objs) for c in o.children if c.dep_ == "conj"]
                # "tons of food aid", "part of a military aid program": look one level into the object
                objs += [g for o in list(objs) for c in o.children if c.dep_ in ("compound", "amod", "prep")
                         for g in ([c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"])
                         if c.dep_ != "prep" or c.lower_ == "of"]
                objs += [c for o in list(objs) for c in o.children if c.dep_ == "compound"]
                found = [o for o in objs if o.lemma_.lower() in trig.objects or o.lower_ in trig.objects]
                if not found:
                    continue
                required = found[0]
            return trig, required
        return None

    def _resolve_head(self, head, matches, state: _ArticleState, date, exclude=None) -> list[Actor]:
        """Resolve one argument head token to actors (several for "Malian and Russian forces")."""
        doc = head.doc
        if _is_pronoun(head):
            return self._resolve_pronoun(head, matches, state, date)
        if head.lemma_.lower() in PARTITIVES:
            # "members of the Association", "a group of Chechen refugees", "thousands of students"
            inner = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            if inner:
                return self._resolve_head(inner[0], matches, state, date, exclude)
        split = split_coordinated_modifiers(head)
        if split:
            # "Malian and Russian forces"; "political and territorial autonomy" names no party
            got = [self.resolver.resolve(p, date=date, context_countries=state.context_countries) for p in split]
            named = [m for m in head.children if m.dep_ in ("amod", "compound", "nmod") and m.i < head.i and (
                m.ent_type_ in ("NORP", "GPE", "ORG") or m.pos_ == "PROPN")]
            return [a for a in got if a.known or a.sector is not None or named]
        start, end = argument_span(head, exclude)
        phrase = doc.text[start:end]
        actor = self.resolver.resolve(phrase, date=date, context_countries=state.context_countries)
        if not actor.known:
            inside = [m for m in matches if m.start <= head.idx < m.end]
            if inside:
                actor = inside[0].actor
            else:
                appos = [c for c in head.children if c.dep_ == "appos"]
                for ap in appos:
                    s, e = argument_span(ap)
                    alt = self.resolver.resolve(doc.text[s:e], date=date, context_countries=state.context_countries)
                    if alt.known:
                        actor = alt
                        break
        if actor.kb_id is None and actor.sector and _is_generic(phrase):
            actor = self._anchor(actor, state)
        if not actor.known and actor.sector is None and actor.country:
            actor = self._qualified_noun(actor, head)
        if not actor.known and actor.sector is None and head.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") \
                and not _proper_name(head):
            return []       # a common noun the knowledge base does not know ("the issue") is no actor
        span = Span("", start, end, phrase)
        return [_with_span(actor, span)]

    def _qualified_noun(self, actor: Actor, head) -> Actor:
        """A country's demonym on a noun the knowledge base has no role for: a settlement or its people ("shelled
        Iraqi towns", "the Albanian population") are that country's civilians, a weapon platform ("Israeli tanks
        fired") its military, an envoy or delegation its government (cue lists in the roles section of cues.yaml)."""
        from .roles import _cue
        lemma = head.lemma_.lower()
        sector = next((sec for sec, name in QUALIFIED_NOUNS if lemma in _cue(name) or head.lower_ in _cue(name)), None)
        if sector is None:
            return actor
        lex = getattr(self.resolver, "lex", None)
        inter = lex.sector_inter(sector) if lex is not None else None
        return replace(actor, sector=sector, acled_inter=inter, why=f"{actor.country} {lemma}: {sector} of the country")

    def _anchor(self, actor: Actor, state: _ArticleState) -> Actor:
        """A generic role mention ("the rebels") takes the most recent named actor of the same country and sector."""
        main = state.context_countries[:1]
        ranked = [n for n in reversed(state.named) if n.country in main] + list(reversed(state.named))
        for named in ranked:
            if named.sector == actor.sector and (actor.country is None or named.country == actor.country):
                return Actor(named.name, named.country, named.sector, named.kb_id, named.acled_inter, True, None,
                             f"anchored to earlier mention ({actor.why or actor.name})")
        return actor

    def _resolve_pronoun(self, tok, matches, state, date) -> list[Actor]:
        # subject of a complement clause -> the governing clause's subject ("Mali announced it is cutting")
        from .roles import clause_subject
        if tok.dep_ == "poss" and tok.head.dep_ in ("dobj", "attr", "nsubjpass"):
            # "the ILO reiterated its demand": the owner of the act is the subject of the verb governing it
            gov_subj = clause_subject(tok.head.head)
            if gov_subj is not None and gov_subj.i != tok.i and not _is_pronoun(gov_subj):
                return self._resolve_head(gov_subj, matches, state, date)
        head = tok.head
        while head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and head.head.i != head.i:
            gov_subj = clause_subject(head.head)
            if gov_subj is not None and gov_subj.i != tok.i and not _is_pronoun(gov_subj):
                return self._resolve_head(gov_subj, matches, state, date)
            head = head.head
        if state.last_subject is not None:
            return [state.last_subject]
        return []

    def actor_matches(self, article):
        """Actor mentions in the article text (computed once per article; the pipeline reuses them)."""
        if self._matches_for is None or self._matches_for[0] != article.id:
            self._matches_for = (article.id, self.resolver.find(article.text, date=article.published))
        return self._matches_for[1]

    # ---------------------------------------------------------------- main
    def mentions(self, document: Document) -> list[Mention]:
        doc = document.parsed
        article = document.article
        if doc is None:
            return []
        published = article.published
        matches_all = self.actor_matches(article)
        countries = Counter(m.actor.country for m in matches_all if m.actor.country and len(m.actor.country) == 3)
        # places named in the article count too ("in central Burkina Faso"): the resolver reads them as places
        ent_countries: list[tuple[int, str]] = []
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC") and not any(m.start <= ent.start_char < m.end for m in matches_all):
                a = self.resolver.resolve(ent.text, date=published)
                if a.known and a.country and len(a.country) == 3 and a.sector == "GOV":
                    countries[a.country] += 1
                    ent_countries.append((ent.start_char, a.country))
        article_countries = tuple(c for c, _ in countries.most_common())
        state = _ArticleState(context_countries=article_countries)
        is_hist = self._is_historical()
        out: list[Mention] = []
        mi = 0
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            matches = [m for m in matches_all if sent.start_char <= m.start < sent.end_char]
            # a country named in the sentence itself comes first for role-only actors ("killing 100 people")
            local = [c for pos, c in ent_countries if sent.start_char <= pos < sent.end_char]
            state.context_countries = tuple(dict.fromkeys(local + list(article_countries)))
            for m in matches:
                if m.actor.known and m.actor.kb_id:
                    state.named.append(m.actor)
            sent_mentions = []
            for tok in sent:
                hit = self._match_trigger(tok)
                if hit is None:
                    continue
                trig, required = hit
                if self._participation(tok):
                    continue
                mention = self._mention(document, sent, tok, trig, required, matches, state, published, is_hist)
                if mention is not None:
                    sent_mentions.append(mention)
            sent_mentions += self._demands(document, sent, matches, state, published)
            out += sent_mentions
            subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
            if subj is not None and not _is_pronoun(subj):
                res = self._resolve_head(subj, matches, state, published)
                if res and res[0].known:
                    state.last_subject = res[0]
            mi += 1
        return out

    def _mention(self, document, sent, tok, trig: Trigger, required, matches, state, published, is_hist) -> Mention | None:
        article = document.article
        roles = find_roles(tok, trig.roles, required, is_event=lambda t: self._match_trigger(t) is not None)
        if tok.lemma_.lower() in AGENT_NOUNS and not roles.actors:
            roles.actors.append(tok)          # "protesters marched": the trigger noun names the actors
        date = published
        actors = self._resolve_all(roles.actors, matches, state, date, tok)
        recipients = self._resolve_all(roles.recipients, matches, state, date, tok)
        if not recipients and trig.plover in LOCATIVE_TARGET:
            # "lifted a curfew in Montenegro", "declared a state of siege in Haiti": the place is the target
            recipients = self._locative_targets(tok, required, matches, state, date)
        keys = {_actor_sort_key(a) for a in actors}
        recipients = [r for r in recipients if _actor_sort_key(r) not in keys]
        if not recipients and not (roles.reciprocal and len(actors) >= 2):
            # "halted aid to Serbia", "threatened to shell Iraqi towns": the party is inside the object or in the
            # clause that spells out the act
            for level in deeper_recipients(tok, required):
                level = [h for h in level if h.ent_type_ not in PLACE_ENTS]
                found = [r for r in self._resolve_all(level, matches, state, date, tok)
                         if _actor_sort_key(r) not in keys and (r.known or r.sector)]
                found = _outermost(found)
                if found:
                    recipients = found
                    break
            if not recipients and trig.plover == "ASSAULT" and required is not None and required.dep_ == "dobj":
                # "troops engaged rebels": the object the trigger required is the one attacked
                recipients = [r for r in self._resolve_head(required, matches, state, date, tok)
                              if _actor_sort_key(r) not in keys and (r.known or r.sector)]
        if roles.reciprocal and not recipients and len(actors) >= 2:
            pass  # two-sided act: every party is an actor, no recipient (PLOVER rule)
        mod = assess(tok, published=published, is_historical=is_hist)
        plover, mode, cameo, context = trig.plover, trig.mode, trig.cameo, trig.context
        if (mod.kind == "future" or (mod.kind == "hypothetical" and mod.cue == "would")) and plover in COOPERATIVE:
            # "will meet", "said they would meet": a promised or offered cooperative act is an AGREE
            plover, mode, cameo = "AGREE", None, COOPERATIVE[plover]
            mod = Modality()
        if mod.kind in ("future", "hypothetical") and mod.cue in FUTURE_CUES and plover in THREAT_MODES:
            # an announced or conditional coercive act is a threat (PLOVER: THREATEN, mode = its content)
            mode, cameo = THREAT_MODES[plover]
            plover, mod = "THREATEN", Modality()
        elif plover == "THREATEN":
            mode, cameo = self._threat_content(tok) or (None, cameo)
        if trig.requires_recipient and not recipients:
            return None
        if not actors and not recipients and plover not in ("ASSAULT", "PROTEST"):
            return None
        claimant = None
        status = "reported"
        if mod.kind == "claim":
            status = "claim"
            if mod.claimant is not None:
                res = self._resolve_head(mod.claimant, matches, state, date)
                claimant = res[0] if res else None
        etype, sub = acled_rules.classify(trig, tok, list(sent), actors, recipients) if plover in ("ASSAULT", "PROTEST", "COERCE", "AGREE", "SUPPORT", "RETREAT", "MOBILIZE") else (None, None)
        if not actors and plover == "ASSAULT" and not roles.reciprocal:
            # "a roadside bomb killed two soldiers", "three men were shot dead": nobody is named as the attacker, so
            # it is an unidentified armed group of the place (PLOVER and ACLED code it so); its evidence is the act.
            # Added after the ACLED classification, which reads an attack without a named attacker its own way, and
            # not counted in the confidence: an attack nobody is named for is no surer for it
            implicit = self._unattributed(tok, date)
        else:
            implicit = []
        try:
            coding = self.ontology.coding(plover, mode=mode, context=context, cameo_code=cameo,
                                          acled_event_type=etype, acled_sub_event_type=sub)
        except ValueError:
            coding = self.ontology.coding(plover, context=context, acled_event_type=etype, acled_sub_event_type=sub)
        aid = article.id
        trigger_span = Span(aid, tok.idx, tok.idx + len(tok.text), tok.text)
        sentence_span = Span(aid, sent.start_char, sent.end_char, sent.text)
        fix = lambda a: _with_span(a, Span(aid, a.span.start, a.span.end, a.span.text)) if a.span else a  # noqa: E731
        return Mention(
            id=f"{aid}:{tok.idx}", article_id=aid, coding=coding, trigger=trigger_span, sentence=sentence_span,
            actors=tuple(fix(a) for a in actors + implicit), recipients=tuple(fix(r) for r in recipients), status=status,
            claimant=fix(claimant) if claimant else None, modality=mod.kind, evidence=(sentence_span,),
            published=article.published, source=article.source,
            confidence=confidence(trig, actors, recipients, etype, sub, tok),
        )

    def _unattributed(self, tok, date) -> list[Actor]:
        # its country is the place's, which the sentence may not name as a country ("near Samarra"): left to the
        # pipeline, which situates role-only actors where the event is located
        actor = self.resolver.resolve(UNATTRIBUTED, date=date, context_countries=())
        if actor.sector is None:
            return []
        return [_with_span(actor, Span("", tok.idx, tok.idx + len(tok.text), tok.text))]

    def _demands(self, document, sent, matches, state, date) -> list[Mention]:
        """ "X said that Y must drop barriers": a speaker telling another party what it must or should do is a
        REQUEST by the speaker of that party (the demanded act itself is not an event)."""
        from .cues import cues
        from .roles import clause_subject
        c = cues()["modality"]
        out = []
        for tok in sent:
            if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in c["speech_verbs"]:
                continue
            aux = {ch.lower_ for ch in tok.children if ch.dep_ == "aux"}
            if not aux & c["deontic_aux"] and not (tok.lemma_ == "have" and any(ch.dep_ == "xcomp" for ch in tok.children)):
                continue
            speaker, target = clause_subject(tok.head), clause_subject(tok)
            if speaker is None or target is None:
                continue
            # "X said that Y and Z must ...": every coordinated party is asked
            actors = self._resolve_all([speaker], matches, state, date, tok)
            recipients = self._resolve_all([target], matches, state, date, tok)
            if not actors or not recipients:
                continue
            aid = document.article.id
            head = tok.head
            trigger = Span(aid, head.idx, head.idx + len(head.text), head.text)
            sentence = Span(aid, sent.start_char, sent.end_char, sent.text)
            fix = lambda a: _with_span(a, Span(aid, a.span.start, a.span.end, a.span.text)) if a.span else a  # noqa: E731
            out.append(Mention(
                id=f"{aid}:{head.idx}:request", article_id=aid, coding=self.ontology.coding("REQUEST"),
                trigger=trigger, sentence=sentence, actors=tuple(fix(a) for a in actors),
                recipients=tuple(fix(a) for a in recipients), evidence=(sentence,),
                published=document.article.published, source=document.article.source, confidence=0.7))
        return out

    def _participation(self, tok) -> bool:
        """ "were engaged in ethnic cleansing", "took part in the attack": the verb only says who took part in the
        act its "in" names; that act is the event (its roles come from the verb), not the verb itself."""
        from .roles import PARTICIPATION, _prep_objects
        if tok.lemma_.lower() not in PARTICIPATION and not (tok.lemma_ == "take" and any(
                c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)):
            return False
        return any(self._match_trigger(p) for p in _prep_objects(tok, {"in"}))

    def _locative_targets(self, tok, required, matches, state, date) -> list[Actor]:
        from .roles import _prep_objects
        where = {"in", "across", "throughout"}
        heads = _prep_objects(tok, where)
        # "declared a state of siege in Haiti", "lifted a state of emergency in Darfur": the place may hang on the
        # object or on the noun after its "of"
        objs = [o for o in (required, next((c for c in tok.children if c.dep_ == "dobj"), None)) if o is not None]
        objs += [p for o in objs for p in _prep_objects(o, {"of"})]
        heads += [h for o in dict.fromkeys(objs) for h in _prep_objects(o, where)]
        out = []
        for h in heads:
            for a in self._resolve_head(h, matches, state, date, tok):
                if a.known and a.country and a.sector in ("GOV", "CVL"):
                    # a restriction "in Haiti" falls on the people there, not on the government the name stands for
                    # (which is often the one imposing it)
                    out.append(replace(a, name=a.span.text if a.span else a.name, sector="CVL", kb_id=None,
                                       acled_inter=7, why=f"people of the place a {tok.lemma_} applies to"))
        return out

    def _resolve_all(self, heads, matches, state, date, exclude=None) -> list[Actor]:
        out, seen = [], set()
        for h in heads:
            for t in conjuncts(h):
                for a in self._resolve_head(t, matches, state, date, exclude):
                    key = _actor_sort_key(a)
                    if key not in seen:
                        seen.add(key)
                        out.append(a)
        return out

    def _threat_content(self, tok):
        for ch in tok.children:
            if ch.dep_ in ("xcomp", "ccomp", "prep"):
                for t in ch.subtree:
                    hit = self._match_trigger(t)
                    if hit and hit[0].plover in THREAT_MODES:
                        return THREAT_MODES[hit[0].plover]
        return None

    def __call__(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list[Mention]]]:
        for d in documents:
            yield d, self.mentions(d)


def confidence(trig: Trigger, actors, recipients, etype: str | None = None, sub: str | None = None,
               tok=None) -> float:
    """How sure a mention is, in two bands: 0.45-0.89 from what was found (a named actor, a named recipient, a
    specific trigger), and 0.90-0.99 in the same order for the act a report is about (a demonstration: cues.yaml
    acled ``main_acts``), so a shooting, arrest or clash told inside a protest note does not outrank the protest."""
    base = 0.5 + 0.2 * bool(actors) + 0.2 * bool(recipients) + 0.1 * (trig.specificity > 0)   # 0.5 .. 1.0
    if acled_rules.main_act(etype, sub, tok):
        return round(0.9 + 0.18 * (base - 0.5), 4)
    return round(0.89 * base, 4)


def _regular_stems(word: str) -> list[str]:
    """Regular English inflection undone: raped -> rape, attacked -> attack, shelling -> shell/shelle, strikes -> strike."""
    out = []
    if word.endswith("ed"):
        out += [word[:-1], word[:-2]]
        if len(word) > 4 and word[-3] == word[-4]:
            out.append(word[:-3])                 # "shelled" -> "shell", "robbed" -> "rob"
    elif word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
        if len(word) > 5 and word[-4] == word[-5]:
            out.append(word[:-4])
    elif word.endswith("es"):
        out += [word[:-1], word[:-2]]
    elif word.endswith("s"):
        out.append(word[:-1])
    return out


def _outermost(actors: list[Actor]) -> list[Actor]:
    """Actors whose evidence lies inside another's ("Sudanese" in "Sudanese villages") are part of that one."""
    def inside(a, b):
        return a is not b and a.span and b.span and b.span.start <= a.span.start and a.span.end <= b.span.end \
            and (b.span.end - b.span.start) > (a.span.end - a.span.start)
    return [a for a in actors if not any(inside(a, b) for b in actors)]


def _is_pronoun(tok) -> bool:
    """A pronoun, but not the country written "US" (upper case, tagged a proper noun)."""
    return tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and not (tok.text.isupper() and len(tok.text) > 1))


def _proper_name(head) -> bool:
    """An argument headed by a proper noun ("Arnor", "the Homeland Union") names an actor even when the knowledge
    base and the named-entity tagger do not know it: it is kept, by its text, as an unknown actor."""
    return head.pos_ == "PROPN" and head.text[:1].isupper() and not head.like_num and head.ent_type_ not in TIME_ENTS


def _is_generic(phrase: str) -> bool:
    """A role-only mention ("the rebels", "the army"), which an earlier named mention may anchor."""
    raw = phrase.split()
    words = [w.lower() for w in raw]
    if any(w[:1].isupper() for w in raw[1:]) or (len(raw) == 1 and raw[0][:1].isupper() and raw[0].lower() not in
                                                 ("rebels", "soldiers", "troops", "militants", "police", "army")):
        return False                      # a name ("the Bush administration", "Hamas") is not a role
    return (1 <= len(words) <= 3 and words[0] in ("the", "these", "those", "its", "their")) or len(words) == 1


def _with_span(actor: Actor, span: Span) -> Actor:
    from dataclasses import replace
    return replace(actor, span=span)


register("extract", "rules")(RulesExtractor)
