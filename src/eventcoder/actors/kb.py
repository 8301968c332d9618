"""Actor knowledge base: versioned, user-extensible YAML files -> typed entries.

Files (packaged under `eventcoder/data/actors/`, users add their own under `data_home()/actors/` or pass
`extra_paths`) may hold any of these top-level sections:

- `countries`: `{iso3, name, names, demonyms, capitals, territory, continent}`
- `organizations`: armed groups, PMCs, IGOs and missions, state institutions. `{id, name, type, country,
  sector, acled_inter, from, to, countries, aliases, names, descriptors, descriptor_sectors, affiliates,
  institution_of}`; an alias is a string or `{name, from, to, descriptive}`; `names` gives the canonical
  name by period (`{name, from, to}`); `descriptors` are identity words ("tuareg") that select this group
  for "<identity> rebels" while it is active; `affiliates` maps a country to the local affiliate
  (`{country, id, from, to}`) for "fighters linked to al-Qaeda"; `institution_of: {country, sector}` makes
  the entry the named institution behind "Malian soldiers".
- `people`: office holders `{id, name, country, aliases, roles: [{role, sector, org, country, from, to}]}`.
- lexicon sections: `sectors`, `roles`, `modifiers`, `titles`, `linkers`, `appositives`, `determiners`,
  `identities` (see lexicon.yaml).

Entries are keyed by id (countries by iso3). A later file replaces an entry with the same id; with
`merge: true` it adds aliases/roles to the existing entry instead. Dates may be `YYYY`, `YYYY-MM` or
`YYYY-MM-DD`; a partial start means the first day of the period, a partial end its last day.

Country-code conventions for non-state entries follow PLOVER's international codes: `UNO` (United
Nations bodies and missions), `EUR` (European Union), `IGO` (other intergovernmental organizations),
`IMG` (transnational militant networks such as al-Qaeda's and Islamic State's central organizations).
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import PACKAGE_DATA, data_home

__all__ = ["KBError", "Alias", "Term", "Phase", "Affiliate", "Entry", "Country", "RoleNoun", "Lexicon", "KnowledgeBase",
           "default_kb", "package_files", "user_files"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)    # libyaml when available: ~10x faster
INTERNATIONAL_CODES = {"UNO", "EUR", "IGO", "IMG", "NGO", "MNC", "ISM"}


class KBError(ValueError):
    """A knowledge-base file is missing, unreadable or malformed (message names the file and entry)."""


# ----------------------------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Alias:
    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    descriptive: bool = False          # a description ("Tuareg separatist rebels"), not a proper name

    def valid(self, date: dt.date | None) -> bool:
        return _within(date, self.start, self.end)


@dataclass(frozen=True)
class Term:
    role: str
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    org: str | None = None             # id of the organization the role belongs to (e.g. "hur")
    country: str | None = None

    def valid(self, date: dt.date | None) -> bool:
        return _within(date, self.start, self.end)


@dataclass(frozen=True)
class Phase:
    start: dt.date | None = None
    end: dt.date | None = None
    sector: str | None = None
    acled_inter: int | None = None
    country: str | None = None
    note: str = ""

    def valid(self, date: dt.date | None) -> bool:
        return _within(date, self.start, self.end)


@dataclass(frozen=True)
class Affiliate:
    country: str
    id: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Entry:
    """An organization (armed group, PMC, IGO, mission, state institution) or a person."""
    id: str
    kind: str                          # organization | person
    name: str
    type: str | None = None            # rebel, jihadist, pmc, igo, mission, state, militia, party, ...
    country: str | None = None
    sector: str | None = None
    acled_inter: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    aliases: tuple[Alias, ...] = ()
    names: tuple[Alias, ...] = ()      # canonical name by period
    countries: tuple[str, ...] = ()    # where it operates
    descriptors: tuple[Alias, ...] = ()      # identity words with the period they select this group
    descriptor_sectors: tuple[str, ...] = ()
    affiliates: tuple[Affiliate, ...] = ()
    institution_of: tuple[str, str, str] | None = None   # (country, sector, role noun or "")
    terms: tuple[Term, ...] = ()
    phases: tuple[Phase, ...] = ()            # sector / ACLED inter / country changes over time
    source: str = ""

    def at(self, date: dt.date | None) -> tuple[str | None, str | None, int | None]:
        """(country, sector, acled_inter) in force at `date` (the last phase when no date is given)."""
        country, sector, inter = self.country, self.sector, self.acled_inter
        for ph in self.phases:
            if (date is None and ph is self.phases[-1]) or (date is not None and ph.valid(date)):
                country = ph.country or country
                sector = ph.sector or sector
                inter = ph.acled_inter if ph.acled_inter is not None else inter
        return country, sector, inter

    def active(self, date: dt.date | None) -> bool:
        return _within(date, self.start, self.end)

    def name_at(self, date: dt.date | None) -> str:
        for n in self.names:
            if date is not None and n.valid(date):
                return n.text
        if date is None and self.names:
            return self.names[-1].text
        return self.name

    def affiliate_in(self, country: str, date: dt.date | None) -> str | None:
        for a in self.affiliates:
            if a.country == country and _within(date, a.start, a.end):
                return a.id
        return None


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    territory: bool = False
    continent: str | None = None
    source: str = ""


@dataclass(frozen=True)
class RoleNoun:
    noun: str
    sector: str | None
    acled_inter: int | None = None
    generic: bool = False
    forms: tuple[str, ...] = ()        # singular + plural forms to index
    needs_country: bool = False        # equipment nouns: an actor only with a country ("French aircraft")


@dataclass(frozen=True)
class Lexicon:
    sectors: Mapping[str, Mapping[str, Any]]
    roles: tuple[RoleNoun, ...]
    modifiers: Mapping[str, str | None]        # word -> sector (or None)
    titles: Mapping[str, str | None]           # title -> sector (or None)
    linkers: tuple[str, ...]
    appositives: tuple[str, ...]
    determiners: tuple[str, ...]
    identities: Mapping[str, tuple[str, ...]]  # identity word -> countries
    org_heads: Mapping[str, str] = field(default_factory=dict)   # head word of an unknown org name -> sector

    def sector_inter(self, sector: str | None) -> int | None:
        if not sector or sector not in self.sectors:
            return None
        v = self.sectors[sector].get("acled_inter")
        return int(v) if v is not None else None

    def sector_label(self, sector: str | None) -> str:
        if not sector:
            return "Actor"
        return str(self.sectors.get(sector, {}).get("label", sector))

    def is_state_sector(self, sector: str | None) -> bool:
        return bool(sector and self.sectors.get(sector, {}).get("state"))


# ----------------------------------------------------------------------------------------------- helpers
def _within(date: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if date is None:
        return True
    return (start is None or start <= date) and (end is None or date <= end)


def parse_date(value: Any, *, end: bool = False, where: str = "") -> dt.date | None:
    """`YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or a YAML date) -> date; partial ends go to the period's last day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    try:
        parts = [int(p) for p in s.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
        if len(parts) == 2:
            y, m = parts
            return dt.date(y, m, calendar.monthrange(y, m)[1]) if end else dt.date(y, m, 1)
        if len(parts) == 3:
            return dt.date(*parts)
    except (ValueError, TypeError):
        pass
    raise KBError(f"{where}: bad date {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")


def plural_forms(noun: str) -> tuple[str, ...]:
    """Regular English plural of the last word of a noun phrase."""
    head, _, last = noun.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("man"):
        pl = last[:-3] + "men"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        pl = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        pl = last + "es"
    else:
        pl = last + "s"
    return (pre + pl,)


def _as_list(v: Any, where: str, what: str) -> list:
    if v is None:
        return []
    if isinstance(v, list):
        return v
    raise KBError(f"{where}: `{what}` must be a list, got {type(v).__name__}")


def _inter(v: Any, where: str) -> int | None:
    if v is None:
        return None
    try:
        i = int(v)
    except (TypeError, ValueError):
        raise KBError(f"{where}: acled_inter must be an integer 1-8, got {v!r}") from None
    if not 1 <= i <= 8:
        raise KBError(f"{where}: acled_inter must be 1-8, got {i}")
    return i


def _aliases(raw: Any, where: str) -> tuple[Alias, ...]:
    out = []
    for a in _as_list(raw, where, "aliases"):
        if isinstance(a, str):
            out.append(Alias(a))
        elif isinstance(a, dict) and a.get("name"):
            out.append(Alias(str(a["name"]), parse_date(a.get("from"), where=where),
                             parse_date(a.get("to"), end=True, where=where), bool(a.get("descriptive", False))))
        else:
            raise KBError(f"{where}: an alias must be a string or a mapping with `name`, got {a!r}")
    return tuple(out)


def _entry(raw: Any, kind: str, source: str) -> Entry:
    if not isinstance(raw, dict):
        raise KBError(f"{source}: each {kind} entry must be a mapping, got {raw!r}")
    eid = raw.get("id")
    where = f"{source}: {kind} {eid!r}"
    if not eid or not isinstance(eid, str):
        raise KBError(f"{source}: a {kind} entry has no string `id` ({str(raw)[:80]})")
    name = raw.get("name")
    if not name and not raw.get("merge"):
        raise KBError(f"{where}: missing `name`")
    terms = []
    for r in _as_list(raw.get("roles"), where, "roles"):
        if not isinstance(r, dict) or not r.get("role"):
            raise KBError(f"{where}: each role needs `role` (and usually sector/from/to), got {r!r}")
        terms.append(Term(str(r["role"]), r.get("sector"), parse_date(r.get("from"), where=where),
                          parse_date(r.get("to"), end=True, where=where), r.get("org"), r.get("country")))
    affs = []
    for a in _as_list(raw.get("affiliates"), where, "affiliates"):
        if not isinstance(a, dict) or not a.get("country") or not a.get("id"):
            raise KBError(f"{where}: each affiliate needs `country` and `id`, got {a!r}")
        affs.append(Affiliate(str(a["country"]), str(a["id"]), parse_date(a.get("from"), where=where),
                              parse_date(a.get("to"), end=True, where=where)))
    inst = raw.get("institution_of")
    if inst is not None:
        if not isinstance(inst, dict) or not inst.get("country") or not inst.get("sector"):
            raise KBError(f"{where}: institution_of needs `country` and `sector` (and optionally `role`)")
        inst = (str(inst["country"]), str(inst["sector"]), str(inst.get("role") or "").lower())
    phases = []
    for ph in _as_list(raw.get("phases"), where, "phases"):
        if not isinstance(ph, dict):
            raise KBError(f"{where}: each phase is a mapping {{from, to, sector, acled_inter, country}}, got {ph!r}")
        phases.append(Phase(parse_date(ph.get("from"), where=where), parse_date(ph.get("to"), end=True, where=where),
                            ph.get("sector"), _inter(ph.get("acled_inter"), where), ph.get("country"),
                            str(ph.get("note") or "")))
    return Entry(
        id=eid, kind=kind, name=str(name or ""), type=raw.get("type"), country=raw.get("country"),
        sector=raw.get("sector"), acled_inter=_inter(raw.get("acled_inter"), where),
        start=parse_date(raw.get("from"), where=where), end=parse_date(raw.get("to"), end=True, where=where),
        aliases=_aliases(raw.get("aliases"), where), names=_aliases(raw.get("names"), where),
        countries=tuple(_as_list(raw.get("countries"), where, "countries")),
        descriptors=_aliases(raw.get("descriptors"), where),
        descriptor_sectors=tuple(_as_list(raw.get("descriptor_sectors"), where, "descriptor_sectors")),
        affiliates=tuple(affs), institution_of=inst, terms=tuple(terms), phases=tuple(phases), source=source)


def _merge(old: Entry, new: Entry) -> Entry:
    """`merge: true`: keep the old entry, add aliases/names/terms/affiliates, take any field the new one sets."""
    from dataclasses import replace
    upd: dict[str, Any] = {}
    for f in ("name", "type", "country", "sector", "acled_inter", "start", "end", "institution_of"):
        v = getattr(new, f)
        if v not in (None, ""):
            upd[f] = v
    for f in ("aliases", "names", "countries", "descriptors", "descriptor_sectors", "affiliates", "terms", "phases"):
        upd[f] = getattr(old, f) + tuple(x for x in getattr(new, f) if x not in getattr(old, f))
    upd["source"] = f"{old.source}; {new.source}"
    return replace(old, **upd)


def package_files() -> list[Path]:
    base = PACKAGE_DATA / "actors"
    return sorted(base.rglob("*.yaml")) if base.is_dir() else []


def user_files() -> list[Path]:
    base = data_home() / "actors"
    return sorted(base.glob("*.yaml")) if base.is_dir() else []


# ----------------------------------------------------------------------------------------------- the KB
@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)
    lexicon: Lexicon | None = None
    files: tuple[str, ...] = ()

    @classmethod
    def load(cls, extra_paths: Iterable[Path] = ()) -> "KnowledgeBase":
        """Packaged data, then `data_home()/actors/*.yaml`, then `extra_paths` (files or folders), in order;
        later entries override earlier ones with the same id. Raises KBError with a clear message."""
        paths = package_files() + user_files()
        for p in extra_paths:
            p = Path(p)
            if p.is_dir():
                paths += sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml"))
            elif p.is_file():
                paths.append(p)
            else:
                raise KBError(f"actor knowledge-base file not found: {p}")
        return cls.from_documents((str(p), _read_yaml(p)) for p in paths)

    @classmethod
    def from_documents(cls, docs: Iterable[tuple[str, Any]]) -> "KnowledgeBase":
        kb = cls()
        lex: dict[str, Any] = {"sectors": {}, "roles": {}, "modifiers": {}, "titles": {}, "linkers": [],
                               "appositives": [], "determiners": [], "identities": {}, "org_heads": {}}
        files = []
        for source, doc in docs:
            files.append(source)
            if doc is None:
                continue
            if not isinstance(doc, dict):
                raise KBError(f"{source}: top level must be a mapping of sections (countries, organizations, people, ...)")
            known = {"version", "countries", "organizations", "people", *lex}
            unknown = set(doc) - known
            if unknown:
                raise KBError(f"{source}: unknown section(s) {sorted(unknown)}; expected some of {sorted(known)}")
            for raw in _as_list(doc.get("countries"), source, "countries"):
                if not isinstance(raw, dict) or not raw.get("iso3") or not raw.get("name"):
                    raise KBError(f"{source}: each country needs `iso3` and `name`, got {str(raw)[:80]}")
                iso = str(raw["iso3"]).upper()
                kb.countries[iso] = Country(iso, str(raw["name"]), tuple(raw.get("names") or ()),
                                            tuple(raw.get("demonyms") or ()), tuple(raw.get("capitals") or ()),
                                            bool(raw.get("territory", False)), raw.get("continent"), source)
            for kind, section in (("organization", "organizations"), ("person", "people")):
                for raw in _as_list(doc.get(section), source, section):
                    e = _entry(raw, kind, source)
                    if raw.get("merge") and e.id in kb.entries:
                        kb.entries[e.id] = _merge(kb.entries[e.id], e)
                    elif raw.get("merge"):
                        raise KBError(f"{source}: `merge: true` for unknown {kind} id {e.id!r}")
                    else:
                        kb.entries[e.id] = e
            _lexicon_section(lex, doc, source)
        kb.files = tuple(files)
        kb.lexicon = Lexicon(
            sectors=lex["sectors"], roles=tuple(lex["roles"].values()), modifiers=lex["modifiers"],
            titles=lex["titles"], linkers=tuple(dict.fromkeys(lex["linkers"])),
            appositives=tuple(dict.fromkeys(lex["appositives"])), determiners=tuple(dict.fromkeys(lex["determiners"])),
            identities=lex["identities"], org_heads=lex["org_heads"])
        kb.validate()
        return kb

    def validate(self) -> None:
        """Cross-reference checks: sectors exist, affiliates/orgs point at known ids, country codes known."""
        assert self.lexicon is not None
        sectors = set(self.lexicon.sectors)
        codes = set(self.countries) | INTERNATIONAL_CODES
        for e in self.entries.values():
            where = f"{e.source}: {e.kind} {e.id!r}"
            if e.sector and sectors and e.sector not in sectors:
                raise KBError(f"{where}: unknown sector {e.sector!r} (known: {', '.join(sorted(sectors))})")
            if e.country and self.countries and e.country not in codes:
                raise KBError(f"{where}: unknown country code {e.country!r} (ISO 3166 alpha-3 or one of {sorted(INTERNATIONAL_CODES)})")
            for a in e.affiliates:
                if a.id not in self.entries:
                    raise KBError(f"{where}: affiliate {a.id!r} is not a known organization id")
            for t in e.terms:
                if t.org and t.org not in self.entries:
                    raise KBError(f"{where}: role {t.role!r} names unknown org {t.org!r}")
                if t.sector and sectors and t.sector not in sectors:
                    raise KBError(f"{where}: role {t.role!r} has unknown sector {t.sector!r}")
            if e.kind == "person" and not e.terms:
                raise KBError(f"{where}: a person needs at least one role with dates")

    # lookups --------------------------------------------------------------------------------------
    def get(self, kb_id: str) -> Entry | None:
        return self.entries.get(kb_id)

    def country(self, iso3: str | None) -> Country | None:
        return self.countries.get(iso3.upper()) if iso3 else None

    def institution(self, iso3: str, sector: str, role: str = "") -> Entry | None:
        """The named state institution behind "<country> <role>" ("Malian army" -> FAMa), if the KB has one."""
        inst = self._institutions()
        return inst.get((iso3, sector, role.lower())) or inst.get((iso3, sector, ""))

    def _institutions(self) -> dict[tuple[str, str, str], Entry]:
        cache = self.__dict__.get("_inst")
        if cache is None:
            cache = {e.institution_of: e for e in self.entries.values() if e.institution_of}
            self.__dict__["_inst"] = cache
        return cache

    def organizations(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == "organization"]

    def people(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.kind == "person"]

    def stats(self) -> dict[str, int]:
        return {"countries": len(self.countries), "organizations": len(self.organizations()),
                "people": len(self.people()), "people_countries": len({e.country for e in self.people()}),
                "aliases": sum(len(e.aliases) for e in self.entries.values()),
                "role_nouns": len(self.lexicon.roles) if self.lexicon else 0, "files": len(self.files)}


def _lexicon_section(lex: dict[str, Any], doc: Mapping[str, Any], source: str) -> None:
    sectors = doc.get("sectors") or {}
    if not isinstance(sectors, dict):
        raise KBError(f"{source}: `sectors` must map a code to {{label, acled_inter}}")
    for code, v in sectors.items():
        v = v or {}
        _inter(v.get("acled_inter"), f"{source}: sector {code}")
        lex["sectors"][str(code)] = dict(v)
    for r in _as_list(doc.get("roles"), source, "roles"):
        if not isinstance(r, dict) or not r.get("noun"):
            raise KBError(f"{source}: each role needs `noun` and `sector`, got {r!r}")
        noun = str(r["noun"]).lower()
        forms = (noun,) + (tuple(str(p).lower() for p in (r["plural"] if isinstance(r.get("plural"), list) else [r["plural"]]))
                           if r.get("plural") else plural_forms(noun))
        lex["roles"][noun] = RoleNoun(noun, r.get("sector"), _inter(r.get("acled_inter"), f"{source}: role {noun}"),
                                      bool(r.get("generic", False)), tuple(dict.fromkeys(forms)),
                                      bool(r.get("needs_country", False)))
    for m in _as_list(doc.get("modifiers"), source, "modifiers"):
        if isinstance(m, str):
            lex["modifiers"][m.lower()] = None
        elif isinstance(m, dict) and m.get("word"):
            lex["modifiers"][str(m["word"]).lower()] = m.get("sector")
        else:
            raise KBError(f"{source}: each modifier is a word or {{word, sector}}, got {m!r}")
    for t in _as_list(doc.get("titles"), source, "titles"):
        if isinstance(t, str):
            lex["titles"][t.lower()] = None
        elif isinstance(t, dict) and t.get("title"):
            lex["titles"][str(t["title"]).lower()] = t.get("sector")
        else:
            raise KBError(f"{source}: each title is a word or {{title, sector}}, got {t!r}")
    for sect in ("linkers", "appositives", "determiners"):
        lex[sect] += [str(x).lower() for x in _as_list(doc.get(sect), source, sect)]
    for i in _as_list(doc.get("identities"), source, "identities"):
        if not isinstance(i, dict) or not i.get("word"):
            raise KBError(f"{source}: each identity needs `word` (and `countries`), got {i!r}")
        lex["identities"][str(i["word"]).lower()] = tuple(i.get("countries") or ())
    for h in _as_list(doc.get("org_heads"), source, "org_heads"):
        if not isinstance(h, dict) or not h.get("word") or not h.get("sector"):
            raise KBError(f"{source}: each org_heads item needs `word` and `sector`, got {h!r}")
        lex["org_heads"][str(h["word"]).lower()] = str(h["sector"])


def _read_yaml(path: Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KBError(f"actor knowledge-base file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KBError(f"cannot read actor knowledge-base file {path}: {exc}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise KBError(f"{path}: not valid YAML: {exc}") from None


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The packaged knowledge base plus the user's `data_home()/actors/*.yaml` (loaded once per process)."""
    return KnowledgeBase.load()
