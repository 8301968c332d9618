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
- claimant: "according to X", "X said/claimed/reported ..." in the same sentence, a pronoun ("They reported")
  taking the previous sentence's claimant; None = the reporter (unattributed).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .. import records
from .lexicon import LexiconError, alt, load, norm
from .numbers import Num, find_numbers

__all__ = ["extract_claims", "LexiconError"]

_SENT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+|;\s*")
_WORD = r"[\w'’\-\.]+"


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


class _Rules:
    def __init__(self, language: str) -> None:
        lx = load(language)
        self.lx = lx
        kinds = lx.get("kinds") or {}
        self.after = {k: re.compile(r"(?:%s)(?![\w])" % alt(v.get("after", [])), re.I) for k, v in kinds.items()}
        self.before = {k: re.compile(r"(?<![\w])(?:%s)[)'’\"]?\s*:?\s*$" % alt(v.get("before", [])), re.I)
                       for k, v in kinds.items()}
        self.after_any = re.compile(r"(?<![\w])(?P<kind>%s)(?![\w])" % alt(
            [w for v in kinds.values() for w in v.get("after", [])]), re.I)
        self.post_rx = re.compile(r"(?:\s+of)?(?P<vic>(?:\s+%s){0,10}?)(?P<aux>(?:\s+(?:%s))*)\s+(?P<kind>%s)(?![\w])" % (
            _WORD, alt(lx.get("auxiliaries", [])), alt([w for v in kinds.values() for w in v.get("after", [])])), re.I)
        self.after_kind = {norm(w): k for k, v in kinds.items() for w in v.get("after", [])}
        self.aux = alt(lx.get("auxiliaries", []))
        self.stops = {norm(w) for w in lx.get("victim_stops", [])}
        self.stop_rx = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("victim_stops", [])), re.I)
        self.subset_rx = re.compile(r"(?:^|[\s,(])(?:%s)\s*[:,]?\s*$" % alt(lx.get("subset_cues", [])), re.I)
        self.coord_rx = re.compile(r"^\s*(?:%s)\s*$" % alt(lx.get("coordinators", [])), re.I)
        self.attacker_nouns = {norm(w) for w in lx.get("attacker_nouns", [])}
        self.non_victims = {norm(w) for w in lx.get("non_victims", [])}
        self.claim_verbs = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("claimant_verbs", [])), re.I)
        self.claim_preps = re.compile(r"(?<![\w])(?:%s)\s+(?P<who>[^,.;:()\n]{2,80})" % alt(
            lx.get("claimant_prepositions", [])), re.I)
        self.pronouns = {norm(w) for w in lx.get("pronouns", [])}
        self.neutral = {norm(w) for w in lx.get("neutral_sources", [])}
        zero = lx.get("zero") or {}
        self.zero = [(k, re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(v), re.I)) for k, v in zero.items()]
        self.vague_losses = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("vague_losses", [])), re.I)
        noun_kinds = [w for v in kinds.values() for w in v.get("after", [])
                      if norm(w) in ("dead", "deaths", "fatalities", "bodies", "corpses", "casualties", "injuries",
                                     "hostages", "arrests", "killings", "dead bodies", "people dead")]
        self.noun_after = {norm(w) for w in noun_kinds}
        self.not_people = {norm(w) for w in lx.get("not_people", [])}
        self.background = re.compile(r"(?<![\w])(?:%s)(?:\s+[\w'’-]+){0,3}\s*$" % alt(lx.get("background_before", [])),
                                     re.I)
        self.person_nouns = {norm(w) for w in lx.get("person_nouns", [])}
        self.person_suffixes = tuple(str(w) for w in lx.get("person_suffixes", []))
        self.irrealis = re.compile(r"(?<![\w])(?:%s)\s*$" % alt(lx.get("irrealis_before", [])), re.I)
        self.post_stops = self.stops - {"in", "at", "on", "from", "near", "of", "in the"} - {
            w for c in lx.get("subset_cues", []) for w in norm(c).split()}
        self.def_verbs = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("definite_verbs", [])), re.I)
        self.determiners = {norm(w) for w in lx.get("definite_determiners", [])}
        self.irregular_plurals = {norm(w) for w in lx.get("irregular_plurals", [])}
        self.plural_vague = int(lx.get("plural_vague", 3))
        self.death_verbs = re.compile(r"(?<![\w])(?:%s)(?![\w])" % alt(lx.get("death_verbs", [])), re.I)
        self.dual = {norm(k): list(v) for k, v in (lx.get("dual_before") or {}).items()}
        self.dual_rx = re.compile(r"(?<![\w])(?P<d>%s)\s*$" % alt(lx.get("dual_before") or {}), re.I)
        self.object_rx = re.compile(r"\s+(?:and\s+(?:%s)\s+)*(?:a|an|the|his|her|their|its|two|three|four|five|six|"
                                    r"seven|eight|nine|ten|several|dozens|hundreds|scores|\d+|one)\b" % alt(
                                        [w for v in kinds.values() for w in v.get("after", [])]), re.I)


