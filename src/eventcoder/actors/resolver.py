"""Actor resolver: mentions in text -> `records.Actor`, using a compiled index of the knowledge base.

How it reads a text:
1. `tokenize` folds the text into transliteration keys with offsets (see normalize.py).
2. At each token the index (a dict from key tuples to lexemes, looked up longest-first from a table of
   lengths per first key) yields the longest known phrase: a country name, capital, demonym, group or IGO
   alias, office holder, role noun ("soldiers"), modifier ("separatist"), title ("Colonel"), identity
   ("Tuareg"), linker ("from", "linked to"), determiner or appositive ("affiliate").
3. Adjacent lexemes form chunks ("Tuareg separatist rebels", "Russian mercenaries", "Colonel Abdoulaye
   Maiga") and each chunk is interpreted: person > organization > role with its country > country alone.
4. Chunks joined by a linker merge ("Russian mercenaries from the Wagner group" -> Wagner; "a spokesman for
   Ukrainian military intelligence" -> HUR; "Military Forces of Mali" -> MLI MIL; "fighters linked to
   al-Qaeda" -> the al-Qaeda affiliate of the article's country), and "Malian and Russian forces" shares
   the role between the two demonyms.
Ambiguous aliases (CNSP in Mali 2020 and Niger 2023, ADF in the DRC and Cameroon) are settled by the date
and the context countries. Nothing is dropped: a mention that names no known actor keeps its text with a
sector guess and known=False.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import records
from .kb import Alias, Entry, KnowledgeBase, RoleNoun, default_kb
from .normalize import Token, fold, norm_key, tokenize

__all__ = ["ActorMatch", "ActorResolver", "default_resolver"]

# sectors whose generic members are "known" collective actors ("Civilians (Mali)"), unlike unnamed armed groups
_COLLECTIVE = {"CVL", "REF", "JRN", "MED", "EDU", "AGR", "BUS", "LAB", "REL", "SOC", "NGO"}
_FOREIGN_8 = {"MIL", "COP", "SPY"}          # state forces outside their own country are ACLED inter 8
_LINKED = {"linked to", "affiliated to", "affiliated with", "loyal to", "allied to", "allied with",
           "associated with", "tied to", "close to", "aligned with"}
_LOCATIVE = {"in", "near", "outside", "around", "across", "inside", "throughout", "into", "within", "towards",
             "toward", "northern", "southern", "eastern", "western", "central"}
_BACKED = {"backed", "supported", "sponsored", "funded", "armed", "trained"}
_STATE_WORDS = {"State", "STATE"}       # "Niger State": a country name as a region of another country
_NOMINAL = {"country", "capital", "demonym", "gentile", "region", "org", "person", "role", "modifier", "title", "identity",
            "appos"}


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    text: str
    actor: records.Actor


@dataclass(frozen=True)
class _Lex:
    kind: str
    ref: Any
    text: str                    # the alias / word as written in the KB
    alias: Alias | None = None
    proper: bool = False         # a proper name: in free text it must be capitalized
    acronym: bool = False        # short all-caps alias ("US", "IS", "AU"): must be all-caps in the text


@dataclass
class _Item:
    i: int                       # token range [i, j)
    j: int
    lexes: tuple[_Lex, ...]      # empty: an unknown word
    by: dict[str, list[_Lex]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for lx in self.lexes:
            self.by.setdefault(lx.kind, []).append(lx)

    def kinds(self) -> set[str]:
        return set(self.by)

    def get(self, kind: str) -> list[_Lex]:
        return self.by.get(kind, [])


@dataclass
class _Reading:
    """What a chunk (or merged chunks) denotes."""
    i: int
    j: int
    actor: records.Actor | None
    strength: int                # 3 person/org, 2 country+role/country, 1 role only, 0 demonym only
    country: str | None = None   # explicit country in the chunk
    role: RoleNoun | None = None
    demonym_only: bool = False
    org: Entry | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class ActorResolver:
    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb if kb is not None else default_kb()
        self.lex = self.kb.lexicon
        self._index: dict[tuple[str, ...], list[_Lex]] = {}
        self._lengths: dict[str, list[int]] = {}
        self._build()

    # ------------------------------------------------------------------------------------ index
    def _add(self, text: str, lx: _Lex) -> None:
        k = norm_key(text)
        if not k:
            return
        bucket = self._index.setdefault(k, [])
        if lx not in bucket:
            bucket.append(lx)

    def _build(self) -> None:
        kb, lex = self.kb, self.lex
        for c in kb.countries.values():
            for n in (c.name, *c.names):
                self._add(n, _Lex("country", c.iso3, n, proper=True, acronym=_is_acronym(n)))
            for d in c.demonyms:
                self._add(d, _Lex("demonym", c.iso3, d, proper=True, acronym=_is_acronym(d)))
                pl = _gentile(d)
                if pl:
                    self._add(pl, _Lex("gentile", c.iso3, pl, proper=True))
            for cap in c.capitals:
                self._add(cap, _Lex("capital", c.iso3, cap, proper=True, acronym=_is_acronym(cap)))
        for name, isos in kb.regions.items():
            for iso in isos:
                self._add(name, _Lex("region", iso, name, proper=True, acronym=_is_acronym(name)))
        for e in kb.entries.values():
            kind = "person" if e.kind == "person" else "org"
            for a in (Alias(e.name), *e.aliases, *e.names):
                self._add(a.text, _Lex(kind, e.id, a.text, a, proper=not a.descriptive, acronym=_is_acronym(a.text)))
        for r in lex.roles:
            for f in r.forms:
                self._add(f, _Lex("role", r, f))
        for w, s in lex.modifiers.items():
            self._add(w, _Lex("modifier", s, w))
        for t, s in lex.titles.items():
            self._add(t, _Lex("title", s, t))
        for w in lex.linkers:
            if w != "(":
                self._add(w, _Lex("linker", w, w))
        for w in lex.appositives:
            self._add(w, _Lex("appos", w, w))
        for w in lex.determiners:
            self._add(w, _Lex("det", w, w))
        for w, cs in lex.identities.items():
            self._add(w, _Lex("identity", w, w, proper=True))
            pl = _identity_plural(w)
            if pl:      # "Kurds", "Tamils": the people of that identity
                self._add(pl, _Lex("identity", w, pl, proper=True))
        self._by_descriptor: dict[str, list[Entry]] = {}
        for e in kb.entries.values():
            for d in e.descriptors:
                bucket = self._by_descriptor.setdefault(fold(d.text), [])
                if e not in bucket:
                    bucket.append(e)
        lengths: dict[str, set[int]] = {}
        for k in self._index:
            lengths.setdefault(k[0], set()).add(len(k))
        self._lengths = {f: sorted(v, reverse=True) for f, v in lengths.items()}

    # ------------------------------------------------------------------------------------ public API
    def find(self, text: str, *, date: dt.date | None = None,
             context_countries: Sequence[str] = ()) -> list[ActorMatch]:
        """All non-overlapping actor mentions in `text` (longest match wins), offsets relative to `text`."""
        if not isinstance(text, str):
            raise TypeError(f"find() needs a str, got {type(text).__name__}")
        date = _date(date)
        ctx = _ctx(context_countries)
        toks = tokenize(text)
        readings = self._readings(text, toks, date, ctx, free_text=True)
        out = []
        for r in readings:
            if r.actor is None:
                continue
            s, e = toks[r.i].start, toks[r.j - 1].end
            out.append(ActorMatch(s, e, text[s:e], r.actor))
        return out

    def resolve(self, phrase: str, *, date: dt.date | None = None,
                context_countries: Sequence[str] = ()) -> records.Actor:
        """Resolve one noun phrase to an Actor; never fails: unknown phrases get known=False + a sector guess."""
        if not isinstance(phrase, str):
            raise TypeError(f"resolve() needs a str, got {type(phrase).__name__}")
        text = " ".join(phrase.split())
        date = _date(date)
        ctx = _ctx(context_countries)
        toks = tokenize(text)
        all_readings = self._readings(text, toks, date, ctx, free_text=False)
        readings = [r for r in all_readings if r.actor is not None]
        if not readings:
            dem = [r for r in all_readings if r.demonym_only and r.country]
            if dem and dem[-1].j == len(toks):
                # a bare demonym ("Hungarian", from "Hungarian officials") stands for the country's state
                return self._country_actor(dem[-1].country, "GOV", date, ctx,
                                           f"demonym {text!r} alone -> the government of {dem[-1].country}")
            if dem:     # "Danish Web sites": a demonym before a head noun the lexicon does not know
                return self._unknown(text, toks, ctx, country=dem[-1].country)
            ident = [r for r in all_readings if r.demonym_only and r.extra.get("idents")]
            if ident and ident[-1].j == len(toks) and len(all_readings) == 1:
                # a clan or people named alone as a party ("Degodia attacked Garre villages", "the Kalenjin"):
                # its people, as a plural identity noun reads ("Kurds", "Tamils")
                return self._people(ident[-1].extra["idents"][-1], text, ctx)
        if readings:
            best = readings[0]
            strong = [r for r in readings if r.strength >= 3]
            if best.strength <= 1 and strong:
                best = strong[0]
            return best.actor
        return self._unknown(text, toks, ctx)

    def place_countries(self, text: str, *, context_countries: Sequence[str] = ()) -> list[str]:
        """Countries of the places `text` names, in text order, each once: regions ("in North Darfur",
        "(Djibo, Soum)", "Borno") and countries or capitals after a locative ("in Mali", "near Bamako").
        A country named otherwise ("Mali said") is an actor, not a place, and is not returned."""
        if not isinstance(text, str):
            raise TypeError(f"place_countries() needs a str, got {type(text).__name__}")
        ctx = _ctx(context_countries)
        cache = self.__dict__.setdefault("_places_cache", {})
        hit = cache.get((text, ctx))
        if hit is not None:
            return list(hit)
        if len(cache) > 5_000:
            cache.clear()
        toks = tokenize(text)
        out: list[str] = []
        for it in self._items(text, toks, True):
            if it.get("person") or it.get("org"):
                continue
            states = it.get("country") or it.get("capital")
            lx = None
            namesakes = [r for r in it.get("region") if all(r.ref != c.ref for c in states)]
            if states and namesakes and it.j < len(toks) and toks[it.j].text in _STATE_WORDS:
                lx = self._pick_country(namesakes, ctx)          # "in Niger State": Nigeria's state
            elif states and it.i > 0 and toks[it.i - 1].text.lower() in _LOCATIVE:
                lx = self._pick_country(states, ctx)
            elif it.get("region") and not states and not it.get("demonym"):
                lx = self._pick_country(it.get("region"), ctx)
            if lx is not None and lx.ref not in out:
                out.append(lx.ref)
        cache[(text, ctx)] = tuple(out)
        return out

    def situate(self, actor: records.Actor, country: str, *, date: dt.date | None = None) -> records.Actor:
        """`actor` as it reads in `country`: an actor whose own words name no country ("soldiers", "unknown
        gunmen", "the army") takes `country` (and its state institution: "the army" in Mali -> FAMa); one
        that names a country or a known group ("Malian soldiers", "JNIM", an office holder) is returned as
        is. Needs the actor's span text; without it only a missing country is filled in."""
        country = country.upper()
        if actor.country == country:
            return actor
        if actor.kb_id:
            e = self.kb.get(actor.kb_id)
            if e is not None and e.kind == "organization" and e.affiliates and actor.country not in self.kb.countries:
                # a transnational network acting in a country where it has a local affiliate ("an Islamic
                # State sniper" in Egypt -> its Sinai province)
                aff = self._affiliate(e, _date(date), (country,))
                if aff is not None:
                    a = self._org_actor(aff, _date(date), (country,), f"{actor.why}; in {country} -> affiliate {aff.id}")
                    return records.replace(a, span=actor.span)
            if e is not None and not e.institution_of:
                return actor             # a named group or person (also one an earlier mention anchored)
        text = actor.span.text if actor.span is not None else None
        if not text:
            return records.replace(actor, country=country) if actor.country is None and not actor.known else actor
        # read in the event's country: words that name another country or a group keep theirs ("Malian
        # soldiers"); an identity keeps its own countries ("Fulani militia" in Benin: Benin, in Kenya: no)
        there = self._resolve_cached(text, _date(date), (country,))
        if there.country != country or there.sector != actor.sector:
            return records.replace(actor, country=country) if actor.country is None and not actor.known else actor
        return records.replace(there, span=actor.span, why=f"{there.why}; situated in the event's country {country}")

    def city_named(self, actor: records.Actor) -> str | None:
        """The country of a city the actor's words name, alone or after descriptive words ("Baghdad", "the
        southern regional capital Juba"), else None. A capital that speaks or acts stands for its government ("Washington said"); one that is hit
        is its people (`pipeline._situate_actors`)."""
        text = actor.span.text if actor.span is not None else None
        if not text or actor.sector != "GOV":
            return None
        items = [it for it in self._items(text, tokenize(text), False) if not it.get("det")]
        if not items or not items[-1].get("capital") or any(it.get(k) for it in items for k in
                                                            ("org", "person", "country", "role", "demonym")):
            return None
        # only descriptive words before the name ("the southern regional capital Juba")
        if any(it.get("capital") or it.get("identity") for it in items[:-1]):
            return None
        # the government the resolver read it as already has the right, dated country (Juba: Sudan before 2011)
        return actor.country or self._pick_country(items[-1].get("capital"), ()).ref

    def armed_inter(self, actor: records.Actor) -> int | None:
        """The ACLED inter code of an unnamed civilian actor that attacks or fights, from its head role noun's
        `armed_inter` in the lexicon: people of no stated community ("two men", "individuals") are an
        unidentified armed group (3); None where the lexicon says nothing or the mention names a community
        ("Fulani men", "villagers": a communal militia)."""
        text = actor.span.text if actor.span is not None else None
        if not text or actor.kb_id:
            return None
        cache = self.__dict__.setdefault("_armed_cache", {})
        if text not in cache:
            if len(cache) > 20_000:
                cache.clear()
            items = self._items(text, tokenize(text), False)
            roles = [lx.ref for it in items for lx in it.get("role")]
            # a stated community ("Fulani men") makes them its militia whatever the noun
            ident = any(it.get("identity") for it in items)
            cache[text] = roles[-1].armed_inter if roles and not ident else None
        return cache[text]

    def _resolve_cached(self, text: str, date: dt.date | None, ctx: tuple[str, ...]) -> records.Actor:
        cache = self.__dict__.setdefault("_situate_cache", {})
        k = (text, date, ctx)
        a = cache.get(k)
        if a is None:
            if len(cache) > 20_000:
                cache.clear()
            a = cache[k] = self.resolve(text, date=date, context_countries=ctx)
        return a

    def entity_ruler_patterns(self, *, phrases: bool = False) -> list[dict]:
        """spaCy EntityRuler patterns: GPE countries/capitals, NORP demonyms and identity groups ("Tuareg"), ORG
        groups/IGOs, PERSON office holders; each pattern's `id` is the ISO3 code or the KB id. Names come as written and ASCII-folded
        ("Goïta", "Goita").

        By default every pattern is a token pattern (`[{"LOWER": ...}, ...]`, tokenized with spaCy's English
        tokenizer), so matching is case-insensitive whatever the ruler's `phrase_matcher_attr`, and adding
        the ~3,000 patterns to a ruler takes milliseconds (phrase patterns make the ruler run the whole
        pipeline over every pattern: seconds). `phrases=True` returns string patterns instead (use
        `phrase_matcher_attr="LOWER"`). Short all-caps acronyms ("IS", "US", "AU") are always exact-case
        `ORTH` patterns, so that "is" and "us" are never tagged."""
        tokenizer = None if phrases else _spacy_tokenizer()
        out: list[dict] = []
        seen: set[tuple[str, str]] = set()

        def add(label: str, text: str, pid: str) -> None:
            for t in dict.fromkeys((text, fold(text) if fold(text) != text.lower() else text)):
                if len(t) < 2 or (label, t.lower()) in seen:
                    continue
                seen.add((label, t.lower()))
                if _is_acronym(t) and " " not in t and "-" not in t:
                    # "IS", "AU", "US": a case-sensitive token pattern, so that "is" and "us" stay words
                    out.append({"label": label, "pattern": [{"ORTH": t}], "id": pid})
                elif tokenizer is not None:
                    out.append({"label": label, "pattern": [{"LOWER": tok.lower_} for tok in tokenizer(t)], "id": pid})
                else:
                    out.append({"label": label, "pattern": t, "id": pid})

        for c in self.kb.countries.values():
            for n in (c.name, *c.names):
                add("GPE", n, c.iso3)
            for cap in c.capitals:
                add("GPE", cap, c.iso3)
            for d in c.demonyms:
                add("NORP", d, c.iso3)
                if _gentile(d):
                    add("NORP", _gentile(d), c.iso3)
        for e in self.kb.entries.values():
            label = "PERSON" if e.kind == "person" else "ORG"
            for a in (Alias(e.name), *e.aliases, *e.names):
                if not a.descriptive:
                    add(label, a.text, e.id)
        for w, cs in self.lex.identities.items():      # "Tuareg", "Fulani": NORP (spaCy tags Tuareg as GPE)
            add("NORP", w.title(), cs[0] if cs else w)
        return out

    # ------------------------------------------------------------------------------------ scanning
    def _items(self, text: str, toks: list[Token], free_text: bool) -> list[_Item]:
        items: list[_Item] = []
        n, i = len(toks), 0
        while i < n:
            hit = None
            for L in self._lengths.get(toks[i].key, ()):
                if i + L > n:
                    continue
                lexes = self._index.get(tuple(t.key for t in toks[i:i + L]))
                if not lexes:
                    continue
                ok = tuple(lx for lx in lexes if _accept(lx, toks[i:i + L], free_text))
                if ok and _contiguous(text, toks, i, i + L):
                    hit = _Item(i, i + L, ok)
                    break
            if hit is None:
                hit = _Item(i, i + 1, ())
            elif hit.j - hit.i == 1 and hit.get("person") and _other_given_name(text, toks, i, items, free_text):
                # "Jeb Bush", "Laura Bush": a capitalized unknown word before a one-word surname alias names
                # someone else of that name
                rest = tuple(lx for lx in hit.lexes if lx.kind != "person")
                hit = _Item(i, i + 1, rest)
            items.append(hit)
            i = hit.j
        return items

    def _readings(self, text: str, toks: list[Token], date: dt.date | None, ctx: tuple[str, ...],
                  free_text: bool) -> list[_Reading]:
        items = self._items(text, toks, free_text)
        # 1. chunks: runs of nominal items joined only by spaces/hyphens/possessives
        chunks: list[list[_Item]] = []
        k = 0
        while k < len(items):
            it = items[k]
            if it.kinds() & _NOMINAL:
                run = [it]
                k += 1
                while k < len(items) and items[k].kinds() & _NOMINAL and _joined(text, toks, run[-1].j - 1, items[k].i):
                    run.append(items[k])
                    k += 1
                # a title takes up to three following capitalized unknown words as a person's name
                if any(x.get("title") for x in run) and not any(x.get("person") for x in run):
                    m = 0
                    while (k < len(items) and m < 3 and not items[k].lexes and toks[items[k].i].upper
                           and _joined(text, toks, items[k - 1].j - 1, items[k].i)):
                        run.append(items[k])
                        k += 1
                        m += 1
                chunks.append(run)
            else:
                k += 1
        readings = [r for r in (self._interpret(c, text, toks, date, ctx, free_text) for c in chunks) if r is not None]
        # 2. merges across linkers and coordination
        readings = self._link(readings, items, text, toks, date, ctx)
        return readings

    # ------------------------------------------------------------------------------------ chunk reading
    def _interpret(self, chunk: list[_Item], text: str, toks: list[Token], date: dt.date | None,
                   ctx: tuple[str, ...], free_text: bool = True) -> _Reading | None:
        # drop leading determiners/appositive-only words from the span
        while chunk and chunk[0].kinds() <= {"det", "appos"} and len(chunk) > 1 \
                and not chunk[0].get("role"):
            chunk = chunk[1:]
        if not chunk:
            return None
        i, j = chunk[0].i, chunk[-1].j
        span_text = text[toks[i].start:toks[j - 1].end]
        # country mentioned inside the chunk (last one wins: "Russian-backed Malian forces" -> Mali)
        country, country_lex = None, None
        backed = False
        for x, it in enumerate(chunk):
            for kind in ("country", "capital", "demonym", "gentile"):
                if it.get(kind):
                    nxt = chunk[x + 1] if x + 1 < len(chunk) else None
                    if nxt is not None and any(lx.text in _BACKED for lx in nxt.get("modifier")):
                        backed = True
                        break
                    lx = self._pick_country(it.get(kind), ctx)
                    country, country_lex = lx.ref, lx
                    break
        regional = False
        namesake = self._namesake_region(chunk, toks, country_lex, ctx)
        if namesake is not None:
            # "Niger State", "a Niger communal militia": the region of that name, not the country
            country, country_lex, regional = namesake.ref, namesake, True
        if country is not None and self.kb.successions:
            country = self.kb.country_on(country, date)     # "southern Sudan" in 2005 is Sudan
        if country is None and not backed:
            # no country named: a region of one ("Darfur rebels", "Borno police") tells the country
            for it in chunk:
                if it.get("region"):
                    lx = self._pick_country(it.get("region"), ctx)
                    country, country_lex, regional = self.kb.country_on(lx.ref, date), lx, True
        # person
        for x, it in enumerate(chunk):
            ps = it.get("person")
            if ps:
                e = self._pick_entry([self.kb.entries[lx.ref] for lx in ps], date, ctx, country)
                start = chunk[0].i
                titles = [lx.text for c in chunk[:x] for lx in c.get("title")]
                words = fold(ps[0].text).split()
                titles += [w for n in (2, 1) for w in [" ".join(words[:n])] if len(words) > n and w in self.lex.titles][:1]
                # "former" may stand a few words before the chunk ("former Socialist prime minister X")
                eli = {w for w, sec in self.lex.modifiers.items() if sec == "ELI"}
                former = self._former(chunk[:x]) or any(fold(t.text) in eli for t in toks[max(0, start - 3):start])
                actor = self._person_actor(e, date, ctx, ps[0].text, titles, former=former)
                after = [y for y in range(x + 1, len(chunk)) if chunk[y].get("role")]
                if after and actor.country in self.kb.countries:
                    # "the Bush administration", "Assad forces": the leader's country, the role's sector
                    y = after[-1]
                    role = self._pick_role(chunk[y].get("role"), chunk[:y])
                    why = f"role {role.noun!r} of {e.id}"
                    ra = self._role_actor(span_text, role, role.sector, why, actor.country, None, [], date, ctx,
                                          explicit=True)
                    return _Reading(start, chunk[y].j, ra, 2, country=actor.country, role=role,
                                    extra={"sector": role.sector, "why": why, "idents": []})
                return _Reading(start, it.j, actor, 3, country=actor.country, org=e)
        # organization (the last named one: "al-Qaeda affiliate Jamaat Nusrat al-Islam wal-Muslimin" -> JNIM)
        org_pos = [x for x, it in enumerate(chunk) if it.get("org")]
        if org_pos:
            x = org_pos[-1]
            it = chunk[x]
            cands = [self.kb.entries[lx.ref] for lx in it.get("org")]
            e = self._pick_entry(cands, date, ctx, country)
            rest = chunk[x + 1:]
            # "al-Qaeda-backed X": the org is not the head
            if rest and any(lx.text in _BACKED for lx in rest[0].get("modifier")):
                pass
            else:
                why = f"alias {it.get('org')[0].text!r} of {e.id}"
                linked = rest and (any(lx.text in {"linked", "affiliated", "aligned"} for lx in rest[0].get("modifier"))
                                   or rest[0].get("appos") and rest[0].get("appos")[0].text != "group")
                if linked:
                    aff = self._affiliate(e, date, ctx)
                    if aff is not None:
                        why = f"{why}; {span_text!r} in {ctx[0]} -> affiliate {aff.id}"
                        e = aff
                actor = self._org_actor(e, date, ctx, why)
                return _Reading(i, j, actor, 3, country=actor.country, org=e)
        idents_only = [lx.ref for it in chunk for lx in it.get("identity")]
        # a plural identity noun at the head ("Iraqi Kurds", "Tamils") may follow a demonym or country
        people = [lx for lx in chunk[-1].get("identity") if lx.text != lx.ref] if not chunk[-1].get("role") else []
        allowed = ("identity", "modifier", "demonym", "country") if people else ("identity", "modifier")
        if idents_only and all(any(it.get(k) for k in allowed) and not it.get("role") for it in chunk):
            if people:
                # a plural identity noun is a people ("Iraqi Kurds", "Tamils fled"): civilians of the country
                # named, else of the context country if the identity lives there, else of its first country
                actor = self._people(people[0].ref, span_text, ctx, country=country, label=people[0].text,
                                     why=f"plural identity {people[0].text!r} -> its people")
                return _Reading(i, j, actor, 2, country=actor.country)
            return _Reading(i, j, None, 0, demonym_only=True, extra={"idents": idents_only})
        # a title with a name that is not in the KB: an unknown person
        tpos = [x for x, it in enumerate(chunk) if it.get("title")]
        if tpos and chunk[-1].lexes == () and tpos[-1] < len(chunk) - 1:
            t = chunk[tpos[-1]].get("title")[0]
            name_items = chunk[tpos[-1] + 1:]
            name = text[toks[name_items[0].i].start:toks[name_items[-1].j - 1].end]
            c, why = (country, f"{country_lex.kind} {country_lex.text!r}") if country else \
                (ctx[0] if ctx else None, f"country from context {ctx[0]}" if ctx else "")
            tsector = t.ref
            if self._former(chunk) and tsector in ("GOV", "MIL", "LEG", "JUD"):
                tsector, why = "ELI", why + "; 'former' -> ELI"
            actor = records.Actor(name=name, country=c, sector=tsector, kb_id=None,
                                  acled_inter=self._inter(tsector, c, ctx, None), known=False,
                                  why=f"title {t.text!r} + unknown name" + (f"; {why}" if why else ""))
            return _Reading(i, j, actor, 1, country=country, extra={"person": True, "sector": t.ref})
        # role head (the last item that can be a role)
        role_pos = [x for x, it in enumerate(chunk) if it.get("role")]
        if role_pos:
            x = role_pos[-1]
            role = self._pick_role(chunk[x].get("role"), chunk[:x])
            if role.needs_country and not country:
                return None
            mods = [lx for it in chunk[:x] for lx in it.get("modifier")] + \
                   [lx for it in chunk[:x] for lx in it.get("role") if not it.get("modifier")]
            sector, why_sector = role.sector, f"role {chunk[x].get('role')[0].text!r}"
            if role.generic:
                for lx in mods:
                    s = lx.ref if lx.kind == "modifier" else lx.ref.sector
                    if s and s != "ELI":        # "former" only turns officials into ELI (below)
                        sector, why_sector = s, f"{lx.text!r} + role {role.noun!r}"
            if sector in _COLLECTIVE and any(lx.kind == "modifier" and lx.ref == "UAF" for lx in mods):
                # "armed farmers", "unknown individuals": ACLED's unidentified armed group, not civilians
                sector, why_sector = "UAF", f"{[lx.text for lx in mods if lx.ref == 'UAF'][-1]!r} + role {role.noun!r}"
            if self._former(chunk[:x]) and sector in ("GOV", "LEG", "JUD"):
                sector, why_sector = "ELI", f"'former' + role {role.noun!r} -> former officials"
            idents = [lx.ref for it in chunk[:x] for lx in it.get("identity")
                      if not (it.get("demonym") and country)]
            head_end = chunk[x].j
            actor = self._role_actor(span_text, role, sector, why_sector, country, country_lex, idents, date, ctx,
                                     explicit=bool(country))
            return _Reading(i, head_end, actor, 2 if country else 1, country=country, role=role,
                            org=self.kb.get(actor.kb_id) if actor.kb_id else None,
                            extra={"sector": sector, "why": why_sector, "idents": idents})
        if regional:
            # a region alone is a place, never an actor (kept so that "rebels in Darfur" can link)
            return _Reading(i, j, None, 0, country=country, extra={"place": True})
        if free_text and country and not backed and country_lex.kind in ("country", "capital") and i > 0 \
                and toks[i - 1].text.lower() in _LOCATIVE and _joined(text, toks, i - 1, i):
            # "fighting in Mali", "near Bamako": a place, not an actor (kept so "soldiers in Mali" can link)
            return _Reading(i, j, None, 0, country=country, extra={"place": True})
        if country and not backed:
            # a country or capital alone stands for its government; a demonym alone is an adjective;
            # a plural demonym ("Palestinians") stands for the country's people
            if country_lex.kind == "gentile":
                c = self.kb.country(country)
                actor = records.Actor(name=f"Civilians ({c.name if c else country})", country=country, sector="CVL",
                                      kb_id=None, acled_inter=7, known=True,
                                      why=f"plural demonym {country_lex.text!r} -> its people")
                return _Reading(i, j, actor, 2, country=country)
            if country_lex.kind == "demonym":
                return _Reading(i, j, None, 0, country=country, demonym_only=True)
            actor = self._country_actor(country, "GOV", date, ctx, f"{country_lex.kind} {country_lex.text!r}"
                                        + (" as metonym for the government" if country_lex.kind == "capital"
                                           else " -> its government"))
            return _Reading(i, j, actor, 2, country=country)
        return None

    # ------------------------------------------------------------------------------------ merges
    def _link(self, rs: list[_Reading], items: list[_Item], text: str, toks: list[Token],
              date: dt.date | None, ctx: tuple[str, ...]) -> list[_Reading]:
        out: list[_Reading] = []
        k = 0
        while k < len(rs):
            a = rs[k]
            b = rs[k + 1] if k + 1 < len(rs) else None
            if b is not None:
                between = toks[a.j:b.i]
                words = " ".join(t.text.lower() for t in between)
                gap = text[toks[a.j - 1].end:toks[b.i].start]
                linker, dets = self._linker(words, gap)
                # coordination: "Malian and Russian forces"
                if a.demonym_only and b.role is not None and (b.country or b.extra.get("idents")) \
                        and words in ("and", "or", "and or", "") and (words or "," in gap):
                    actor = self._role_actor(text[toks[a.i].start:toks[a.j - 1].end], b.role, b.extra["sector"],
                                             b.extra["why"] + " (shared by coordination)", a.country, None,
                                             a.extra.get("idents", []), date, ctx, explicit=bool(a.country))
                    out.append(_Reading(a.i, a.j, actor, 2, country=a.country, role=b.role))
                    k += 1
                    continue
                if linker is not None and a.actor is not None and (b.actor is not None or b.extra.get("place")) \
                        and a.strength < 3:
                    merged = self._merge(a, b, linker, text, toks, date, ctx)
                    if merged is not None:
                        out.append(merged)
                        k += 2
                        continue
            if a.actor is not None or a.demonym_only:
                out.append(a)
            k += 1
        return [r for r in out if r.actor is not None or r.demonym_only]

    def _linker(self, words: str, gap: str) -> tuple[str | None, list[str]]:
        """The linker between two chunks (and any determiners after it), or None."""
        if not words and "(" in gap:
            return "(", []
        parts = words.split()
        dets = set(self.lex.determiners)
        for n in (2, 1):
            head = " ".join(parts[:n])
            if len(parts) >= n and head in self.lex.linkers:
                rest = parts[n:]
                if all(w in dets for w in rest):
                    return head, rest
        return None, []

    def _merge(self, a: _Reading, b: _Reading, linker: str, text: str, toks: list[Token],
               date: dt.date | None, ctx: tuple[str, ...]) -> _Reading | None:
        span = text[toks[a.i].start:toks[b.j - 1].end]
        if b.strength >= 3 and b.org is not None:
            e = b.org
            if linker in _LINKED and e.kind == "organization":
                aff = self._affiliate(e, date, ctx)
                if aff is not None:
                    actor = self._org_actor(aff, date, ctx, f"{span!r}: {linker} {e.id} in {ctx[0]} -> affiliate {aff.id}")
                    return _Reading(a.i, b.j, actor, 3, country=actor.country, org=aff)
            if a.country and b.actor.country and a.country != b.actor.country and e.kind == "organization" \
                    and e.sector not in ("PMC", "IGO") and linker != "of":
                return None
            actor = records.replace(b.actor, why=f"{b.actor.why}; {linker!r} links it to {text[toks[a.i].start:toks[a.j - 1].end]!r}")
            return _Reading(a.i, b.j, actor, 3, country=actor.country, org=e)
        if a.extra.get("person") and a.country is None and b.role is None and b.country and b.org is None \
                and linker in ("of", "("):      # "King Hassan of Morocco"
            actor = records.replace(a.actor, country=b.country,
                                    acled_inter=self._inter(a.extra["sector"], b.country, ctx, None),
                                    why=f"{a.actor.why}; country {b.country} from {linker!r}")
            return _Reading(a.i, b.j, actor, 1, country=b.country)
        if a.role is not None and (a.country is None or linker == "("):
            if b.role is None and b.country:          # "Military Forces of Mali", "Civilians (Kenya)"
                actor = self._role_actor(span, a.role, a.extra["sector"], a.extra["why"], b.country, None,
                                         a.extra["idents"], date, ctx, explicit=True)
                # "soldiers in Borno": the place gives the country but stays out of the mention's span, so that
                # the geoparser keeps it as the event's toponym
                return _Reading(a.i, a.j if b.extra.get("place") else b.j, actor, 2, country=b.country, role=a.role)
            if b.strength >= 2 and linker in ("for", "of", "from", "with") + tuple(_LINKED):
                # "a spokesman for Ukrainian military intelligence" -> that actor
                actor = records.replace(b.actor, why=f"{b.actor.why}; {linker!r} links {text[toks[a.i].start:toks[a.j - 1].end]!r} to it")
                return _Reading(a.i, b.j, actor, b.strength, country=b.country, role=b.role, org=b.org)
        return None

    # ------------------------------------------------------------------------------------ actor builders
    def _former(self, items: list[_Item]) -> bool:
        return any(lx.ref == "ELI" for it in items for lx in it.get("modifier"))

    def _namesake_region(self, chunk: list[_Item], toks: list[Token], country_lex: _Lex | None,
                         ctx: tuple[str, ...]) -> _Lex | None:
        """The region reading of a country name that is also another country's region (namesake_regions.yaml)
        when the text marks it as the region: "State" follows it ("Niger State"), or the chunk's role is a
        communal/ethnic militia (ACLED names these after sub-national units: "a Niger communal militia")."""
        if country_lex is None or country_lex.kind != "country":
            return None
        for it in chunk:
            if country_lex not in it.get("country"):
                continue
            regions = [lx for lx in it.get("region") if lx.ref != country_lex.ref]
            if not regions:
                return None
            after = toks[it.j] if it.j < len(toks) else None
            state = after is not None and after.text in _STATE_WORDS
            communal = any(r.sector == "PRM" and r.acled_inter == 4 for c in chunk for lx in c.get("role")
                           for r in [lx.ref] if isinstance(r, RoleNoun))
            if state or communal:
                return self._pick_country(regions, ctx)
            return None
        return None

    def _pick_country(self, lexes: list[_Lex], ctx: tuple[str, ...]) -> _Lex:
        for c in ctx:
            for lx in lexes:
                if lx.ref == c:
                    return lx
        return lexes[0]

    def _pick_entry(self, cands: list[Entry], date: dt.date | None, ctx: tuple[str, ...],
                    country: str | None) -> Entry:
        def score(e: Entry) -> tuple:
            where = {e.country, *e.countries}
            return (e.active(date),
                    bool(country and country in where),
                    max((len(ctx) - ctx.index(c) for c in ctx if c in where), default=0),
                    date is None and e.end is None)
        return max(cands, key=score)          # max is stable: KB order breaks ties

    def _pick_role(self, lexes: list[_Lex], before: list[_Item]) -> RoleNoun:
        return lexes[0].ref

    def _affiliate(self, e: Entry, date: dt.date | None, ctx: tuple[str, ...]) -> Entry | None:
        for c in ctx:
            aid = e.affiliate_in(c, date)
            if aid:
                return self.kb.entries.get(aid)
        return None

    def _inter(self, sector: str | None, country: str | None, ctx: tuple[str, ...], base: int | None) -> int | None:
        if base is None:
            base = self.lex.sector_inter(sector)
        if base == 1 and sector in _FOREIGN_8 and country and ctx and country != ctx[0]:
            return 8
        return base

    def expeditionary(self, actor: records.Actor) -> bool:
        """Whether the actor is a state force the KB says operates only outside its own country (an operation
        such as Barkhane: home FRA, `countries` [MLI, NER, ...]): ACLED's external force (8) wherever the
        event is located."""
        e = self.kb.get(actor.kb_id) if actor.kb_id else None
        return bool(e is not None and e.countries and actor.country and actor.country not in e.countries
                    and self.lex.is_state_sector(actor.sector or ""))

    def _org_actor(self, e: Entry, date: dt.date | None, ctx: tuple[str, ...], why: str) -> records.Actor:
        country, sector, inter = e.at(date)
        inter = self._inter(sector, country, ctx, inter)
        if inter == 1 and e.countries and country and country not in e.countries and self.lex.is_state_sector(sector or ""):
            inter, why = 8, why + f" (operates only outside {country}: external force)"
        if not e.active(date):
            why += f" (note: {e.id} not active on {date})"
        return records.Actor(name=e.name_at(date), country=country, sector=sector, kb_id=e.id, acled_inter=inter,
                             known=True, why=why)

    def _country_actor(self, iso3: str, sector: str, date: dt.date | None, ctx: tuple[str, ...], why: str,
                       role: str = "") -> records.Actor:
        inst = self.kb.institution(iso3, sector, role)
        if inst is not None:
            return self._org_actor(inst, date, ctx, f"{why} -> institution {inst.id}")
        c = self.kb.country(iso3)
        cname = c.name if c else iso3
        return records.Actor(name=f"{self.lex.sector_label(sector)} of {cname}", country=iso3, sector=sector,
                             kb_id=f"{iso3.lower()}_{sector.lower()}",
                             acled_inter=self._inter(sector, iso3, ctx, None), known=True, why=why)

    def _role_actor(self, span_text: str, role: RoleNoun, sector: str | None, why: str, country: str | None,
                    country_lex: _Lex | None, idents: list[str], date: dt.date | None, ctx: tuple[str, ...],
                    explicit: bool) -> records.Actor:
        # identity + armed role -> a group that claims the identity at that date ("Tuareg rebels" -> CSP)
        if idents and sector in ("REB", "UAF"):
            for ident in idents:
                cands = [e for e in self._by_descriptor.get(ident, ())
                         if any(fold(d.text) == ident and d.valid(date) for d in e.descriptors)
                         and (not e.descriptor_sectors or sector in e.descriptor_sectors or sector == "UAF")]
                if ctx and cands:
                    # prefer groups of the context countries; else any group that claims the identity then
                    cands = [e for e in cands if {e.country, *e.countries} & set(ctx)] or cands
                if cands:
                    e = self._pick_entry(cands, date, ctx, country)
                    return self._org_actor(e, date, ctx, f"identity {ident!r} + {why} -> {e.id}"
                                           + (f" (descriptor valid on {date})" if date else ""))
        if not country and idents:
            ic = self.lex.identities.get(idents[0], ())
            if ctx and (not ic or ctx[0] in ic):
                country, why = ctx[0], why + f"; country from context {ctx[0]}"
            elif ic:
                country, why = ic[0], why + f"; country from identity {idents[0]!r}"
        elif not country and ctx:
            country, why = ctx[0], why + f"; country from context {ctx[0]}"
        elif country and country_lex is not None:
            why = f"{country_lex.kind} {country_lex.text!r} + {why}"
        inter = role.acled_inter if sector == role.sector else None    # a modifier may have changed the sector
        if idents and sector in ("UAF", "PRM", "CRM") and inter in (None, 3, 4):
            # "Fulani gunmen", "Pokot raiders", "Dogon militia": ACLED's identity militia
            sector, inter = "PRM", 4
            why += f"; identity {idents[0]!r} -> identity militia"
        if sector and self.lex.is_state_sector(sector) and country:
            a = self._country_actor(country, sector, date, ctx, why, role.noun)
            if inter is not None and a.acled_inter != 8:
                a = records.replace(a, acled_inter=inter)
            return a
        known = bool(country) and sector in _COLLECTIVE
        if known:
            c = self.kb.country(country)
            label = (role.forms[-1] if len(role.forms) > 1 else role.noun).capitalize()
            name = f"{label} ({c.name if c else country})"
        else:
            name = span_text
        return records.Actor(name=name, country=country, sector=sector, kb_id=None,
                             acled_inter=self._inter(sector, country, ctx, inter), known=known,
                             why=why + ("" if known else "; no specific group in the knowledge base"))

    def _person_actor(self, e: Entry, date: dt.date | None, ctx: tuple[str, ...], alias: str,
                      titles: list[str], former: bool = False) -> records.Actor:
        terms = [t for t in e.terms if t.valid(date)] if date else list(e.terms)
        why = f"office holder {e.id} (alias {alias!r}" + (f", title {titles[-1]!r}" if titles else "") + ")"
        if date and not terms and titles and not former:
            # "President Bush" written out of his term (an undated or misdated report): the title the text
            # gives is the better evidence of the office held when it was written
            titled = [t for t in e.terms if _title_names(titles[-1], t.role)]
            if titled:
                terms = titled[-1:]
                why += f"; title {titles[-1]!r} outside the dated terms -> that office"
        if terms:
            t = terms[-1] if date is None else terms[0]
            span = f"{t.start or '?'}..{t.end or ''}"
            why += f": {t.role} {span}"
            sector = t.sector
            if t.org and self.kb.get(t.org):
                org = self.kb.get(t.org)
                _, osector, _ = org.at(date)
                sector = sector or osector
                why += f" ({org.id})"
        else:
            last = max(e.terms, key=lambda t: t.end or dt.date.max)
            first = min(e.terms, key=lambda t: t.start or dt.date.min)
            if last.end and date and date > last.end:
                sector, why = "ELI", why + f": no role on {date}; last {last.role} ended {last.end} -> former official"
            else:
                sector, why = e.sector or first.sector, why + f": before first role ({first.role} from {first.start})"
            t = first
        if former and sector in ("GOV", "MIL", "LEG", "JUD"):
            sector, why = "ELI", why + "; 'former' in the text -> former official"
        country = t.country or e.country
        return records.Actor(name=e.name, country=country, sector=sector, kb_id=e.id,
                             acled_inter=self._inter(sector, country, ctx, None), known=True, why=why)

    def _people(self, ident: str, span_text: str, ctx: tuple[str, ...], country: str | None = None,
                label: str | None = None, why: str | None = None) -> records.Actor:
        """The people of an identity (civilians): of the country named, else of the context country if the
        identity lives there, else of its first country."""
        ic = self.lex.identities.get(ident, ())
        c = country or (ctx[0] if ctx and (not ic or ctx[0] in ic) else ic[0] if ic else None)
        cc = self.kb.country(c)
        why = why or f"identity {ident!r} named alone -> its people"
        return records.Actor(name=f"{(label or ident).title()} ({cc.name if cc else c})" if c else span_text,
                             country=c, sector="CVL", kb_id=None, acled_inter=7, known=bool(c),
                             why=why + (f" in {c}" if c else ""))

    def _unknown(self, text: str, toks: list[Token], ctx: tuple[str, ...], country: str | None = None) -> records.Actor:
        sector, why = None, "not in the knowledge base"
        for t in reversed(toks):
            s = self.lex.org_heads.get(fold(t.text))
            if s:
                sector, why = s, f"not in the knowledge base; head word {t.text!r} suggests {s}"
                break
        if country:
            why += f"; country from its demonym ({country})"
        else:
            country = ctx[0] if ctx and sector else None
        return records.Actor(name=text, country=country, sector=sector, kb_id=None,
                             acled_inter=self.lex.sector_inter(sector), known=False, why=why)


# ---------------------------------------------------------------------------------------- helpers
def _title_names(title: str, role: str) -> bool:
    """Whether a title as written ("president", "prime minister", "king") names a role ("President of Serbia")."""
    t, r = fold(title).replace("-", " "), fold(role).replace("-", " ")
    return f" {t} " in f" {r} " and not (t == "president" and "vice president" in r and "vice president" not in t)


def _date(d: Any) -> dt.date | None:
    """Accept a date, a datetime (its date) or an ISO string; anything else is a clear error."""
    if d is None or type(d) is dt.date:
        return d
    if isinstance(d, dt.datetime):
        return d.date()
    if isinstance(d, dt.date):
        return dt.date(d.year, d.month, d.day)
    if isinstance(d, str):
        try:
            return dt.date.fromisoformat(d[:10])
        except ValueError:
            pass
    raise TypeError(f"date must be a datetime.date or 'YYYY-MM-DD', got {d!r}")


def _ctx(cs: Sequence[str]) -> tuple[str, ...]:
    if isinstance(cs, str):
        cs = [cs]
    return tuple(c.upper() for c in cs if c)


def _gentile(demonym: str) -> str | None:
    """Plural of a demonym used as a noun ("Malians", "Palestinians"); None where English has none."""
    if _is_acronym(demonym) or " " in demonym or demonym.endswith(("s", "sh", "ch", "ese", "ss", "x", "z")) \
            or demonym.endswith(("ish", "ic")):
        return None
    return demonym + "s"


def _identity_plural(word: str) -> str | None:
    """Plural of an identity word used as a noun ("Kurds", "Tamils", "Sunnis"); None for adjectives and words
    English does not pluralize this way ("Kurdish", "Maasai" stays, "Mai-Mai")."""
    if " " in word or "-" in word or word.endswith(("s", "sh", "ch", "x", "z", "ese", "ish", "ai")):
        return None
    return word + "s"


def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def _accept(lx: _Lex, toks: list[Token], free_text: bool) -> bool:
    if lx.acronym and not all(t.caps for t in toks):
        return False
    if lx.kind == "region" and [fold(t.text) for t in toks] != [fold(t.text) for t in tokenize(lx.text)]:
        return False            # region names match as spelt (no transliteration folding: "Kandi" is not "Kandy")
    if lx.kind == "person" and len(toks) == 1 and len(toks[0].text) < 7 \
            and fold(toks[0].text).replace(".", "") != fold(lx.text).replace(".", ""):
        return False            # a short surname alone matches as spelt ("Moody" is not "Modi")
    if free_text and lx.proper and not any(t.upper for t in toks):
        return False
    return True


_NOT_GIVEN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "mr", "mrs", "ms", "dr", "when", "while", "after", "before", "but", "and", "as", "if", "then", "that",
              "the", "on", "in", "at", "by", "with", "for", "said", "says", "told", "says", "meanwhile", "also"}


