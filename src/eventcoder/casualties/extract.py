"""Casualty claims from text: every number of killed / injured / abducted / arrested people (and attacker sizes),
with its victim group, who asserted it and whether that claimant is a party to the fighting.

    extract_claims(text, article_id=..., offset=..., resolve_claimant=..., parties=...) -> [records.Claim]

Rules, all driven by data/casualties/<lang>.yaml:
- a number followed by a victim group and a casualty word ("24 militants were killed", "six dead"), or preceded by
  a casualty verb ("killing at least nine", "death toll rose to 30"); active verbs with an object after them
  ("two gunmen killed a farmer") do not count the subject;
- coordinated groups under one verb ("84 Wagner mercenaries and 47 Malian soldiers") give one claim per group plus
  a total claim whose span covers them (aggregate() counts the total, not the parts);
- subsets ("three people including one civilian") are claims inside the span of their parent claim;
- coders' notes inside the text (ACLED): "unknown fatalities coded as 3" is a claim with qualifier "coded";
  "fatalities split across two events" a claim of kind "shared" (low = number of events), see coder_notes;
- claimant: "according to X", "X said/claimed/reported ..." in the same sentence, a pronoun ("They reported")
  taking the previous sentence's claimant; None = the reporter (unattributed).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from .. import records
from .claimants import claimant_candidates, claimant_for, is_party
from .coder_notes import coder_notes
from .lexicon import LexiconError, alt, norm
from .numbers import Num, find_numbers
from .rules import WORD as _WORD, Rules, not_people, person, rules, sentence_of, sentences
from .unnamed import _span_of_words, captive_killings, np_persons, pronoun_killings, unnamed_killings

__all__ = ["extract_claims", "LexiconError"]


@dataclass
class _Found:
    num: Num
    kind: str
    start: int                  # claim span (local)
    end: int
    victims: str | None
    victims_end: int
    via: str                    # pre | post | coord | subset
    parent: "_Found | None" = None
    members: list["_Found"] = field(default_factory=list)


def _victims_forward(text: str, start: int, limit: int, R: Rules, max_words: int = 7) -> tuple[str | None, int]:
    """Victim group right after a number: words up to a stop word, punctuation or `max_words`."""
    m = re.match(r"(?:\s+(?:%s)(?![\w]))?((?:\s+%s){0,%d})" % (R.of_rx, _WORD, max_words), text[start:limit],
                 re.I)                  # "of" is a word: "killed an officer" is no "of ficer"
    if not m:
        return None, start
    words = []
    end = start
    for w in re.finditer(_WORD, m.group(1)):
        token = w.group().rstrip(".")
        if not re.search(r"[^\W_]", token):
            break                       # "- paper": no word
        glued = re.match(r"([\w'’\-]+)\.[A-Z]", token)     # "civilians.The device": a missing space
        if glued:
            words.append(glued.group(1))
            end = start + m.start(1) + w.start() + len(glued.group(1))
            break
        if norm(token) in R.stops or norm(token) in R.coordination or R.after_kind.get(norm(token)):
            break
        words.append(token)
        end = start + m.start(1) + w.start() + len(token)
    if not words:
        return None, start
    return " ".join(words), end


_THEN: dict[int, re.Pattern] = {}


def _then_killed(R: Rules) -> re.Pattern:
    """' and [aux] <killed word>' right after another kind's word (lexicon: coordinators, auxiliaries, kinds)."""
    if id(R) not in _THEN:
        gw = R.lx.get("grammar_words") or {}
        _THEN[id(R)] = re.compile(r"\s+(?:%s)(?:\s+(?:%s))*\s+(?P<kind>%s)(?![\w])" % (
            alt(gw.get("coordination") or ["and"]), alt(R.lx.get("auxiliaries", [])),
            alt(((R.lx.get("kinds") or {}).get("killed") or {}).get("after", []))), re.I)
    return _THEN[id(R)]