def _person(words: str | None, R: "_Rules") -> bool:
    """Whether a (singular) noun phrase names a person: its head is a person noun."""
    if not words:
        return False
    head = norm(re.sub(r"['’]s$", "", words.split()[-1].strip(".,")).split("-")[-1])
    return head in R.person_nouns or (head.endswith(R.person_suffixes) and len(head) > 4) or \
        head.rstrip("s") in R.person_nouns


def _not_people(words: str | None, R: "_Rules") -> bool:
    """'oxen', 'heads of cattle' are no people; 'cattle trader' is (the head decides)."""
    if not words:
        return False
    first = re.split(r"\s+(?:and|or|who|which|that)\s+", words)[0]
    ws = [norm(w.strip(".,")) for w in first.split()]
    return bool(ws) and (ws[-1] in R.not_people or (ws[0] in R.not_people and len(ws) == 1))


@lru_cache(maxsize=None)
def _rules(language: str) -> _Rules:
    return _Rules(language)


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _SENT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]


def _sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in sents:
        if s <= pos < e or (pos == e):
            return s, e
    return sents[-1]


def _victims_forward(text: str, start: int, limit: int, R: _Rules, max_words: int = 7) -> tuple[str | None, int]:
    """Victim group right after a number: words up to a stop word, punctuation or `max_words`."""
    m = re.match(r"(?:\s+of)?((?:\s+%s){0,%d})" % (_WORD, max_words), text[start:limit])
    if not m:
        return None, start
    words = []
    end = start
    for w in re.finditer(_WORD, m.group(1)):
        token = w.group().rstrip(".")
        glued = re.match(r"([\w'’\-]+)\.[A-Z]", token)     # "civilians.The device": a missing space
        if glued:
            words.append(glued.group(1))
            end = start + m.start(1) + w.start() + len(glued.group(1))
            break
        if norm(token) in R.stops or norm(token) in ("and", "or", "but") or R.after_kind.get(norm(token)):
            break
        words.append(token)
        end = start + m.start(1) + w.start() + len(token)
    if not words:
        return None, start
    return " ".join(words), end


def _post(text: str, n: Num, lim: int, R: _Rules) -> tuple[str, int, str | None, int] | None:
    """'N [of] <victims> [aux] <kind word>' -> (kind, end of kind word, victims, end of victims)."""
    rest = text[n.end:lim]
    m = R.post_rx.match(rest)
    if not m:
        # "six dead" with no space-separated victim words handled above; also "N, mostly civilians, were killed"
        return None
    kind_word = norm(m.group("kind"))
    kind = R.after_kind.get(kind_word)
    if kind is None:
        return None
    vic = " ".join(m.group("vic").split()) or None
    if vic and re.search(r"[.;:!?]$", vic):
        return None
    kind_end = n.end + m.end("kind")
    # active voice: "two gunmen killed a farmer" counts the farmer, not the gunmen
    if kind_word not in R.noun_after and R.object_rx.match(text, kind_end) and kind != "attackers":
        return None
    if kind == "attackers" and not (vic and any(norm(w) in R.attacker_nouns for w in vic.split())):
        return None
    vic_end = n.end + m.end("vic") if vic else n.end
    if vic and any(norm(w) in R.post_stops for w in vic.split()):
        return None                     # the group runs over a clause: "tens of people arrived with the corpses"
    if kind_word in R.noun_after and vic and (len(vic.split()) > 3 or " of " in f" {vic} "):
        return None                     # "two groups of bodies"
    if n.article and not _person(re.split(r"\s+(?:of|and)\s+", vic or "")[0] or None, R):
        return None
    if vic and (norm(vic.split()[0]) in R.non_victims and n.qualifier != "vague" or _not_people(vic, R)):
        return None
    return kind, kind_end, vic, vic_end