def _other_given_name(text: str, toks: list[Token], i: int, items: list[_Item], free_text: bool = True) -> bool:
    """Whether the word before token i is a capitalized unknown word that reads as a given name (in running
    text, not the first word of a sentence)."""
    if i == 0 or not items or items[-1].lexes or items[-1].j != i:
        return False
    prev = toks[i - 1]
    if not prev.upper or prev.caps or fold(prev.text) in _NOT_GIVEN or text[prev.end:toks[i].start] != " ":
        return False
    before = text[:prev.start].rstrip()
    if not free_text:
        return True
    return bool(before) and before[-1] not in ".!?:;\"'“”‘’(\n"        # not the first word of a sentence


def _contiguous(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Tokens i..j-1 may form one multi-word alias: no sentence punctuation between them, though brackets,
    dashes, colons, slashes and commas may ("Islamic State (West Africa) - Lake Chad Faction")."""
    for k in range(i, j - 1):
        gap = text[toks[k].end:toks[k + 1].start]
        if len(gap) > 5 or any(c not in " -–—()/:,'’\u00a0\n" for c in gap):
            return False
    return True


def _joined(text: str, toks: list[Token], a: int, b: int) -> bool:
    gap = text[toks[a].end:toks[b].start]
    if len(gap) > 4:
        return False
    g = gap.replace("'s", "").replace("’s", "").replace("'", "").replace("’", "")
    return all(c in " -–\u00a0\n" for c in g)


@lru_cache(maxsize=1)
def _spacy_tokenizer():
    """spaCy's rule-based English tokenizer (no model needed), or None when spaCy is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    return spacy.blank("en").tokenizer


@lru_cache(maxsize=1)
def default_resolver() -> ActorResolver:
    """A resolver over `default_kb()` (built once per process)."""
    return ActorResolver()
