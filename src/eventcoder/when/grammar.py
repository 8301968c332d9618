"""Date-expression patterns compiled from a language's lexicon (data/when/<lang>.yaml).

Each pattern is a named regex whose groups say what was written (day/month/year, a weekday, a relative offset,
"since", "around" ...); resolver.py turns a match into calendar dates against the publication date.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load


def _alt(words: object) -> str:
    ws = sorted({str(w) for w in (words or [])}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or r"(?!x)x"


class Grammar:
    def __init__(self, language: str) -> None:
        lx = load(language)
        self.language = language
        self.lx = lx
        self.months: dict[str, int] = {str(k).lower(): int(v) for k, v in lx.get("months", {}).items()}
        self.ambiguous_months = {str(m).lower() for m in lx.get("ambiguous_months", [])}
        self.weekdays: dict[str, int] = {str(k).lower(): int(v) for k, v in lx.get("weekdays", {}).items()}
        self.ambiguous_weekdays = {str(m).lower() for m in lx.get("ambiguous_weekdays", [])}
        self.numbers: dict[str, int] = {str(k).lower(): int(v) for k, v in lx.get("numbers", {}).items()}
        self.units: dict[str, str] = {str(k).lower(): str(v) for k, v in lx.get("units", {}).items()}
        self.relative_days = {" ".join(str(k).lower().split()): int(v) for k, v in lx.get("relative_days", {}).items()}
        self.month_parts = {" ".join(str(k).lower().split()): tuple(v) for k, v in lx.get("month_parts", {}).items()}
        self.historical_days = int(lx.get("historical_days", 60))
        self.not_dates = {" ".join(str(w).lower().split()) for w in lx.get("not_dates", [])}
        self.report_gap = int(lx.get("report_prefix_gap", 25))

        suf = lx.get("ordinal_suffix", "")
        full = [m for m in self.months if len(m) > 4 or m in ("may", "june", "july", "juin", "mai", "août", "aout", "mars")]
        abbr = [m for m in self.months if m not in full]
        MON = r"(?:%s|(?:%s)\.?)" % (_alt(full), _alt(abbr))
        WD = _alt(self.weekdays)
        DAY = r"(?:[0-3]?\d)(?:%s)?" % suf if suf else r"[0-3]?\d"
        YEAR = r"(?:1[89]\d\d|20\d\d)"
        ART = _alt(lx.get("day_article", []))
        OF = _alt(lx.get("day_of", []))
        APPROX = _alt(lx.get("approximate", []))
        SINCE = _alt(lx.get("span_start", []))
        OPEN = _alt(lx.get("span_openers", []))
        CONN = _alt(lx.get("span_connectors", []))
        PART = _alt(self.month_parts)
        PARTS = _alt(lx.get("day_parts", []))
        NUM = r"(?:\d{1,3}|%s)" % _alt(self.numbers)
        UNIT = _alt(self.units)
        HEDGE = _alt(lx.get("ago_hedges", []))
        AGO = _alt(lx.get("ago", []))
        AGO_BEFORE = _alt(lx.get("ago_before", []))
        PREV = _alt(lx.get("period_previous", []))
        CURR = _alt(lx.get("period_current", []))
        AFTER_PREV = _alt(lx.get("period_after_previous", []))
        PART_ART = _alt(lx.get("period_articles", []))
        WEEKEND = _alt(lx.get("weekend", []))
        WEP = _alt(lx.get("weekend_prefixes", []))
        WDP = _alt(lx.get("weekday_prefixes", []))
        YPREP = _alt(lx.get("year_prepositions", []))
        REL = _alt(self.relative_days)
        self.approx_after = re.compile(r"^\s*(?:%s)" % _alt(lx.get("approximate_after", [])), re.I)
        self.month_after = re.compile(r"^\s*(?:%s)" % _alt(lx.get("month_precision_after", [])), re.I)
        self.report_before = re.compile(r"\b(?:%s)\b[^.;:!?\n]{0,%d}$" % (_alt(lx.get("report_verbs", [])),
                                                                      self.report_gap), re.I)
        self.reference_breaks = re.compile(r"\s+(?:%s)\b" % _alt(lx.get("reference_breaks", [])), re.I)
        self.report_links = re.compile(r"(?:\s+(?:%s))*\s*$" % _alt(lx.get("report_links", [])), re.I)
        self.reference_before = re.compile(r"(?<![\w])(?:%s)\s+$" % _alt(lx.get("reference_before", [])), re.I)
        self.report_after = re.compile(r"^[\s,]{0,3}(?:%s)\b" % _alt(lx.get("report_verbs", [])), re.I)

        pre = r"(?:(?P<since>%s)\s+|(?P<approx>%s)\s+)?" % (SINCE, APPROX)
        wdpre = r"(?:(?:%s),?\s+)?" % WD
        b = r"(?<![\w-])"
        e = r"(?![\w])"
        P: list[tuple[str, str]] = [
            # 2024-07-25
            ("iso", pre + r"(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)" + e),
            # 25/07/2024 (day first)
            ("dmy_num", pre + r"(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:1[89]|20)\d\d)" + e),
            # 25/5, 12/07 (day first, no year): only with a day and month that exist
            ("dm_num", pre + r"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![/\d])"),
            # between 25 and 27 July 2024, 25-27 July, from 25 July to 2 August 2024, du 25 au 27 juillet
            ("range_dm", r"(?:(?P<approx>%s)\s+)?(?:(?P<open>%s)\s+(?:(?:%s)\s+)?)?(?P<d1>%s)(?:\s+(?:%s\s+)?(?P<m1>%s))?,?\s*(?:%s)\s*(?:(?:%s)\s+)?"
             r"(?P<d2>%s)\s+(?:(?:%s)\s+)?(?P<m2>%s)(?:,?\s+(?P<y>%s))?" % (APPROX, OPEN, ART, DAY, OF or "(?!x)x", MON, CONN, ART,
                                                                    DAY, OF or "(?!x)x", MON, YEAR)),
            # July 25-27, between April 19-27, July 25 to August 2, 2024
            ("range_md", r"(?:(?P<approx>%s)\s+)?(?:(?P<open>%s)\s+)?(?P<m1>%s)\s+(?P<d1>%s)\s*(?:%s)\s*(?:(?P<m2>%s)\s+)?"
             r"(?P<d2>%s)(?:,?\s+(?P<y>%s))?" % (APPROX, OPEN, MON, DAY, CONN, MON, DAY, YEAR)),
            # (Monday,) 25 July 2024 / the 25th of July, 2024 / le 1er août 2024
            ("dmy", pre + wdpre + r"(?:(?:%s)\s+)?(?P<d>%s)(?:\s+(?:%s))?\s+(?P<m>%s),?\s+(?P<y>%s)" % (
                ART, DAY, OF or "(?!x)x", MON, YEAR)),
            # (Monday,) July 25, 2024 / Oct 30th 2019
            ("mdy", pre + wdpre + r"(?P<m>%s)\s+(?P<d>%s),?\s+(?P<y>%s)" % (MON, DAY, YEAR)),
            # 25 July / the 25th of July
            ("dm", pre + wdpre + r"(?:(?:%s)\s+)?(?P<d>%s)(?:\s+(?:%s))?\s+(?P<m>%s)" % (ART, DAY, OF or "(?!x)x", MON)),
            # July 25
            ("md", pre + wdpre + r"(?P<m>%s)\s+(?P<d>%s)(?![\d,]*\d{3})" % (MON, DAY)),
            # (early|mid-|late) July 2024
            ("my", r"(?:(?P<since>%s)\s+)?(?:(?P<part>%s)\s*)?(?P<m>%s),?\s+(?P<y>%s)" % (SINCE, PART, MON, YEAR)),
            # in July, mid-July, early July, since July
            ("m", r"(?:(?P<since>%s)\s+|(?P<part>%s)\s*|(?P<prep>in|during|last|this|en|au\s+mois\s+de)\s+)(?P<m>%s)" % (
                SINCE, PART, MON)),
            # in 2012, since 2020, in 2020 and 2021
            ("year", r"(?:(?P<since>%s)\s+|(?P<prep>%s)\s+(?:(?:%s)\s+)?)(?P<y>%s)(?:(?:\s*[,\-–/]\s*|\s+(?:and|or|to|et|ou|à)\s+)(?P<y2>%s))*"
             % (SINCE, YPREP, ART, YEAR, YEAR)),
            # (on|last) Monday (night)
            # (on|last) Monday (night); lundi (soir) dernier
            ("weekday", pre + r"(?:(?P<wpre>%s)\s+)?(?P<wd>%s)(?:\s+(?P<dpart>%s))?(?:\s+(?P<wpost>%s)\b)?"
             % (WDP, WD, PARTS, AFTER_PREV)),
            # yesterday, last night, hier
            ("reldays", pre + r"(?P<rel>%s)" % REL),
            # two days ago, over a decade ago
            ("ago", r"(?:(?P<hedge>%s)\s+)?(?P<n>%s)\s+(?P<unit>%s)\s+(?:%s)" % (HEDGE, NUM, UNIT, AGO)),
            # il y a deux jours
            ("ago_before", r"(?:%s)\s+(?:(?P<hedge>%s)\s+)?(?P<n>%s)\s+(?P<unit>%s)" % (AGO_BEFORE, HEDGE, NUM, UNIT)),
            # last month, earlier this week
            ("period", r"(?:(?P<since>%s)\s+)?(?P<which>%s|%s)\s+(?P<unit>%s)" % (SINCE, PREV, CURR, UNIT)),
            # la semaine dernière, le mois dernier
            ("period_after", r"(?:%s)\s*(?P<unit>%s)\s+(?P<which>%s)" % (PART_ART, UNIT, AFTER_PREV)),
            # over the past two days / in the last three weeks
            ("lastn", r"(?:(?:over|in|during|within)\s+)?(?:the\s+)?(?:past|last|previous)\s+(?P<n>%s)\s+(?P<unit>%s)"
             % (NUM, UNIT)),
            # at the weekend, last weekend
            ("weekend", r"(?:(?P<wpre>%s)\s+)?(?:%s)" % (WEP, WEEKEND)),
        ]
        self.patterns = [(name, re.compile(b + rx + e, re.I)) for name, rx in P]

    def month(self, word: str) -> int | None:
        return self.months.get(word.lower().rstrip("."))

    def number(self, word: str) -> int | None:
        w = " ".join(word.lower().split())
        if w.isdigit():
            return int(w)
        return self.numbers.get(w)


@lru_cache(maxsize=None)
def grammar(language: str = "en") -> Grammar:
    return Grammar(language)


def reload_lexicons() -> None:
    """Forget the loaded lexicons and compiled patterns (after adding or editing user lexicon files)."""
    load.cache_clear()
    grammar.cache_clear()