def _pre(text: str, n: Num, sent_start: int, R: _Rules) -> tuple[str, int] | None:
    """'<kind verb> N' -> (kind, start of the verb)."""
    head = text[max(sent_start, n.start - 60):n.start]
    for kind, rx in R.before.items():
        m = rx.search(head)
        if m:
            if R.irrealis.search(head, 0, m.start()):
                return None             # "tried to lynch a woman"
            return kind, n.start - (len(head) - m.start())
    return None


def _find(text: str, R: _Rules) -> list[_Found]:
    sents = _sentences(text)
    nums = find_numbers(text, R.lx.get("language", "en"))
    found: list[_Found] = []
    done: set[int] = set()
    for i, n in enumerate(nums):
        s0, s1 = _sentence_of(sents, n.start)
        prev = found[-1] if found else None
        gap = text[prev.victims_end:n.start] if prev else ""
        subset = prev is not None and prev.num.end <= n.start and R.subset_rx.search(text[prev.num.end:n.start]) \
            and n.start - prev.victims_end < 40 and s0 <= prev.start
        pre = _pre(text, n, s0, R)
        post = _post(text, n, s1, R)
        if pre and post and pre[0] == "attackers" and post[0] != "attackers":
            pre = None                      # "a group of 5 people were killed"
        if not pre and not subset and re.search(r"(?<![\w])of\s*$", text[max(0, n.start - 4):n.start]):
            continue                    # "members of one family", "a staffer of an INGO": part of a larger phrase
        if pre:
            kind, start = pre
            vic, vend = _victims_forward(text, n.end, s1, R)
            if n.article and (not vic or norm(vic.split()[0]) in R.non_victims):
                continue                # after a casualty verb an article's noun is its victim ("killed a tracker")
            if _not_people(vic, R):
                continue
            if kind == "attackers" and not (vic and any(norm(w) in R.attacker_nouns for w in vic.split())):
                continue
            f = _Found(n, kind, start, vend, vic, vend, "pre")
        elif post:
            kind, kend, vic, vend = post
            if re.match(r"\s+of\s+(?:the|its|their|his|her|our|those|these)\b", text[n.end:n.end + 12], re.I) \
                    and n.qualifier == "exact":
                n = Num(n.start, n.end, n.text, n.low, None, "at_least", n.article)   # "one of its commanders"
            # the victim group runs into the next number: "2 gendarmes and a civilian were killed" (coordination)
            # or "three people including one civilian were wounded" (subset): keep only this number's group
            nxt = nums[i + 1] if i + 1 < len(nums) else None
            if vic and nxt is not None and n.end < nxt.start < vend:
                vic, vend = _victims_forward(text, n.end, nxt.start, R)
                if vic is None:
                    vend = n.end
            f = _Found(n, kind, n.start, kend, vic, vend, "post")
        elif prev is not None and prev.num.end <= n.start and s0 <= prev.start and (
                subset or R.coord_rx.match(gap)):
            vic, vend = _victims_forward(text, n.end, s1, R)
            if (n.article and not _person(vic, R)) or _not_people(vic, R):
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
        if R.background.search(text, s0, f.start):
            continue                    # the deaths that caused a protest, or an earlier attack avenged
        if f.via == "post" and not subset:
            _coordinate_back(text, nums, i, f, done, s0, s1, R, found)
        if f.via == "pre":
            d = R.dual_rx.search(text, s0, n.start)
            if d:
                for kind2 in R.dual[norm(d.group("d"))]:
                    if kind2 != f.kind:
                        found.append(_Found(n, kind2, f.start, f.end, f.victims, f.victims_end, "dual"))
        found.append(f)
        done.add(i)
    return found


_PRONOUNS_ONE = {"he", "she"}


def _is_plural_person(w: str, R: _Rules) -> bool:
    w = norm(w.strip(",.;:'’\""))
    return w in R.irregular_plurals or (w.endswith("s") and (w[:-1] in R.person_nouns or
                                                              w[:-2] in R.person_nouns and w.endswith("es")
                                                              or w.endswith(tuple(x + "s" for x in R.person_suffixes))))


