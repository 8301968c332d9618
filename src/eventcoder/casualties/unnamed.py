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