def _post(text: str, n: Num, lim: int, R: Rules) -> tuple[str, int, str | None, int] | None:
    """'N [of] <victims> [aux] <kind word>' -> (kind, end of kind word, victims, end of victims)."""
    rest = text[n.end:lim]
    m = R.post_rx.match(rest)
    if not m:
        return None
    kind_word = norm(m.group("kind"))
    kind = R.after_kind.get(kind_word)
    if kind is None:
        return None
    vic = " ".join(m.group("vic").split()) or None
    if vic and re.search(r"[.;:!?]$", vic):
        return None
    kind_end = n.end + m.end("kind")
    if kind != "killed":
        # "4 youths were attacked and killed", "were ambushed and later executed": the verbs coordinated with the
        # first one tell the group's fate
        more = _then_killed(R).match(text, kind_end, lim)
        if more:
            kind, kind_word, kind_end = "killed", norm(more.group("kind")), more.end("kind")
    # active voice: "two gunmen killed a farmer" counts the farmer, not the gunmen
    if kind_word not in R.noun_after and R.object_rx.match(text, kind_end) and kind != "attackers":
        return None
    if kind == "attackers" and not (vic and any(norm(w) in R.attacker_nouns for w in vic.split())):
        return None
    vic_end = n.end + m.end("vic") if vic else n.end
    if vic and any(norm(w) in R.post_stops for w in vic.split()):
        return None                     # the group runs over a clause: "tens of people arrived with the corpses"
    if kind_word in R.noun_after and vic and (len(vic.split()) > 3 or any(norm(w) in R.of for w in vic.split())):
        return None                     # "two groups of bodies"
    if n.article and not person(vic, R):
        return None
    if vic and (norm(vic.split()[0]) in R.non_victims and n.qualifier != "vague" or not_people(vic, R)):
        return None
    return kind, kind_end, vic, vic_end


def _pre(text: str, n: Num, sent_start: int, R: Rules) -> tuple[str, int] | None:
    """'<kind verb> N' -> (kind, start of the verb)."""
    head = text[max(sent_start, n.start - 60):n.start]
    for kind, rx in R.before.items():
        m = rx.search(head)
        if m:
            if R.irrealis.search(head, 0, m.start()):
                return None             # "tried to lynch a woman"
            return kind, n.start - (len(head) - m.start())
    return None