def _np_persons(words: list[str], R: _Rules) -> tuple[int, int, list[str]]:
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
            if norm(bare) in R.stops or norm(bare) in ("and", "or", "who", "was", "were", "is", "has", "had"):
                break
            if _is_plural_person(bare, R):
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
                norm(words[head_at + 1]) != "and":
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


def _definite(text: str, R: _Rules, taken: list[tuple[int, int]]) -> list[tuple[int, int, int, str, str]]:
    """Killings of persons named without a number: (start, end, count, victims, qualifier)."""
    out: list[tuple[int, int, int, str, str]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < e and s < b for s, e in taken + [(o[0], o[1]) for o in out])

    for m in R.def_verbs.finditer(text):
        if R.irrealis.search(text, 0, m.start()) or R.background.search(text, max(0, m.start() - 60), m.start()):
            continue
        rest = text[m.end():m.end() + 120]
        words = rest.split()
        if not words:
            continue
        # object: "killed the station chief (and his brother)", "kills man", "killing militiamen" (vague)
        w0 = norm(words[0].strip(",.;:'’\""))
        if w0 in R.determiners - {"a", "an"} or _person(words[0].rstrip(",.;:"), R):
            n, used, groups = _np_persons(words, R)
            if n:
                end = _span_of_words(text, m.end(), words[:used])
                if free(m.start(), end):
                    out.append((m.start(), end, n, " and ".join(groups), "exact"))
                continue
        for k in range(0, 3):
            if k < len(words) and _is_plural_person(words[k], R):
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
        if R.object_rx.match(text, m.end()) or re.match(r"\s+(?:him|her|them|it|me|us)\b", text[m.end():], re.I):
            continue                    # active: "a mob attacked a man, killed him" -- the object is counted elsewhere
        sent_start = max([text.rfind(c, 0, m.start()) for c in ".;!?\n"]) + 1
        seg = text[sent_start:m.start()]
        parts = [p for p in re.split(r",", seg) if p.strip()]
        cands = [parts[-1], parts[0]] if parts else []
        for part in cands:
            words = part.split()
            while words and norm(words[-1]) in ("later", "then", "reportedly", "allegedly", "also", "subsequently",
                                                 "eventually", "was", "were", "is", "has", "been", "had"):
                words = words[:-1]
            while words and norm(words[0]) in ("and", "but", "then", "later", "where", "when", "after", "while"):
                words = words[1:]
            if not words or len(words) > 7 or any(re.search(r"\d", w) for w in words):
                continue
            if len(words) == 1 and norm(words[0]) in _PRONOUNS_ONE:
                n, groups = 1, [words[0]]
            else:
                # a trailing prepositional phrase may follow the head: "The mayor of Mondoro"
                cut = next((i for i, w in enumerate(words) if norm(w) in ("of", "from", "in", "at", "with", "on")),
                           len(words))
                n, used, groups = _np_persons(words[:cut], R)
                if not n or used != cut:
                    continue
            a = text.index(words[0], sent_start + seg.index(part))
            if free(a, m.end()):
                out.append((a, m.end(), n, " and ".join(groups), "exact"))
            break
    return out


_CHAIN_GAP = re.compile(r"(?:\s+of)?(?:\s+[\w'’\-]+){0,4}\s*(?:,\s*and|,|and|&)\s*")


