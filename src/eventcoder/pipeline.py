"""The pipeline: articles -> documents -> mentions (coded, with actors, dates, places, claims) -> events -> store.

Each stage is picked by name from the registry; the enrichment stages (dates, places, casualties) fill the
fields of a mention from the document it came from.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .records import Actor, Article, Document, EventDate, Event, IngestError, Mention, Span

log = logging.getLogger(__name__)

LOCATED_TYPES = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "AID", "COOPERATE", "CONSULT"}
VIOLENT_TYPES = {"ASSAULT"}


@dataclass
class RunSummary:
    articles: int = 0
    new: int = 0
    unchanged: int = 0
    syndicated: int = 0
    updated: int = 0        # re-processed, or a new version of a stored article (same URL or file)
    errors: int = 0
    event_ids: list[str] = field(default_factory=list)


class Pipeline:
    def __init__(self, *, model: str | None = None, extract: str = "rules", geocode: bool = True):
        from . import stages
        from .extract import rules as _rules  # noqa: F401  (registers the rules back-end)
        from .nlp import SpacyStage

        self.nlp = SpacyStage(model)
        self.extractor = stages.create("extract", extract)
        self.geocode = geocode
        self.options = {"model": model, "extract": extract, "geocode": geocode}   # how engines' workers rebuild it

    @classmethod
    def default(cls) -> "Pipeline":
        return _default_pipeline()

    # ------------------------------------------------------------------ per article
    def document(self, article: Article) -> Document:
        return next(iter(self.nlp([article])))

    def mentions(self, document: Document) -> list[Mention]:
        mentions = self.extractor.mentions(document)
        if not mentions:
            return []
        mentions = [self._date(document, m) for m in mentions]
        if self.geocode:
            mentions = self._places(document, mentions)
        mentions = [_situate_actors(m) for m in mentions]
        return self._casualties(document, mentions)

    def code(self, article: Article) -> list[Event]:
        from .dedup import fold_mentions
        mentions = self.mentions(self.document(article))
        return fold_mentions([m for m in mentions if m.emitted])

    # ------------------------------------------------------------------ enrichment
    def _date(self, document: Document, m: Mention) -> Mention:
        from .when.resolver import resolve_event_date
        art = document.article
        s = m.sentence
        date = resolve_event_date(
            s.text, published=art.published, trigger=(m.trigger.start - s.start, m.trigger.end - s.start),
            article_id=art.id, offset=s.start,
        )
        if date is not None and date.span is not None and not _in_own_clause(document, m, date.span) \
                and not _dated_claim(document, m, date.span):
            # "offered to hand over nationals suspected of bombing a plane in 1988": 1988 dates the bombing
            date = None
        if date is None and art.published and (m.status == "reported" or m.coding.acled_event_type) \
                and not _pluperfect(document, m):
            # A current act reported without any date: dated by the report, and marked as such (basis
            # "publication", week precision) so that users can tell it from a date the text gives. So is a
            # claimed or alleged act of the kinds ACLED records (it codes them on the report's day); other
            # claims and acts told in the pluperfect ("had received") stay undated.
            date = EventDate(art.published, precision="week", basis="publication")
        if date is None:
            return m
        m = replace(m, date=date)
        if art.published and m.modality in ("asserted", "claim") and _long_before(date, art.published):
            # the act's own date puts it in the background of this report: history, not news
            m = replace(m, modality="historical")
        return m

    def _places(self, document: Document, mentions: list[Mention]) -> list[Mention]:
        from .geo.resolver import find_toponyms, locate_event
        art = document.article
        # claimed violence is located too ("IS claimed the attack on the army post in Kilgo": ACLED codes such
        # claims); other claims ("had received information from Ukraine") name no place of their own
        wanted = [m for m in mentions if m.emitted and (m.status == "reported" or m.coding.acled_event_type)
                  and (m.coding.plover_type in LOCATED_TYPES or m.coding.acled_event_type)]
        if not wanted:
            return mentions
        countries = _context_countries(mentions)
        toponyms = find_toponyms(art.text, doc=document.parsed, context_countries=countries)
        toponyms = self._outside_actor_names(art, toponyms)
        wanted_ids = {m.id for m in wanted}
        out = []
        for m in mentions:
            if m.id in wanted_ids:
                place = locate_event(art.text, toponyms, sentence=(m.sentence.start, m.sentence.end),
                                     trigger=(m.trigger.start, m.trigger.end), context_countries=countries,
                                     article_id=art.id)
                m = replace(m, place=place) if place else m
            out.append(m)
        return out

    def _outside_actor_names(self, art: Article, toponyms):
        """Drop toponyms that are part of an actor mention: "Nusrat" in "Jama'at Nusrat al-Islam", "Vladimir" in
        "Vladimir Putin", "Ukraine" in "Ukraine's comments". The actor resolver reads a country after "in" or
        "near" as a place, so "fighting in Mali" keeps its toponym."""
        if not hasattr(self.extractor, "actor_matches"):
            return toponyms
        names = [(m.start, m.end) for m in self.extractor.actor_matches(art)]
        # inside a longer name, or the name itself used as an actor ("Ukraine's comments", "Mali said")
        return [t for t in toponyms if not any(s <= t.start and t.end <= e for s, e in names)]

    def _casualties(self, document: Document, mentions: list[Mention]) -> list[Mention]:
        """Every casualty claim of the article goes to the violent act it tells the toll of, including tolls
        told in a sentence of their own ("Two people died.") and ACLED coders' notes (casualties.attach)."""
        from .casualties.attach import attach_claims
        art = document.article
        resolver = getattr(self.extractor, "resolver", None)
        resolve = (lambda text: resolver.resolve(text, date=art.published)) if resolver else None
        # an act ACLED codes as violence takes its toll whatever its PLOVER type ("soldiers detained and executed
        # five men": the detention is the coded act too)
        acled_violent = ("Battles", "Violence against civilians", "Explosions/Remote violence", "Riots")
        return attach_claims(document, mentions, resolve_claimant=resolve,
                             violent=lambda m: m.coding.plover_type in VIOLENT_TYPES
                             or m.coding.acled_event_type in acled_violent)

    # ------------------------------------------------------------------ batch
    def run(self, paths: Sequence[str | Path], store, *, published: dt.date | None = None, source: str | None = None,
            on_item: Callable[[Article | IngestError], None] | None = None, reprocess: bool = False,
            engine=None) -> RunSummary:
        """Code every article under ``paths`` into ``store``. An article already stored is skipped unless
        ``reprocess`` (re-code it, e.g. after the lexicon or the actor KB changed); a new version of a stored
        article (same URL, or the same edited file) replaces the old one and the events it supported.

        ``engine`` (eventcoder.engines) codes the articles, here or in worker processes or a Dask cluster; this
        process stores the results in input order, so every engine stores the same events with the same ids."""
        from .engines.local import LocalEngine
        from .ingest import iter_articles

        engine = engine or LocalEngine(pipeline=self)
        summary = RunSummary()

        def done(item: Article | IngestError) -> None:
            if on_item:
                on_item(item)

        def to_code():
            for item in iter_articles(paths, published=published, source=source):
                summary.articles += 1
                if isinstance(item, IngestError):
                    store.record_error(item)
                    summary.errors += 1
                    done(item)
                elif store.has_article(item.id) and not reprocess:
                    summary.unchanged += 1
                    done(item)
                else:
                    yield item

        for res in engine.map(to_code()):
            item = res.article
            if res.error is not None:
                store.record_error(IngestError(item.origin or item.id, "processing", res.error), article_id=item.id)
                summary.errors += 1
            else:
                stored = store.has_article(item.id)
                if stored and not reprocess:       # the same article twice in one input, coded in parallel
                    summary.unchanged += 1
                    done(item)
                    continue
                older = store.previous_versions(item)
                result = store.add_article(item, res.mentions, replace=stored, supersedes=older)
                status = "updated" if (stored or older) and result.status == "new" else result.status
                setattr(summary, status, getattr(summary, status) + 1)
                summary.event_ids += list(result.event_ids)
            done(item)
        return summary


