"""Compiled casualty rules (from the language's lexicon) and the small text helpers every rule module shares."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .lexicon import alt, load, norm

SENT = re.compile(r"(?<=[.!?])[\"”’')\]»]*\s+(?=[\"“‘'(\[«]?\s*[A-ZÀ-ÖØ-Þ0-9])|\n+|;\s*")
WORD = r"[\w'’\-\.]+"
_WORD = WORD


class _Irrealis:
    """Words right before a killing verb that make it no act ("tried to kill", "threatened to"), unless they end a
    phrase that tells a result (lexicon `realis_before`: "led to the death of", "leading to the killing of")."""

    def __init__(self, lx: dict) -> None:
        self.rx = re.compile(r"(?<![\w])(?:%s)\s*$" % alt(lx.get("irrealis_before", [])), re.I)
        real = lx.get("realis_before") or []
        self.real = re.compile(r"(?<![\w])(?:%s)\s*$" % alt(real), re.I) if real else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        m = self.rx.search(text, pos, end)
        if m and self.real is not None and self.real.search(text, max(0, pos - 20), end):
            return None
        return m


class _Background:
    """A cue right before a number that makes it the cause or background of the event ("protesting the death of",
    "following the killing of"), unless a word of its own clause comes between them (lexicon `background_breaks`:
    "fighting over land left 4 dead", "opened fire against a car and killed the driver")."""

    def __init__(self, lx: dict) -> None:
        self.rx = re.compile(r"(?<![\w])(?:%s)(?P<gap>(?:\s+[\w'’-]+){0,3})\s*$" % alt(lx.get("background_before", [])),
                             re.I)
        breaks = lx.get("background_breaks") or []
        self.breaks = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(breaks), re.I) if breaks else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        m = self.rx.search(text, pos, end)
        # a break that starts in the gap (it may run on into the verb: "... against a car and killed")
        if m and self.breaks is not None and any(b.start() <= end - m.start("gap") for b in
                                                 self.breaks.finditer(text[m.start("gap"):end + 20])):
            return None
        return m


class Rules:
    def __init__(self, language: str) -> None:
        lx = load(language)
        self.lx = lx
        kinds = lx.get("kinds") or {}
        # a determiner may stand between the verb and its number: "causing the death of the three men",
        # "killing his two brothers"
        dets = (lx.get("grammar_words") or {}).get("count_determiners") or []
        det = r"(?:\s+(?:%s))?" % alt(dets) if dets else ""
        self.before = {k: re.compile(r"(?<![\w])(?:%s)[)'’\"]?%s\s*:?\s*$" % (alt(v.get("before", [])), det), re.I)
                       for k, v in kinds.items()}
        self.after_any = re.compile(r"(?<![\w])(?P<kind>%s)(?![\w])" % alt(
            [w for v in kinds.values() for w in v.get("after", [])]), re.I)
        self.post_rx = re.compile(r"(?:\s+(?:%s)(?![\w]))?(?P<vic>(?:\s+%s){0,10}?)(?P<aux>(?:\s+(?:%s))*)\s+(?P<kind>%s)(?![\w])" % (
            alt((lx.get("grammar_words") or {}).get("of", [])), _WORD, alt(lx.get("auxiliaries", [])),
            alt([w for v in kinds.values() for w in v.get("after", [])])), re.I)
        self.after_kind = {norm(w): k for k, v in kinds.items() for w in v.get("after", [])}
        self.stops = {norm(w) for w in lx.get("victim_stops", [])}
        self.subset_rx = re.compile(r"(?:^|[\s,(])(?:%s)\s*[:,]?\s*$" % alt(lx.get("subset_cues", [])), re.I)
        self.coord_rx = re.compile(r"^\s*(?:%s)\s*$" % alt(lx.get("coordinators", [])), re.I)
        self.attacker_nouns = {norm(w) for w in lx.get("attacker_nouns", [])}
        self.non_victims = {norm(w) for w in lx.get("non_victims", [])}
        self.claim_verbs = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("claimant_verbs", [])), re.I)
        self.claim_preps = re.compile(r"(?<![\w])(?:%s)\s+(?P<who>[^,.;:()\n]{2,80})" % alt(
            lx.get("claimant_prepositions", [])), re.I)
        self.pronouns = {norm(w) for w in lx.get("pronouns", [])}
        self.claimant_function_words = {norm(w) for w in lx.get("claimant_function_words", [])}
        self.claimant_np_stops = {norm(w) for w in lx.get("claimant_np_stops", [])}
        self.neutral = {norm(w) for w in lx.get("neutral_sources", [])}
        zero = lx.get("zero") or {}
        self.zero = [(k, re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(v), re.I)) for k, v in zero.items()]
        # quotes may wrap a word: 'suffered "significant" losses'
        self.vague_losses = re.compile(r"(?<![\w])[\"“‘']?(?:%s)(?![\w])" % alt(lx.get("vague_losses", [])).replace(
            r"\s+", r"[\"“”'‘’]?\s+[\"“”'‘’]?"), re.I)
        gw = lx.get("grammar_words") or {}
        words = {k: {norm(w) for w in (v if isinstance(v, list) else [v])} for k, v in gw.items()}
        self.of = words.get("of", set())
        self.of_rx = alt(gw.get("of", []))
        self.coordination = words.get("coordination", set())
        self.and_word = " %s " % ((gw.get("coordination") or ["and"])[0])   # joins victim groups of a total
        self.possessives = alt(gw.get("possessives", []))
        self.relatives = words.get("relatives", set())
        self.simple_aux = words.get("simple_auxiliaries", set())
        self.object_pronouns = alt(gw.get("object_pronouns", []))
        self.one_pronouns = words.get("one_person_pronouns", set())
        self.adverbs = words.get("adverbs", set())
        self.clause_openers = words.get("clause_openers", set())
        self.clause_breaks = alt(gw.get("clause_breaks", []))
        self.articles = alt(gw.get("articles", []))
        self.participle = str(gw.get("participle_suffix", "") or "")
        self.trailing_preps = words.get("trailing_prepositions", set())
        self.noun_after = words.get("noun_kind_words", set())
        self.of_before = re.compile(r"(?<![\w])(?:%s)\s*$" % self.of_rx, re.I)
        coord = alt(gw.get("coordination", [])[:1] + [",", "&"])
        self.chain_gap = re.compile(r"(?:\s+(?:%s))?(?:\s+[\w'’\-]+){0,4}\s*(?:,\s*(?:%s)|%s)\s*" % (
            self.of_rx, alt(gw.get("coordination", [])[:1]), coord), re.I)
        self.not_people = {norm(w) for w in lx.get("not_people", [])}
        self.background = _Background(lx)
        self.person_nouns = {norm(w) for w in lx.get("person_nouns", [])}
        self.person_suffixes = tuple(str(w) for w in lx.get("person_suffixes", []))
        self.irrealis = _Irrealis(lx)
        self.post_stops = self.stops - words.get("post_allowed_stops", set()) - {
            w for c in lx.get("subset_cues", []) for w in norm(c).split()}
        self.def_verbs = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("definite_verbs", [])), re.I)
        self.determiners = {norm(w) for w in lx.get("definite_determiners", [])}
        self.irregular_plurals = {norm(w) for w in lx.get("irregular_plurals", [])}
        self.plural_vague = int(lx.get("plural_vague", 3))
        self.death_verbs = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("death_verbs", [])), re.I)
        self.dual = {norm(k): list(v) for k, v in (lx.get("dual_before") or {}).items()}
        self.dual_rx = re.compile(r"(?<![\w])(?P<d>%s)\s*$" % alt(lx.get("dual_before") or {}), re.I)
        self.toll_background = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("toll_background", [])), re.I)
        pk = lx.get("pronoun_killings") or {}
        self.pronoun_counts = {norm(k): v for k, v in (pk.get("pronouns") or {}).items()}
        self.pronoun_kill = re.compile(
            r"(?<![\w])(?:(?:%s)\s+(?P<p1>%s)(?![\w])(?!\s+(?:%s))|(?:%s)\s+(?P<p2>%s)\s+(?:%s)(?![\w]))" % (
                alt(pk.get("verbs", [])), alt(list(self.pronoun_counts)), alt(pk.get("results", [])),
                alt(pk.get("result_verbs", [])), alt(list(self.pronoun_counts)), alt(pk.get("results", []))), re.I)
        self.object_rx = re.compile(r"\s+(?:(?:%s)\s+(?:%s)\s+)*(?:%s|\d+)\b" % (
            alt(gw.get("coordination", [])), alt([w for v in kinds.values() for w in v.get("after", [])]),
            alt(gw.get("object_starters", []))), re.I)


def head_chunk(words: str, R: "Rules") -> str:
    """The noun phrase up to its head: cut at the first stop word, 'of', 'and' or -ing participle
    ("French teacher from the high school" -> "French teacher", "man travelling aboard" -> "man")."""
    out = []
    for w in words.split():
        k = norm(w.strip(".,;:"))
        if out and (k in R.stops or k in R.of or k in R.coordination or k in R.relatives or
                    (R.participle and k.endswith(R.participle) and len(k) > len(R.participle) + 3)):
            break
        out.append(w)
    return " ".join(out)


def person(words: str | None, R: "Rules") -> bool:
    """Whether a (singular) noun phrase names a person: its head is a person noun."""
    if not words:
        return False
    words = head_chunk(words, R) or words
    head = norm(re.sub(r"['’]s$", "", words.split()[-1].strip(".,")).split("-")[-1])
    return head in R.person_nouns or (head.endswith(R.person_suffixes) and len(head) > 4) or \
        head.rstrip("s") in R.person_nouns


def not_people(words: str | None, R: "Rules") -> bool:
    """'oxen', 'heads of cattle' are no people; 'cattle trader' is (the head decides)."""
    if not words:
        return False
    first = head_chunk(words, R) or words
    ws = [norm(w.strip(".,")) for w in first.split()]
    return bool(ws) and (ws[-1] in R.not_people or (ws[0] in R.not_people and len(ws) == 1))


def is_plural_person(w: str, R: Rules) -> bool:
    w = norm(w.strip(",.;:'’\""))
    return w in R.irregular_plurals or (w.endswith("s") and (w[:-1] in R.person_nouns or
                                                              w[:-2] in R.person_nouns and w.endswith("es")
                                                              or w.endswith(tuple(x + "s" for x in R.person_suffixes))))


@lru_cache(maxsize=None)
def rules(language: str) -> Rules:
    return Rules(language)


def sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in SENT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `pos` (sentences sorted by start)."""
    i = bisect.bisect_right(sents, (pos, float("inf"))) - 1
    return sents[max(i, 0)]




def reload_lexicons() -> None:
    """Forget the loaded lexicons and compiled rules (after adding or editing user lexicon files)."""
    from . import lexicon, numbers
    lexicon.load.cache_clear()
    numbers._numbers.cache_clear()
    rules.cache_clear()