def _find(text: str, R: Rules) -> list[_Found]:
    """Every number with a casualty kind, in text order, linked into coordinations and subsets."""
    sents = sentences(text)
    nums = find_numbers(text, R.lx.get("language", "en"))
    found: list[_Found] = []
    done: set[int] = set()
    for i, n in enumerate(nums):
        s0, s1 = sentence_of(sents, n.start)
        prev = found[-1] if found else None
        gap = text[prev.victims_end:n.start] if prev else ""
        subset = prev is not None and prev.num.end <= n.start and R.subset_rx.search(text[prev.num.end:n.start]) \
            and n.start - prev.victims_end < 40 and s0 <= prev.start
        pre = _pre(text, n, s0, R)
        post = _post(text, n, s1, R)
        if pre and post and pre[0] == "attackers" and post[0] != "attackers":
            pre = None                      # "a group of 5 people were killed"
        if not pre and not subset and R.of_before.search(text, max(0, n.start - 6), n.start):
            continue                    # "members of one family", "a staffer of an INGO": part of a larger phrase
        if pre:
            kind, start = pre
            vic, vend = _victims_forward(text, n.end, s1, R)
            if n.article and (not vic or norm(vic.split()[0]) in R.non_victims and not person(vic, R)):
                continue                # after a casualty verb an article's noun is its victim ("killed a tracker")
            if not_people(vic, R):
                continue
            if kind == "attackers" and not (vic and any(norm(w) in R.attacker_nouns for w in vic.split())):
                continue
            if n.article and vic and re.match(r"\s+(?:%s)\s" % alt(R.coordination), text[vend:vend + 6], re.I):
                # "killed a village chief and his brother": one person per coordinated group
                words = text[n.start:s1].split()
                count, used, groups = np_persons(words, R)
                if count > 1:
                    n = Num(n.start, n.end, n.text, count, count, "exact", True)
                    vic, vend = R.and_word.join(groups), _span_of_words(text, n.start, words[:used])
            f = _Found(n, kind, start, vend, vic, vend, "pre")
        elif post:
            kind, kend, vic, vend = post
            if re.match(r"\s+(?:%s)\s+(?:%s)\b" % (R.of_rx, R.possessives), text[n.end:n.end + 14], re.I) \
                    and n.qualifier == "exact":
                n = Num(n.start, n.end, n.text, n.low, None, "at_least", n.article)   # "one of its commanders"
            # the victim group runs into the next number: "2 gendarmes and a civilian were killed" (coordination)
            # or "three people including one civilian were wounded" (subset): keep only this number's group
            # the next number that counts on its own ("members of one family": "one" is part of the group)
            nxt = next((q for q in nums[i + 1:] if not R.of_before.search(text, max(0, q.start - 6), q.start)),
                       None)
            if vic and nxt is not None and n.end < nxt.start < vend:
                vic, vend = _victims_forward(text, n.end, nxt.start, R)
                if vic is None:
                    vend = n.end
                gap = text[vend:nxt.start]
                if not (R.coord_rx.match(gap) or R.subset_rx.search(" " + gap)):
                    continue            # "two Arab tribes in western Sudan leave 27 killed": the 27 were killed
            if n.article and vic and any(norm(w) in R.coordination for w in vic.split()):
                count, _, _ = np_persons([n.text] + vic.split(), R)
                if count > 1:                   # "A sub-officer and his younger brother were assassinated"
                    n = Num(n.start, n.end, n.text, count, count, "exact", True)
            f = _Found(n, kind, n.start, kend, vic, vend, "post")
        elif prev is not None and prev.num.end <= n.start and s0 <= prev.start and (
                subset or R.coord_rx.match(gap)):
            vic, vend = _victims_forward(text, n.end, s1, R)
            if not_people(vic, R) or (n.article and not (person(vic, R) or prev.via == "pre" and vic
                                                         and norm(vic.split()[0]) not in R.non_victims)):
                continue
            f = _Found(n, prev.kind, n.start, vend, vic, vend, "subset" if subset else "coord")
        else:
            continue
        # subset / coordination links to the claim just before
        if prev is not None and s0 <= prev.start and prev.num.end <= n.start and f.kind == prev.kind:
            if subset or (prev.via == "subset" and R.coord_rx.match(gap)):
                parent = prev if subset else (prev.parent or prev)
                f.via, f.parent = "subset", parent
                parent.end = max(parent.end, f.end, f.victims_end)
                if parent.parent is not None:
                    parent.parent.end = max(parent.parent.end, parent.end)
            elif R.coord_rx.match(gap):
                if prev.via != "subset":
                    root = prev if prev.parent is None else prev.parent
                    if f not in root.members:
                        if not root.members:
                            root.members.append(prev)
                        root.members.append(f)
                    f.parent = root
                    f.via = "coord"
        if R.background.search(text, max(s0, f.start - 80), f.start):
            continue                    # the deaths that caused a protest, or an earlier attack avenged
        if f.via == "post" and not subset:
            _coordinate_back(text, nums, i, f, done, s0, s1, R, found)
        if f.via == "pre":
            d = R.dual_rx.search(text, max(s0, n.start - 60), n.start)
            if d:
                for kind2 in R.dual[norm(d.group("d"))]:
                    if kind2 != f.kind:
                        found.append(_Found(n, kind2, f.start, f.end, f.victims, f.victims_end, "dual"))
        found.append(f)
        done.add(i)
    return found


