"""Which reported act each casualty claim of an article belongs to.

    attach_claims(document, mentions, violent=..., resolve_claimant=None) -> mentions with claims and fatalities

- A sentence with violent mentions gives its claims to the violent mention nearest each number; its other violent
  mentions that got no death toll of their own share the sentence's claims ("militants attacked a patrol, one
  policeman was killed": one act told twice).
- A sentence that reports a toll but no violent act ("Two people died of their wounds.", "One reported fatality.",
  "Fatalities split across two events.") tells the toll of the act reported just before it: its claims go to the
  violent mentions of the nearest sentence before it within `reach` sentences (else the nearest one after it, for
  a toll given first). A sentence that dates itself long before publication, or has a background cue (lexicon
  `toll_background`: "previously", "last year", "similar attack") tells another toll and gives nothing; the same
  figure told again ("... killed a child. Fatalities: 1 civilian.") is the toll's total, not one more group.
- A sentence whose only violent mentions are words of its own killed claims ("One militiaman was killed and four
  wounded.": the mention 'killed' is the toll) tells the toll of the act reported before it, like a sentence with
  no violent mention: that act gets it too, unless it has a toll of its own (then the sentence tells another one).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from .. import records
from .aggregate import aggregate
from .extract import extract_claims

__all__ = ["attach_claims"]


def attach_claims(document: records.Document, mentions: Sequence[records.Mention], *,
                  violent: Callable[[records.Mention], bool],
                  resolve_claimant: Callable[[str], records.Actor | None] | None = None,
                  reach: int = 3, language: str = "en") -> list[records.Mention]:
    art = document.article
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(mentions):
        if violent(m):
            by_sentence.setdefault(m.sentence.start, []).append(i)
    out = list(mentions)
    if not by_sentence:
        return out

    def parties(idxs: Sequence[int]) -> tuple[records.Actor, ...]:
        return tuple({a for i in idxs for a in out[i].actors + out[i].recipients})

    def give(j: int, claims: Sequence[records.Claim]) -> None:
        out[j] = replace(out[j], claims=out[j].claims + tuple(claims))

    tolls: dict[int, list[records.Claim]] = {}      # sentences whose only violent words are their own toll
    for start, idxs in by_sentence.items():
        sent = out[idxs[0]].sentence
        claims = extract_claims(sent.text, article_id=art.id, offset=start, resolve_claimant=resolve_claimant,
                                parties=parties(idxs), language=language)
        if _toll_only(idxs, out, claims):
            tolls[start] = claims
        for c in claims:            # each claim goes to the violent mention nearest to its number
            give(min(idxs, key=lambda i: abs(out[i].trigger.start - (c.span.start if c.span else start))), [c])
        if claims and len(idxs) > 1:
            # "militants attacked a patrol, one policeman was killed": the acts of the sentence that got no toll of
            # their own share the sentence's toll (one act told twice; the fold merges the ledger, never counting twice)
            for i in idxs:
                if not any(c.kind == "killed" for c in out[i].claims):
                    give(i, claims)

    sentences = sorted(document.sentences, key=lambda s: s.start)
    order = {s.start: k for k, s in enumerate(sentences)}
    # a sentence whose violent mentions are only the words of its own toll ("One soldier was killed and two
    # wounded.") tells the toll of the act reported before it, like a sentence with no violent mention at all
    with_act = sorted(order[s] for s in by_sentence if s in order)
    acts = [x for x in with_act if sentences[x].start not in tolls]
    own_toll = {i for idxs in by_sentence.values() for i in idxs if any(c.kind == "killed" for c in out[i].claims)}
    for k, s in enumerate(sentences):
        if s.start in by_sentence and s.start not in tolls or not s.text.strip():
            continue
        before = [x for x in (acts if s.start in tolls else with_act) if k - reach <= x < k]
        after = [] if s.start in tolls else [x for x in with_act if k < x <= k + 1]
        target = before[-1] if before else (after[0] if after else None)
        if target is None or _background(s.text, art.published, language):
            continue
        idxs = by_sentence[sentences[target].start]
        if s.start in tolls:
            if any(i in own_toll for i in idxs):
                continue                # the act has a toll of its own: this sentence tells another one
            claims = list(tolls[s.start])
        else:
            claims = extract_claims(s.text, article_id=art.id, offset=s.start, resolve_claimant=resolve_claimant,
                                    parties=parties(idxs), language=language)
        held = {c.value for i in idxs for c in out[i].claims if c.kind == "killed"}
        # the same figure told again on its own ("... killed a child. Fatalities: 1 civilian.") is that toll's
        # total, not one more group
        claims = [replace(c, victims=None) if c.kind == "killed" and c.value in held else c for c in claims]
        if claims:              # every act of that sentence: the toll is the sentence's
            for i in idxs:
                give(i, claims)
    return [replace(m, fatalities=aggregate(m.claims)) if m.claims else m for m in out]


def _toll_only(idxs: Sequence[int], mentions: Sequence[records.Mention], claims: Sequence[records.Claim]) -> bool:
    """Whether every violent mention of a sentence is a word of one of its killed claims ("Three militiamen were
    killed": the mention 'killed' is the toll, not another act)."""
    spans = [c.span for c in claims if c.kind == "killed" and c.span is not None]
    return bool(spans) and all(any(sp.start <= mentions[i].trigger.start and mentions[i].trigger.end <= sp.end
                                   for sp in spans) for i in idxs)


def _background(text: str, published, language: str) -> bool:
    from ..when.resolver import LexiconError, is_historical
    from .rules import rules
    R = rules(language)
    if R.toll_background.search(text):
        return True
    try:
        return is_historical(text, published=published, language=language)
    except LexiconError:            # a language without a date lexicon: no date, no background
        return False
