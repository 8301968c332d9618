"""Number expressions in text: digits, words ("forty-seven"), phrases ("a dozen"), vague quantities ("dozens"),
bounds ("at least", "up to"), ranges ("between 20 to 80", "20-80"). Dates, ages, times and amounts are skipped."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import alt, load, norm


@dataclass(frozen=True)
class Num:
    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str           # exact | at_least | at_most | about | range | vague
    article: bool = False    # "a"/"an" standing for one person: only trusted next to a casualty word

    @property
    def value(self) -> int | None:
        return self.low if self.low is not None else self.high


class _Numbers:
    def __init__(self, language: str) -> None:
        lx = load(language)
        self.lang = str(lx.get("text2num_language", language))
        self.phrases = {norm(k): int(v) for k, v in (lx.get("number_phrases") or {}).items()}
        self.vague = {norm(k): int(v) for k, v in (lx.get("vague") or {}).items()}
        self.article = {norm(w) for w in lx.get("article_one", [])}
        self.words = {norm(w) for w in lx.get("number_words", [])}
        quals = lx.get("qualifiers") or {}
        self.qual_of = {norm(w): q for q, ws in quals.items() for w in ws}
        NW = alt(self.words)
        WORDNUM = r"(?:%s)(?:(?:\s+|-)(?:and\s+)?(?:%s))*" % (NW, NW)
        DIG = r"\d{1,3}(?:,\d{3})+(?![\d,]*\d)|\d+(?:\.\d+)?"
        SCALE = alt(lx.get("scale_words", {}))
        core = r"(?:%s|%s|(?:%s)(?:\s+(?:%s))?|%s|%s)" % (
            alt(self.phrases), alt(self.vague), DIG, SCALE, WORDNUM, alt(self.article))
        core_b = r"(?:%s|%s|(?:%s)(?:\s+(?:%s))?|%s)" % (alt(self.phrases), alt(self.vague), DIG, SCALE, WORDNUM)
        self.rx = re.compile(
            r"(?<![\w.,$€£#-])(?:(?P<q>%s)\s+)?(?:(?P<open>%s)\s+)?(?P<a>%s)"
            r"(?:\s*(?P<conn>%s)\s*(?P<b>%s))?(?![\w])" % (
                alt(self.qual_of), alt(lx.get("range_open", [])), core, alt(lx.get("range_connectors", [])), core_b),
            re.I)
        months = alt(lx.get("month_names", []))
        day = r"\d{1,2}(?:st|nd|rd|th|er)?"
        self.mask_rx = re.compile(
            r"\b(?:(?:%s)\.?\s+%s(?:\s*(?:-|–|to|and|or)\s*%s)?(?:,?\s+\d{4})?|%s(?:\s*(?:-|–|to|and|or)\s*%s)?"
            r"(?:\s+of)?\s+(?:%s)\b(?:,?\s+\d{4})?|(?:%s),?\s+\d{4}|(?:19|20)\d\d(?![\d,])|\d{1,2}[:h]\d\d|"
            r"\d{1,2}/\d{1,2}/\d{2,4})" % (months, day, day, day, day, months, months), re.I)
        self.unit_after = re.compile(r"\s*(?:%s)(?![a-z])" % alt(lx.get("unit_after", [])), re.I)
        # a unit word that modifies a person noun is no unit: "a cattle trader", "two goat herders"
        self.unit_modifier = re.compile(r"\s*(?:%s)\s+(?:%s)(?:s|es)?(?![\w])" % (
            alt(lx.get("unit_after", [])), alt(lx.get("person_nouns", []))), re.I)
        self.unit_before = re.compile(r"(?:^|[^\w])(?:%s)\s*$" % alt(lx.get("unit_before", [])), re.I)
        self.range_open = {norm(w) for w in lx.get("range_open", [])}

    def value(self, s: str) -> tuple[int | None, bool]:
        """(number, vague) for one core expression."""
        k = norm(s)
        if k in self.phrases:
            return self.phrases[k], False
        if k in self.vague:
            return self.vague[k], True
        if k in self.article:
            return 1, False
        m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(\w+))?", k)
        if m:
            n = float(m.group(1).replace(",", ""))
            if m.group(2):
                n *= {"hundred": 100, "thousand": 1000, "million": 1_000_000}.get(m.group(2), 1)
            return int(n), False
        from text_to_num import text2num          # imported on first use, not when the package is imported
        try:
            return int(text2num(k.replace("-", " "), self.lang)), False
        except (ValueError, TypeError, AttributeError):
            return None, False


@lru_cache(maxsize=None)
def _numbers(language: str) -> _Numbers:
    return _Numbers(language)


def find_numbers(text: str, language: str = "en") -> list[Num]:
    """Every count-like number expression in `text`, in order."""
    N = _numbers(language)
    masked = [(m.start(), m.end()) for m in N.mask_rx.finditer(text)]      # sorted, non-overlapping
    mask_ends = [e for _, e in masked]
    out: list[Num] = []
    pos = 0
    while True:
        m = N.rx.search(text, pos)
        if m is None:
            break
        pos = m.end()
        k = bisect.bisect_left(mask_ends, m.start("a") + 1)    # first mask ending after this number starts
        if k < len(masked) and masked[k][0] < m.end():
            # a date inside a range ("April 19-27") or a year: not a count
            continue
        lo = max(0, m.start() - 24)                  # look-behind window: keeps the scan linear in the text
        if (N.unit_after.match(text, m.end()) and not N.unit_modifier.match(text, m.end())) \
                or N.unit_before.search(text, lo, m.start()):
            if not (N.unit_before.search(text, lo, m.start()) and _is_a_number_of(text, m)):
                continue
        a, vague_a = N.value(m.group("a"))
        if a is None:
            continue
        article = norm(m.group("a")) in N.article
        low, high, qual = a, a, "vague" if vague_a else "exact"
        if m.group("b"):
            b, vague_b = N.value(m.group("b"))
            conn = norm(m.group("conn"))
            if b is None or b <= a or (conn in ("and",) and not m.group("open")) or article:
                # "84 Wagner ... and 47" is coordination, not a range; keep the first number alone
                out.append(_single(N, text, m, a, vague_a, article))
                pos = m.end("a")
                continue
            low, high, qual = a, b, "vague" if (vague_a or vague_b) else "range"
        else:
            q = N.qual_of.get(norm(m.group("q") or ""))
            if q and not vague_a:
                qual = q
                if q == "at_least":
                    high = None
                elif q == "at_most":
                    low = None
        out.append(Num(m.start(), m.end(), m.group(), low, high, qual, article))
    return out


def _is_a_number_of(text: str, m: re.Match[str]) -> bool:
    return bool(re.match(r"(?i)an?\s+(?:\w+\s+)?number\s+of", m.group()))


def _single(N: _Numbers, text: str, m: re.Match[str], a: int, vague: bool, article: bool) -> Num:
    end = m.end("a")
    q = N.qual_of.get(norm(m.group("q") or ""))
    low, high, qual = a, a, "vague" if vague else (q or "exact")
    if qual == "at_least":
        high = None
    elif qual == "at_most":
        low = None
    return Num(m.start(), end, text[m.start():end], low, high, qual, article)
