"""Who asserted a number: "according to X", "X said / claimed / reported ...", a pronoun taking the previous
sentence's claimant; and whether that claimant is a party to the fighting."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .. import records
from .lexicon import norm
from .rules import Rules

def claimant_candidates(text: str, sents: list[tuple[int, int]], R: Rules) -> dict[tuple[int, int], list[tuple[int, str, int, int]]]:
    """Per sentence: (verb position, claimant text, claimant start, end)."""
    out: dict[tuple[int, int], list[tuple[int, str, int, int]]] = {}
    for s0, s1 in sents:
        cands: list[tuple[int, str, int, int]] = []
        for m in R.claim_preps.finditer(text, s0, s1):
            who = _trim_np(m.group("who"), R)
            if who:
                st = m.start("who")
                cands.append((m.start(), who, st, st + len(who)))
        for m in R.claim_verbs.finditer(text, s0, s1):
            seg_start = s0
            for b in re.finditer(r"[;:“”\"]|\b(?:%s)\b" % R.clause_breaks, text[s0:m.start()], re.I):
                seg_start = s0 + b.end()
            seg = text[seg_start:m.start()]
            parts = [p for p in seg.split(",")]
            who, who_start = "", seg_start
            acc = seg_start
            for p in parts:
                if p.strip():
                    who, who_start = p, acc
                acc += len(p) + 1
            if not who.strip() or not seg.rstrip().endswith(who.rstrip()):
                # ", said Colonel X" / "reported by X": the claimant follows the verb
                after = re.match(r"\s+((?:[A-Z][\w'’\-\.]*\s*){1,6})", text[m.end():s1]) or \
                    re.match(r"\s+((?:%s)\s*[\w’\-]+(?:\s+[\w'’\-]+){0,3})\s*(?=[.,;:!?]|$)" % R.articles,
                             text[m.end():s1], re.I)     # "..., a déclaré l'armée malienne."
                if after:
                    who = after.group(1).strip()
                    who_start = m.end() + after.start(1)
                else:
                    continue
            lead = len(who) - len(who.lstrip())
            who_start += lead
            who = who.strip()
            words = who.split()
            if len(words) > 8:
                who_start += len(who) - len(" ".join(words[-6:]))
                who = " ".join(words[-6:])
            if not who or re.search(r"\d", who) or R.after_any.search(who) or not re.search(r"[A-Za-z]", who):
                continue
            if all(norm(w) in R.claimant_function_words for w in who.split()) and norm(who) not in R.pronouns:
                continue                # "which was claimed by JNIM": a responsibility claim, no claimant
            cands.append((m.start(), who, who_start, who_start + len(who)))
        # headline attribution: "More than 60 killed in Darfur: UN", "Five shot dead - medics"
        tail = _HEADLINE_SOURCE.search(text, s0, s1)
        if tail and not cands:
            who = tail.group(1).strip()
            if not re.search(r"\d", who) and not R.after_any.search(who) and len(who.split()) <= 4:
                cands.append((tail.start(1), who, tail.start(1), tail.start(1) + len(who)))
        out[(s0, s1)] = sorted(cands)
    return out


_HEADLINE_SOURCE = re.compile(r"(?::|\s[-–—]\s)\s*([^\W\d_][\w'’. ]{1,40}?)\s*[\"”']?\s*[.;]?\s*$")


def _trim_np(s: str, R: Rules) -> str:
    words = s.strip().split()
    keep = []
    for w in words[:8]:
        if norm(w) in R.claimant_np_stops and keep:
            break
        keep.append(w)
    return " ".join(keep).strip(" '\"“”‘’")


def claimant_for(pos: int, sent: tuple[int, int], cands: dict, sents: list[tuple[int, int]],
                  R: Rules) -> tuple[str, int, int] | None:
    own = cands.get(sent, [])
    if not own:
        return None
    before = [c for c in own if c[0] <= pos]
    pick = before[-1] if before else own[0]
    who, st, en = pick[1], pick[2], pick[3]
    if norm(who) in R.pronouns:
        i = bisect.bisect_left(sents, sent)
        for back in range(i - 1, max(-1, i - 3), -1):
            prev = cands.get(sents[back], [])
            if prev and norm(prev[0][1]) not in R.pronouns:
                return prev[0][1], prev[0][2], prev[0][3]
    return who, st, en


def is_party(actor: records.Actor, parties: Sequence[records.Actor]) -> bool:
    for p in parties:
        if actor.kb_id and p.kb_id and actor.kb_id == p.kb_id:
            return True
        if actor.country and actor.sector and actor.country == p.country and actor.sector == p.sector:
            return True
    return False