HISTORY_DAYS = 90
CROWD_SECTORS = {"CVL", "OPP", "LAB", "EDU", "AGR", "REF", "SOC", "JRN", "REL", "BUS", "MED", None}
ACLED_CROWD_INTER = {"Protests": 6, "Riots": 5}


def _situate_actors(m: Mention) -> Mention:
    """Actors named only by their role ("workers", "gunmen", "the army") belong to the country where the act
    happened: a region or country the sentence names as a place ("in North Darfur", "(Djibo, Soum)") or else
    the located place's country; the unorganised participants of a protest or riot (party members included)
    are ACLED's protesters (6) or rioters (5), the victims of violence against civilians are civilians (7)
    whatever their trade (ACLED's definition of the event: a mayor, an off-duty soldier, a party member or a
    suspected thief killed unarmed is a civilian), and civilians who attack ("villagers attacked a camp",
    "Fulani herders killed two") or fight a battle are a communal militia (4): ACLED never codes civilians as a
    side that fights. Members of no named kind ("members", sector UNK) count as civilians here. A city hit by
    violence or targeted where it lies ("rockets fell on Baghdad", "a curfew in Abidjan") is its people, not the
    government it stands for when it speaks."""
    from .actors.resolver import default_resolver
    resolver = default_resolver()
    placed = m.place.country if m.place and m.place.country and len(m.place.country) == 3 else None
    named = resolver.place_countries(m.sentence.text, context_countries=(placed,) if placed else ())
    country = placed if placed in named or not named else named[0]
    crowd = ACLED_CROWD_INTER.get(m.coding.acled_event_type or "")
    crowd_sectors = CROWD_SECTORS | {"UNK"}

    def fix(a: Actor, victim: bool) -> Actor:
        if country:
            a = resolver.situate(a, country, date=m.published)
            if a.sector in ("MIL", "COP", "SPY") and a.acled_inter in (1, 8) and a.country in resolver.kb.countries \
                    and not resolver.expeditionary(a):
                # ACLED: state forces are 1 at home, 8 abroad ("French forces" in Mali)
                inter = 1 if a.country == country else 8
                if inter != a.acled_inter:
                    a = replace(a, acled_inter=inter)
        if crowd and not victim and (a.sector in crowd_sectors and a.acled_inter not in (1, 2, 3, 4, 8)
                                     or a.sector in ("PTY", "OPP") and a.acled_inter == 3):
            a = replace(a, acled_inter=crowd)
        if (not victim and m.coding.acled_event_type in ("Battles", "Violence against civilians")
                or m.coding.acled_event_type == "Battles") and a.sector in crowd_sectors \
                and (a.acled_inter == 7 or a.sector == "UNK" and a.acled_inter is None):
            # both sides of a battle are armed: "clashed with residents" (a communal militia); "two men attacked"
            # (people of no stated community) an unidentified armed group
            a = replace(a, acled_inter=resolver.armed_inter(a) or 4)
        if victim and a.span is not None:
            hit = resolver.city_named(a)
            before = m.sentence.text[:max(0, a.span.start - m.sentence.start)].split()[-1:]
            located = bool(before) and before[0].lower() in ("in", "inside", "across", "throughout", "around")
            if hit and (located or m.coding.plover_type in VIOLENT_TYPES or m.coding.acled_event_type in (
                    "Battles", "Violence against civilians", "Explosions/Remote violence")):
                # "shells fell on Baghdad", "a curfew in Abidjan": its people, not its government
                people = resolver.resolve("civilians", context_countries=(hit,))
                a = replace(people, span=a.span, why=f"city {a.span.text!r} as the target -> its people ({hit})")
        if victim and m.coding.acled_event_type == "Violence against civilians" and a.acled_inter != 7:
            a = replace(a, acled_inter=7)
        return a

    actors = tuple(fix(a, False) for a in m.actors)
    recipients = tuple(fix(a, True) for a in m.recipients)
    if actors == m.actors and recipients == m.recipients:
        return m
    return replace(m, actors=actors, recipients=recipients)


