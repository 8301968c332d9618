"""Killings of persons named without a number: "killed the station chief and his brother" (2), "The pilot died of
his wounds" (1), "killing militiamen" (a plural without a number: ACLED's vague count, 3 by default)."""
from __future__ import annotations

import re

from .lexicon import norm
from .rules import Rules, is_plural_person, person as _person

def np_persons(words: list[str], R: Rules) -> tuple[int, int, list[str]]:
    """Count persons in 'the station chief and his brother' -> (count, number of words used, [groups])."""
    count, used, groups = 0, 0, []
    i = 0
    while i < len(words):
        j = i
        if norm(words[j]) in R.determiners:
            j += 1
        head_at = None
        for k in range(j, min(j + 5, len(words))):
            w = words[k]
            bare = w.rstrip(",.;:)'’\"")
            if norm(bare) in R.stops or norm(bare) in R.coordination or norm(bare) in R.relatives or \
                    norm(bare) in R.simple_aux:
                break
            if is_plural_person(bare, R):
                return count, used, groups          # a plural without a number: not a count of one
            if _person(bare, R):
                head_at = k
            if bare != w:                           # punctuation ends the phrase
                break
        if head_at is None:
            break
        count += 1
        groups.append(" ".join(words[i:head_at + 1]).rstrip(",.;:)'’\""))
        used = head_at + 1
        if words[head_at] != words[head_at].rstrip(",.;:)") or head_at + 1 >= len(words) or \
                norm(words[head_at + 1]) not in R.coordination:
            break
        i = head_at + 2
    return count, used, groups


def _span_of_words(text: str, start: int, words: list[str]) -> int:
    """End offset in text of `words` read from `start`."""
    pos = start
    for k, w in enumerate(words):
        if k == len(words) - 1:
            w = w.rstrip(",.;:)'’\"")
        pos = text.index(w, pos) + len(w)
    return pos


def unnamed_killings(text: str, R: Rules, taken: list[tuple[int, int]]) -> list[tuple[int, int, int, str, str]]:
    """Killings of persons named without a number: (start, end, count, victims, qualifier)."""
    out: list[tuple[int, int, int, str, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in taken + [(o[0], o[1]) for o in out])

    for m in R.def_verbs.finditer(text):
        if R.irrealis.search(text, max(0, m.start() - 40), m.start()) or \
                R.background.search(text, max(0, m.start() - 60), m.start()):
            continue
        rest = text[m.end():m.end() + 120]
        words = rest.split()
        if not words:
            continue
        # object: "killed the station chief (and his brother)", "kills man", "killing militiamen" (vague)
        w0 = norm(words[0].strip(",.;:'’\""))
        if w0 in R.determiners - {"a", "an"} or _person(words[0].rstrip(",.;:"), R):
            n, used, groups = np_persons(words, R)
            if n:
                end = _span_of_words(text, m.end(), words[:used])
                if free(m.start(), end):
                    out.append((m.start(), end, n, R.and_word.join(groups), "exact"))
                continue
        for k in range(0, 3):
            if k < len(words) and is_plural_person(words[k], R):
                if all(norm(x) not in R.determiners and not re.search(r"\d", x) and norm(x) not in R.stops
                       for x in words[:k]):
                    end = _span_of_words(text, m.end(), words[:k + 1])
                    if free(m.start(), end):
                        out.append((m.start(), end, R.plural_vague, " ".join(words[:k + 1]).rstrip(",.;:"), "vague"))
                break
    # subject: "The pilot died of his wounds", "Lawyer killed at her home", "he succumbed"
    for m in R.death_verbs.finditer(text):
        if R.background.search(text, max(0, m.start() - 60), m.start()):
            continue
        if R.object_rx.match(text, m.end()) or re.match(r"\s+(?:%s)\b" % R.object_pronouns, text[m.end():m.end() + 8],
                                                         re.I):
            continue                    # active: "a mob attacked a man, killed him" -- the object is counted elsewhere
        sent_start = max([text.rfind(c, 0, m.start()) for c in ".;!?\n"]) + 1
        seg = text[sent_start:m.start()]
        parts = [p for p in re.split(r",", seg) if p.strip()]
        cands = [parts[-1], parts[0]] if parts else []
        for part in cands:
            words = part.split()
            while words and (norm(words[-1]) in R.adverbs or norm(words[-1]) in R.simple_aux):
                words = words[:-1]
            while words and norm(words[0]) in R.clause_openers:
                words = words[1:]
            if not words or len(words) > 7 or any(re.search(r"\d", w) for w in words):
                continue
            if len(words) == 1 and norm(words[0]) in R.one_pronouns:
                n, groups = 1, [words[0]]
            else:
                # a trailing prepositional phrase may follow the head: "The mayor of Mondoro"
                cut = next((i for i, w in enumerate(words) if norm(w) in R.trailing_preps), len(words))
                n, used, groups = np_persons(words[:cut], R)
                # the head may carry a post-modifier: "a man travelling aboard a motorbike", "a reservist (KPR)"
                if not n or used != cut and not _post_modifier(words[used], R):
                    continue
            a = text.index(words[0], sent_start + seg.index(part))
            if free(a, m.end()):
                out.append((a, m.end(), n, R.and_word.join(groups), "exact"))
            break
    return out




def pronoun_killings(text: str, R: Rules, counted: list[tuple[int, int, str, int | None, int | None, str, str | None]]
                     ) -> list[tuple[int, int, int | None, int | None, str, str | None]]:
    """Killings whose object is a pronoun: "captured two thieves and burned them alive" counts the two thieves.
    `counted`: (start, end, kind, low, high, qualifier, victims) of the claims found so far. A pronoun refers to the
    last group counted before it in its sentence or the one before; a killing already counted in that stretch
    ("attacked a man and killed him") is that group's. Returns (start, end, low, high, qualifier, victims)."""
    out = []
    if not R.pronoun_counts:
        return out
    for m in R.pronoun_kill.finditer(text):
        pron = norm(m.group("p1") or m.group("p2"))
        sent_start = max([text.rfind(c, 0, m.start()) for c in ".;!?\n"]) + 1
        prev_start = max([text.rfind(c, 0, max(sent_start - 1, 0)) for c in ".;!?\n"]) + 1 if sent_start else 0
        before = [c for c in counted if prev_start <= c[0] and c[1] <= m.start() + len(m.group())]
        if any(c[2] == "killed" for c in before):
            continue
        n = R.pronoun_counts.get(pron)
        if n == "group":
            group = [c for c in before if c[2] not in ("attackers",) and c[3] is not None]
            # "arrested three men including two farmers and a trader and burned them alive": the pronoun is the
            # whole group, not the last of its parts (a claim whose span lies inside another's)
            group = [c for c in group if not any(o[0] <= c[0] and c[1] <= o[1] and (o[0], o[1]) != (c[0], c[1])
                                                 for o in group)]
            if not group:
                continue
            g = group[-1]
            out.append((m.start(), m.end(), g[3], g[4], g[5], g[6]))
        elif isinstance(n, int):        # "abducted a farmer and later killed him": the farmer
            one = [c for c in before if c[3] == n and c[4] == n and c[6]]
            out.append((m.start(), m.end(), n, n, "exact", one[-1][6] if one else (m.group("p1") or m.group("p2"))))
    return out


def _post_modifier(word: str, R: Rules) -> bool:
    """Whether `word` opens a phrase that modifies the noun before it (a participle, a preposition, a parenthesis)."""
    w = norm(word.strip(",;:'’\""))
    return word.startswith(("(", "[")) or w in R.stops or w in R.trailing_preps or \
        bool(R.participle) and w.endswith(R.participle) and len(w) > len(R.participle) + 3


_FATE_CACHE: dict[int, tuple] = {}


def _fate_rules(R: Rules) -> tuple:
    key = id(R)
    if key not in _FATE_CACHE:
        from .lexicon import alt
        lx = R.lx.get("captive_fate") or {}
        kinds = set(lx.get("kinds") or [])
        rx = {n: re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get(n) or []), re.I) if lx.get(n) else None
              for n in ("any", "one", "many")}
        _FATE_CACHE[key] = (kinds, rx)
    return _FATE_CACHE[key]