def _coordinate_back(text: str, nums: list[Num], i: int, f: _Found, done: set[int], s0: int, s1: int, R: Rules,
                     found: list[_Found]) -> None:
    """'4 civilians, 2 assailants and 1 soldier dead': the numbers before the one that carries the casualty word
    share its kind; they become groups of one coordinated claim."""
    chain: list[Num] = []
    cur = f.num.start
    for k in range(i - 1, -1, -1):
        p = nums[k]
        if k in done or p.start < s0:
            break
        gap = text[p.end:cur]
        if not R.chain_gap.fullmatch(gap) or R.after_any.search(gap) or \
                any(norm(w) in R.stops for w in re.findall(r"[\w'’-]+", gap)):
            break
        chain.insert(0, p)
        cur = p.start
    if not chain:
        return
    members = []
    for p in chain:
        vic, vend = _victims_forward(text, p.end, s1, R)
        if not_people(vic, R) or (p.article and not person(vic, R)):
            return
        members.append(_Found(p, f.kind, p.start, vend, vic, vend, "coord"))
    root = members[0]
    root.members = members + [f]
    for m in members[1:] + [f]:
        m.parent = root
    f.via = "coord"
    f.victims_end = max(f.victims_end, f.end)
    found.extend(members)


_ASIDE = re.compile(r"\(([^()\[\]\n]{1,80})\)|\[([^()\[\]\n]{1,80})\]")


def _without_asides(text: str, R: Rules) -> str:
    """The text with its bracketed asides blanked out (same length, so offsets hold): a victim group and its verb
    are read across them ("A police reservist (KPR) was killed", "At least 20 (some reports 30) have been killed",
    "five militiamen (including four X and one Y) were killed"). An aside that tells a casualty of its own (a kind
    word of the lexicon: "(10 fatalities coded for 6 July)", "(one later died)") stays."""
    def blank(m: re.Match) -> str:
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if R.after_any.search(inner) or any(rx.search(inner + " 1") for rx in R.before.values()):
            return m.group()
        return " " * len(m.group())
    return _ASIDE.sub(blank, text)