def _coordinate_back(text: str, nums: list[Num], i: int, f: _Found, done: set[int], s0: int, s1: int, R: _Rules,
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
        if not _CHAIN_GAP.fullmatch(gap) or R.after_any.search(gap) or \
                any(norm(w) in R.stops for w in re.findall(r"[\w'’-]+", gap)):
            break
        chain.insert(0, p)
        cur = p.start
    if not chain:
        return
    members = []
    for p in chain:
        vic, vend = _victims_forward(text, p.end, s1, R)
        if _not_people(vic, R) or (p.article and not _person(vic, R)):
            return
        members.append(_Found(p, f.kind, p.start, vend, vic, vend, "coord"))
    root = members[0]
    root.members = members + [f]
    for m in members[1:] + [f]:
        m.parent = root
    f.via = "coord"
    f.victims_end = max(f.victims_end, f.end)
    found.extend(members)


def _claimants(text: str, sents: list[tuple[int, int]], R: _Rules) -> dict[tuple[int, int], list[tuple[int, str, int, int]]]:
    """Per sentence: (verb position, claimant text, claimant start, end)."""
    out: dict[tuple[int, int], list[tuple[int, str, int, int]]] = {}
    for s0, s1 in sents:
        cands: list[tuple[int, str, int, int]] = []
        for m in R.claim_preps.finditer(text, s0, s1):
            who = _trim_np(m.group("who"))
            if who:
                st = m.start("who")
                cands.append((m.start(), who, st, st + len(who)))
        for m in R.claim_verbs.finditer(text, s0, s1):
            seg_start = s0
            for b in re.finditer(r"[;:“”\"]|\bthat\b|\bwhile\b|\bbut\b|\band\b(?=\s+\w+\s+(?:said|says|claimed))",
                                 text[s0:m.start()]):
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
                after = re.match(r"\s+((?:[A-Z][\w'’\-\.]*\s*){1,6})", text[m.end():s1])
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
            if norm(who) in ("it", "this", "there", "which", "who", "what") and norm(who) not in R.pronouns:
                continue
            cands.append((m.start(), who, who_start, who_start + len(who)))
        out[(s0, s1)] = sorted(cands)
    return out


def _trim_np(s: str) -> str:
    words = s.strip().split()
    keep = []
    for w in words[:8]:
        if norm(w) in ("said", "says", "who", "which", "that", "killed", "and") and keep:
            break
        keep.append(w)
    return " ".join(keep).strip(" '\"“”‘’")


def _claimant_for(pos: int, sent: tuple[int, int], cands: dict, sents: list[tuple[int, int]],
                  R: _Rules) -> tuple[str, int, int] | None:
    own = cands.get(sent, [])
    if not own:
        return None
    before = [c for c in own if c[0] <= pos]
    pick = before[-1] if before else own[0]
    who, st, en = pick[1], pick[2], pick[3]
    if norm(who) in R.pronouns:
        i = sents.index(sent)
        for back in range(i - 1, max(-1, i - 3), -1):
            prev = cands.get(sents[back], [])
            if prev and norm(prev[0][1]) not in R.pronouns:
                return prev[0][1], prev[0][2], prev[0][3]
    return who, st, en


def _is_party(actor: records.Actor, parties: Sequence[records.Actor]) -> bool:
    for p in parties:
        if actor.kb_id and p.kb_id and actor.kb_id == p.kb_id:
            return True
        if actor.country and actor.sector and actor.country == p.country and actor.sector == p.sector:
            return True
    return False


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
    R = _rules(language.lower().split("-")[0])
    if not text.strip():
        return []
    sents = _sentences(text)
    cands = _claimants(text, sents, R)
    found = _find(text, R)

    claims: list[records.Claim] = []
    cache: dict[str, records.Actor | None] = {}

    def make(kind: str, low: int | None, high: int | None, qual: str, victims: str | None, start: int, end: int
             ) -> records.Claim:
        sent = _sentence_of(sents, start)
        who = _claimant_for(start, sent, cands, sents, R)
        claimant = who[0] if who else None
        actor = None
        if claimant and resolve_claimant is not None:
            if claimant not in cache:
                cache[claimant] = resolve_claimant(claimant)
            actor = cache[claimant]
        if claimant is None:
            party: bool | None = False
        elif actor is not None and parties:
            party = _is_party(actor, parties)
        elif norm(claimant) in R.neutral or norm(re.sub(r"^(?:the|a|an)\s+", "", claimant, flags=re.I)) in R.neutral:
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
            victims = " and ".join(m.victims for m in members if m.victims) or None
            total = make(f.kind, low, high, qual, victims, max(start, 0), end)
            claims.append(total)
    taken = [(c.span.start - offset, c.span.end - offset) for c in claims if c.span]
    for start, end, n, victims, qual in _definite(text, R, taken):
        claims.append(make("killed", n, n, qual, victims, start, end))
    for kind, rx in R.zero:
        for m in rx.finditer(text):
            if any(c.span and c.span.start - offset <= m.start() < c.span.end - offset for c in claims):
                continue
            claims.append(make(kind, 0, 0, "exact", None, m.start(), m.end()))
    for m in R.vague_losses.finditer(text):
        claims.append(make("losses", None, None, "vague", None, m.start(), m.end()))
    claims.sort(key=lambda c: (c.span.start if c.span else 0, -(c.span.end if c.span else 0)))
    return claims
