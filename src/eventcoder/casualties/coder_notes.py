"""Notes by a dataset's own coders inside the text (ACLED's notes): the fatality figure they recorded and how one
total was shared between several recorded events. Driven by `coder_notes` in data/casualties/<lang>.yaml.

    "Unknown fatalities coded as 3."              -> Claim(kind="killed", low=3, high=3, qualifier="coded")
    "10 killed (coded as 8 here and 2 ...)"       -> Claim(kind="killed", low=8, high=8, qualifier="coded")
    "(10 fatalities coded for 6 July, 9 for 7 July)" -> Claim(kind="killed", low=10, high=10, qualifier="coded")
    "Fatalities split across two events."         -> Claim(kind="shared", low=2, high=2): the event's share is 1/2
    "One of 28 separate events that killed 43"    -> Claim(kind="shared", low=28, high=28)

aggregate() takes a recorded figure over the text's figures and divides the event's total by a share.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import alt, load
from .numbers import _numbers

__all__ = ["coder_notes"]

_NUM = r"\d+|[a-z]+(?:-[a-z]+)?"


class _Notes:
    def __init__(self, language: str) -> None:
        cfg = load(language).get("coder_notes") or {}
        self.lang = language
        nouns, verbs = cfg.get("figure_nouns", []), cfg.get("figure_verbs", [])
        units, fillers = cfg.get("share_units", []), cfg.get("share_fillers", [])
        self.default = int(cfg.get("share_default", 2))
        self.figure = self.share = None
        if nouns and verbs:
            unit_guard = r"(?!\s+(?:%s\s+)*(?:%s)\b)" % (alt(fillers) or "(?!x)x", alt(units) or "(?!x)x")
            self.figure = re.compile(
                r"(?<![\w])(?:(?:%s)(?![\w])[^.;:()\[\]\n]{0,100}?(?<![\w])(?:%s)\s+(?P<n>%s)(?![\w])%s"
                r"|(?:%s)\s+(?P<h>%s)\s+(?:%s)(?![\w])"
                r"|(?P<a>%s)\s+(?:%s)\s+(?:%s)(?![\w]))" % (
                    alt(nouns), alt(verbs), _NUM, unit_guard, alt(verbs), _NUM, alt(cfg.get("figure_here", [])),
                    _NUM, alt(nouns), alt(cfg.get("figure_after", []))),
                re.I)
        if units and (cfg.get("share_verbs") or cfg.get("share_standalone")):
            tail = r"\s+(?:(?:%s)\s+)*(?:(?P<%%s>%s)\s+)?(?:(?:%s)\s+)*(?:%s)(?![\w])" % (
                alt(fillers) or "(?!x)x", _NUM, alt(fillers) or "(?!x)x", alt(units))
            parts = []
            if cfg.get("share_verbs") and nouns:
                parts.append(r"(?:%s)(?![\w])[^.;:()\[\]\n]{0,60}?(?<![\w])(?:%s)%s" % (
                    alt(nouns), alt(cfg["share_verbs"]), tail % "n"))
            if cfg.get("share_standalone"):
                parts.append(r"(?:%s)%s" % (alt(cfg["share_standalone"]), tail % "m"))
            self.share = re.compile(r"(?<![\w])(?:%s)" % "|".join(parts), re.I)

    def value(self, s: str) -> int | None:
        v, vague = _numbers(self.lang).value(s)
        return None if vague else v


@lru_cache(maxsize=None)
def _notes(language: str) -> _Notes:
    return _Notes(language)


def coder_notes(text: str, language: str = "en") -> list[tuple[str, int, int, int]]:
    """(kind, value, start, end) for every coder's note in `text`: kind "killed" for a recorded figure, "shared" for
    the number of events one total was shared between."""
    N = _notes(language)
    out: list[tuple[str, int, int, int]] = []
    if N.figure is not None:
        for m in N.figure.finditer(text):
            g = next(k for k in ("n", "h", "a") if m.group(k) is not None)
            v = N.value(m.group(g))
            if v is not None:
                out.append(("killed", v, m.start(), m.end()))
    if N.share is not None:
        for m in N.share.finditer(text):
            raw = m.group("n") or m.group("m")
            v = N.value(raw) if raw else N.default
            if v is not None and v > 1:
                out.append(("shared", v, m.start(), m.end()))
    return out