def captive_killings(text: str, R: Rules, counted: list[tuple[int, int, str, int | None, int | None, str, str | None]]
                     ) -> list[tuple[int, int, int | None, int | None, str, str | None]]:
    """Captives whose death the same sentence tells without a number of its own (lexicon `captive_fate`):
    "four men were abducted and executed" (4), "a trader was kidnapped, his body was found days later" (1).
    `counted` as for pronoun_killings. A sentence that already counts a killing gives nothing (that count is the
    captives' or tells them apart); a cue for one body ("his body", "the corpse") counts only a single captive, a
    plural one ("the bodies") only a group. Returns (start, end, low, high, qualifier, victims) from the captive
    number to the cue."""
    kinds, rx = _fate_rules(R)
    out: list[tuple[int, int, int | None, int | None, str, str | None]] = []
    if not kinds:
        return out
    captives = [c for c in counted if c[2] in kinds and c[3] is not None and c[3] > 0]
    captives = [c for c in captives if not any(o[0] <= c[0] and c[1] <= o[1] and (o[0], o[1]) != (c[0], c[1])
                                               for o in captives)]
    used: set[int] = set()
    for c in captives:
        ends = [i for i in (text.find(ch, c[1]) for ch in ".;!?\n") if i >= 0]
        stop = min(ends) if ends else len(text)
        starts = [text.rfind(ch, 0, c[0]) for ch in ".;!?\n"]
        begin = max(starts) + 1
        if begin in used or any(k[2] == "killed" and begin <= k[0] < stop for k in counted):
            continue
        tail = text[c[1]:stop]
        single = c[3] == 1 and c[4] == 1
        cues = [r for r in (rx["any"], rx["one"] if single else rx["many"]) if r is not None]
        hits = [m for r in cues for m in [r.search(tail)] if m]
        if not hits:
            continue
        m = min(hits, key=lambda h: h.start())
        used.add(begin)
        out.append((c[0], c[1] + m.end(), c[3], c[4], c[5], c[6]))
    return out