def extract_claims(text: str, *, article_id: str = "", offset: int = 0,
                   resolve_claimant: Callable[[str], records.Actor | None] | None = None,
                   parties: Sequence[records.Actor] = (), language: str = "en") -> list[records.Claim]:
    """Every casualty number in `text` as a records.Claim (kind, low/high, qualifier, victims, claimant, span).

    Spans are `offset` + local offsets with `article_id`. `resolve_claimant(name)` maps a claimant as written to an
    Actor; a claimant that resolves to one of `parties` (same kb_id, or same country and sector) is a party.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if not isinstance(offset, int) or offset < 0:
        raise ValueError(f"offset must be a non-negative int, got {offset!r}")
    if resolve_claimant is not None and not callable(resolve_claimant):
        raise TypeError("resolve_claimant must be a callable taking the claimant text and returning an Actor or None")
    parties = tuple(parties or ())
    if any(not isinstance(p, records.Actor) for p in parties):
        raise TypeError("parties must be records.Actor instances")
    if not isinstance(language, str) or not language:
        raise TypeError(f"language must be an ISO 639-1 code such as 'en', got {language!r}")
    R = rules(language.lower().split("-")[0].split("_")[0])
    if not text.strip():
        return []
    sents = sentences(text)
    cands = claimant_candidates(text, sents, R)
    grammar = _without_asides(text, R)     # the rules read past asides; spans and claimants use the text itself
    found = _find(grammar, R)

    claims: list[records.Claim] = []
    cache: dict[str, records.Actor | None] = {}

    def make(kind: str, low: int | None, high: int | None, qual: str, victims: str | None, start: int, end: int
             ) -> records.Claim:
        sent = sentence_of(sents, start)
        who = claimant_for(start, sent, cands, sents, R)
        claimant = who[0] if who else None
        actor = None
        if claimant and resolve_claimant is not None:
            if claimant not in cache:
                cache[claimant] = resolve_claimant(claimant)
            actor = cache[claimant]
        if claimant is None:
            party: bool | None = False
        elif actor is not None and parties:
            party = is_party(actor, parties)
        elif norm(claimant) in R.neutral or norm(re.sub(r"^(?:%s)\s+" % R.articles, "", claimant, flags=re.I)) in R.neutral:
            party = False
        else:
            party = None
        span_text = text[start:end]
        return records.Claim(kind=kind, low=low, high=high, qualifier=qual, victims=victims, claimant=claimant,
                             claimant_actor=actor, party_to_fight=party, text=span_text,
                             span=records.Span(article_id, offset + start, offset + end, span_text))

    for f in found:
        if f.members or (f.parent is not None and f.via == "coord"):
            start, end = f.num.start, max(f.num.end, f.victims_end)      # one group of a coordination
        else:
            start, end = f.start, max(f.end, f.victims_end)
        claims.append(make(f.kind, f.num.low, f.num.high, f.num.qualifier, f.victims, start, end))
        if f.members and f.parent is None:
            members = f.members
            lows = [m.num.low for m in members]
            highs = [m.num.high for m in members]
            quals = {m.num.qualifier for m in members}
            qual = "vague" if "vague" in quals else ("exact" if quals == {"exact"} else
                                                    "at_least" if None in highs else "at_most" if None in lows
                                                    else "range" if "range" in quals else "about")
            low = sum(lows) if None not in lows else None
            high = sum(highs) if None not in highs else None
            start = min(m.start for m in members + [f])
            end = max(max(m.end, m.victims_end) for m in members + [f])
            victims = R.and_word.join(m.victims for m in members if m.victims) or None
            total = make(f.kind, low, high, qual, victims, max(start, 0), end)
            claims.append(total)
    taken = [(c.span.start - offset, c.span.end - offset) for c in claims if c.span]
    for start, end, n, victims, qual in unnamed_killings(grammar, R, taken):
        claims.append(make("killed", n, n, qual, victims, start, end))
    counted = sorted((c.span.start - offset, c.span.end - offset, c.kind, c.low, c.high, c.qualifier, c.victims)
                     for c in claims if c.span)
    for start, end, low, high, qual, victims in pronoun_killings(grammar, R, counted):
        claims.append(make("killed", low, high, qual, victims, start, end))
    counted = sorted((c.span.start - offset, c.span.end - offset, c.kind, c.low, c.high, c.qualifier, c.victims)
                     for c in claims if c.span)
    for start, end, low, high, qual, victims in captive_killings(grammar, R, counted):
        claims.append(make("killed", low, high, qual, victims, start, end))
    for kind, rx in R.zero:
        for m in rx.finditer(text):
            if any(c.span and c.span.start - offset <= m.start() < c.span.end - offset for c in claims):
                continue
            claims.append(make(kind, 0, 0, "exact", None, m.start(), m.end()))
    for m in R.vague_losses.finditer(text):
        claims.append(make("losses", None, None, "vague", None, m.start(), m.end()))
    for kind, n, start, end in coder_notes(text, R.lx.get("language", "en")):
        # the coder's recorded figure ("unknown fatalities coded as 3") / a total shared between n recorded events
        # (the coder speaks, not a party: no claimant)
        c = make(kind, n, n, "coded" if kind == "killed" else "exact", None, start, end)
        claims.append(records.Claim(kind=c.kind, low=n, high=n, qualifier=c.qualifier, party_to_fight=False,
                                    text=c.text, span=c.span))
    elsewhere = (R.lx.get("coder_notes") or {}).get("elsewhere") or []
    if elsewhere:
        # "2 killed (coded separately)": the coder recorded these deaths as another event
        rx = re.compile(r"[\s(\[,;-]*(?:%s)(?![\w])" % alt(elsewhere), re.I)
        claims = [c for c in claims if not (c.kind == "killed" and c.qualifier != "coded" and c.span
                                            and rx.match(text, c.span.end - offset))]
    unconfirmed = R.lx.get("unconfirmed") or []
    if unconfirmed:
        # a figure its own sentence calls unconfirmed ("Unconfirmed reports say 30 were killed") is a weaker
        # estimate: like a vague one it counts only when nothing firmer is reported (aggregate)
        rx = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(unconfirmed), re.I)
        doubted = [s for s in sents if rx.search(text, s[0], s[1])]
        if doubted:
            claims = [replace(c, qualifier="vague") if c.kind == "killed" and c.qualifier != "coded" and c.span
                      and sentence_of(sents, c.span.start - offset) in doubted else c for c in claims]
    claims.sort(key=lambda c: (c.span.start if c.span else 0, -(c.span.end if c.span else 0)))
    return claims