def _long_before(date: EventDate, published: dt.date) -> bool:
    last = date.end or date.date
    return last is not None and (published - last).days > HISTORY_DAYS


def _trigger_token(document: Document, m: Mention):
    doc = document.parsed
    if doc is None:
        return None
    span = doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def _in_own_clause(document: Document, m: Mention, span: Span) -> bool:
    """Whether a date expression belongs to the trigger's own clause rather than a clause embedded in it."""
    from .extract.modality import _clause_verb, _own_clause
    tok = _trigger_token(document, m)
    if tok is None:
        return True
    verb = tok if tok.pos_ in ("VERB", "AUX") else _clause_verb(tok)
    words = _own_clause(verb) | _own_clause(tok)
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        words |= _own_clause(tok.head)
    # relative clauses that describe the trigger noun date it: "the clashes, which began on July 25"
    for c in tok.children:
        if c.dep_ in ("relcl", "acl"):
            words |= _own_clause(c)
    return any(span.start <= w.idx < span.end for w in words)


def _dated_claim(document: Document, m: Mention, span: Span) -> bool:
    """An act dated by the statement that reports it: "On 20 August, ISGS claimed to have killed ten soldiers",
    "On 3 May, the SPLM-N said it killed 40 soldiers". The statement bounds the act (ACLED codes such reports on
    the statement's date; the publication date may be months later). An act told in the pluperfect ("said the
    rebels had received help") happened at some earlier time and stays undated."""
    if _pluperfect(document, m):
        return False
    from .extract.cues import cues
    reporting = cues()["modality"]["reporting_verbs"] | cues()["modality"]["claim_verbs"]
    tok = _trigger_token(document, m)
    t, steps = tok, 0
    while t is not None and steps < 6 and t.head.i != t.i:
        # up from the act through its clause ("in an attack on ..." -> "killed") to the verb it is reported by
        if t.dep_ not in ("ccomp", "xcomp", "conj", "pobj", "prep", "dobj", "pcomp"):
            return False
        head = t.head
        if head.lemma_.lower() in reporting:
            # the reporting clause with its modifiers ("Around 20 September (as reported), X claimed ..."),
            # not the reported clause itself
            inner = {w.i for w in t.subtree}
            if any(span.start <= w.idx < span.end for w in head.subtree if w.i not in inner):
                return True
        t, steps = head, steps + 1
    return False


def _pluperfect(document: Document, m: Mention) -> bool:
    tok = _trigger_token(document, m)
    return tok is not None and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _context_countries(mentions: Iterable[Mention]) -> tuple[str, ...]:
    """Countries of the article's actors, most frequent first, for the geocoder; armed groups that act across
    borders are left out (JNIM, filed under Mali, pulled Burkina Faso villages to Malian namesakes)."""
    from collections import Counter

    from .actors import TRANSNATIONAL_SECTORS
    c = Counter(a.country for m in mentions for a in m.actors + m.recipients
                if a.country and len(a.country) == 3 and a.sector not in TRANSNATIONAL_SECTORS)
    return tuple(k for k, _ in c.most_common())


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()
