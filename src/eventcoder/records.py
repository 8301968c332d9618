"""Frozen records shared by every stage.

Stages meet only through these types: an ingest stage yields `Article`s, the NLP stage turns them into
`Document`s, extract yields `Mention`s (one reported act in one article, with evidence spans), the actor, geo,
date and casualty resolvers fill a mention's fields, and de-duplication folds mentions into canonical `Event`s.

Every field that comes from text carries a `Span` (article id + character offsets) so it can be traced back.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = [
    "Span", "Article", "IngestError", "Sentence", "Document", "Actor", "Place", "EventDate", "Claim",
    "Fatalities", "Coding", "Mention", "Event", "replace", "article_id_for",
]


def article_id_for(text: str) -> str:
    """Content-derived article id: the same text always gets the same id (re-runs add nothing)."""
    norm = " ".join(text.split()).lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """Evidence: a character range of one article's text."""
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str | None = None
    language: str | None = None          # ISO 639-1 when known
    origin: str | None = None            # file path, feed or URL it was read from
    meta: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_text(cls, text: str, **kw: Any) -> "Article":
        return cls(id=article_id_for(text), text=text, **kw)


@dataclass(frozen=True)
class IngestError:
    """A document that could not be read; recorded in the store's errors table, never fatal to a batch."""
    origin: str
    reason: str                          # short machine-readable code: empty, binary, too_large, encoding, malformed, language
    message: str                         # human-readable explanation
    line: int | None = None


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """An article after NLP: sentences plus the opaque parsed object of the NLP back-end (a spaCy Doc)."""
    article: Article
    sentences: tuple[Sentence, ...]
    parsed: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Actor:
    """A resolved (or flagged unknown) actor.

    country: ISO 3166 alpha-3 (or a region code such as 'AFR' for IGOs when no country applies).
    sector: PLOVER sector code (GOV, MIL, REB, SPY, COP, PMC, IGO, CVL, ...).
    acled_inter: ACLED actor type 1-8 (None when the actor is outside ACLED's categories).
    """
    name: str
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None
    acled_inter: int | None = None
    known: bool = True                   # False: not in the knowledge base; name is the text as written
    span: Span | None = None
    why: str | None = None               # how it was resolved (alias, demonym+role, office holder, ...)

    @property
    def code(self) -> str:
        return f"{self.country or '---'}{self.sector or ''}"


@dataclass(frozen=True)
class Place:
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None           # ISO alpha-3
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None      # GeoNames feature code (PPL, ADM1, PCLI, ...)
    precision: str = "point"             # point | near | admin2 | admin1 | region | country
    acled_geo_precision: int | None = None   # 1 town, 2 near town / small area, 3 larger region
    ucdp_where_prec: int | None = None       # 1..7 per UCDP GED
    span: Span | None = None


@dataclass(frozen=True)
class EventDate:
    date: dt.date | None
    end: dt.date | None = None
    precision: str = "day"               # day | week | month | year
    basis: str = "explicit"              # explicit | relative | publication
    span: Span | None = None

    @property
    def acled_time_precision(self) -> int | None:
        return {"day": 1, "week": 2, "month": 3}.get(self.precision)

    @property
    def ucdp_date_prec(self) -> int:
        if self.precision == "day":
            return 1 if not self.end or self.end == self.date else 2
        return {"week": 3, "month": 4, "year": 5}.get(self.precision, 5)


@dataclass(frozen=True)
class Claim:
    """One number someone asserted about an event ("the rebels say 84 killed")."""
    kind: str                            # killed | injured | abducted | arrested | attackers | losses
    low: int | None = None
    high: int | None = None
    qualifier: str = "exact"             # exact | at_least | at_most | about | range | vague
    victims: str | None = None           # victim group as written ("Wagner mercenaries")
    claimant: str | None = None          # who asserted it, as written; None = the reporter, unattributed
    claimant_actor: Actor | None = None
    party_to_fight: bool | None = None
    text: str = ""
    span: Span | None = None

    @property
    def value(self) -> int | None:
        return self.low if self.low is not None else self.high


@dataclass(frozen=True)
class Fatalities:
    acled: int | None = None             # ACLED's conservative count
    low: int | None = None               # UCDP low / best / high
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Coding:
    plover_type: str                     # one of the 16 PLOVER 2.0 types
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo_code: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None        # PLOVER quad category 1..4
    acled_event_type: str | None = None  # None: outside ACLED's scope
    acled_sub_event_type: str | None = None


@dataclass(frozen=True)
class Mention:
    """One act as reported in one article."""
    id: str
    article_id: str
    coding: Coding
    trigger: Span
    sentence: Span
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    status: str = "reported"             # reported | claim
    claimant: Actor | None = None
    modality: str = "asserted"           # asserted | claim | negated | hypothetical | future | historical
    date: EventDate | None = None
    place: Place | None = None
    claims: tuple[Claim, ...] = ()
    fatalities: Fatalities = Fatalities()
    evidence: tuple[Span, ...] = ()
    published: dt.date | None = None
    source: str | None = None
    confidence: float = 0.5

    @property
    def emitted(self) -> bool:
        """Whether this mention is a current event (not negated, hypothetical or history)."""
        return self.modality in ("asserted", "claim")


@dataclass(frozen=True)
class Event:
    """A canonical event: one real-world act, supported by one or more mentions from one or more articles."""
    id: str
    coding: Coding
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    date: EventDate | None
    place: Place | None
    fatalities: Fatalities
    claims: tuple[Claim, ...]
    status: str
    evidence: tuple[Span, ...]
    mention_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    claimant: Actor | None = None
    n_sources: int = 1
    confidence: float = 0.5

    @property
    def acled_interaction(self) -> int | None:
        """ACLED interaction code as the ACLED export writes it (eventcoder.export.acled.interaction): the inter
        codes of the two sides' main actors, lower digit first; one-sided events give "X0"."""
        from eventcoder.export.acled import interaction
        return interaction(self)
