"""De-duplication gold sets: several outlets' reports of the same events, labelled with the real event.

File format (YAML), compact so that a person can write one by hand::

    actors: {FAMA: {name: Malian Armed Forces, country: MLI, sector: MIL, inter: 1}, ...}
    places: {Tinzaouaten: {lat: 19.954, lon: 2.967, geonameid: 2476086, country: MLI, admin1: Kidal}, ...}
    articles:
      - id: a01
        source: Reuters
        published: 2024-07-27
        text: "Rebels ambushed Malian troops near Tinzaouaten on Thursday ..."
        mentions:
          - {gold: E1, type: ASSAULT, trigger: ambushed, actors: [CSP], recipients: [FAMA],
             date: 2024-07-25, precision: day, place: Tinzaouaten, place_precision: near, killed: 47}

Actor keys not in ``actors`` are unknown actors named as written. ``pairwise()`` scores predicted clusters
against the gold labels the way entity-resolution work does: over all pairs of mentions.
"""
from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventcoder import records

_CAMEO = {"ASSAULT": "190", "COERCE": "170", "CONSULT": "040", "ACCUSE": "112", "SANCTION": "160",
          "PROTEST": "140", "AGREE": "030", "AID": "070", "COOPERATE": "060", "MOBILIZE": "150"}


@dataclass(frozen=True)
class GoldSet:
    articles: tuple[records.Article, ...]
    mentions: dict[str, tuple[records.Mention, ...]]     # article id -> its mentions
    gold: dict[str, str]                                  # mention id -> gold event label


def _find(text: str, phrase: str, where: str) -> tuple[int, int]:
    i = text.find(phrase)
    if i < 0:
        raise ValueError(f"{where}: trigger {phrase!r} is not in the article text")
    return i, i + len(phrase)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(". ", 0, start), -2) + 2
    e = text.find(". ", end)
    return s, (e + 1 if e >= 0 else len(text))


def _actor(key: str, table: Mapping[str, Any]) -> records.Actor:
    if key in table:
        a = table[key]
        return records.Actor(name=a["name"], country=a.get("country"), sector=a.get("sector"), kb_id=key,
                             acled_inter=a.get("inter"))
    return records.Actor(name=key, known=False)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load(path: str | Path) -> GoldSet:
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot read de-duplication gold set {path}: {exc}") from None
    actors, places = data.get("actors", {}), data.get("places", {})
    arts, mentions, gold = [], {}, {}
    for a in data["articles"]:
        aid, text = str(a["id"]), a["text"]
        pub = _date(a.get("published"))
        art = records.Article(id=aid, text=text, title=a.get("title"), url=a.get("url"), published=pub,
                              source=a.get("source"))
        ms = []
        for i, m in enumerate(a.get("mentions", []), 1):
            where = f"{path.name}: article {aid} mention {i}"
            start, end = _find(text, m["trigger"], where)
            ss, se = _sentence(text, start, end)
            sent = records.Span(aid, ss, se, text[ss:se])
            ptype = m["type"]
            acled = m.get("acled")
            coding = records.Coding(plover_type=ptype, mode=m.get("mode"), cameo_code=str(m.get("cameo") or
                                    _CAMEO.get(ptype, "")) or None,
                                    acled_event_type=acled[0] if acled else None,
                                    acled_sub_event_type=acled[1] if acled else None)
            date = None
            if m.get("date") is not None:
                date = records.EventDate(_date(m["date"]), precision=m.get("precision", "day"),
                                         basis=m.get("basis", "explicit"))
            elif m.get("basis") == "publication" and pub:
                date = records.EventDate(pub, precision="day", basis="publication")
            place = None
            if m.get("place"):
                p = places.get(m["place"], {"name": m["place"]})
                prec = m.get("place_precision", "point")
                place = records.Place(name=p.get("name", m["place"]), lat=p.get("lat"), lon=p.get("lon"),
                                      geonameid=p.get("geonameid"), country=p.get("country"),
                                      admin1=p.get("admin1"), precision=prec,
                                      acled_geo_precision={"point": 1, "near": 2}.get(prec, 3))
            claims = ()
            if m.get("killed") is not None:
                k = m["killed"]
                low, high = (k[0], k[1]) if isinstance(k, list) else (k, k)
                claims = (records.Claim("killed", low=low, high=high, qualifier="range" if low != high else "exact",
                                        claimant=m.get("claimant"), text=str(k),
                                        span=records.Span(aid, start, end, text[start:end])),)
            fat = records.Fatalities(acled=claims[0].low) if claims else records.Fatalities()
            ms.append(records.Mention(
                id=f"{aid}:{i}", article_id=aid, coding=coding,
                trigger=records.Span(aid, start, end, text[start:end]), sentence=sent,
                actors=tuple(_actor(x, actors) for x in m.get("actors", [])),
                recipients=tuple(_actor(x, actors) for x in m.get("recipients", [])),
                status=m.get("status", "reported"), modality=m.get("modality", "asserted"),
                claimant=_actor(m["claimant_actor"], actors) if m.get("claimant_actor") else None,
                date=date, place=place, claims=claims, fatalities=fat, evidence=(sent,), published=pub,
                source=a.get("source"), confidence=float(m.get("confidence", 0.6))))
            if m.get("gold") is not None:
                gold[ms[-1].id] = str(m["gold"])
        arts.append(art)
        mentions[aid] = tuple(ms)
    return GoldSet(tuple(arts), mentions, gold)


def pairwise(predicted: Iterable[Sequence[str]], gold: Mapping[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of predicted clusters (lists of mention ids) against gold labels.

    Only mentions that have a gold label count; a mention missing from every predicted cluster is a singleton.
    """
    pred_of: dict[str, int] = {}
    for i, cluster in enumerate(predicted):
        for m in cluster:
            pred_of[m] = i
    ids = sorted(gold)
    next_id = len(pred_of) + 1_000_000
    for m in ids:
        if m not in pred_of:
            pred_of[m] = next_id
            next_id += 1
    tp = fp = fn = 0
    for x, y in itertools.combinations(ids, 2):
        same_pred, same_gold = pred_of[x] == pred_of[y], gold[x] == gold[y]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn,
            "mentions": len(ids), "gold_events": len(set(gold.values())),
            "predicted_events": len({pred_of[m] for m in ids})}


# --------------------------------------------------------------------------------------------- ACLED rows
_ACLED_PLOVER = {"Battles": "ASSAULT", "Explosions/Remote violence": "ASSAULT", "Violence against civilians": "ASSAULT",
                 "Protests": "PROTEST", "Riots": "PROTEST"}
_ACLED_ISO3 = {"Ivory Coast": "CIV", "Democratic Republic of Congo": "COD", "Republic of Congo": "COG"}


def _iso3(name: str) -> str | None:
    if name in _ACLED_ISO3:
        return _ACLED_ISO3[name]
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


def acled_mentions(path: str | Path, limit: int | None = None) -> list[records.Mention]:
    """One mention per row of an ACLED export, coded from ACLED's own fields (Strategic developments skipped).

    ACLED events are already de-duplicated by its coders, so merging two of them is a false merge: a real-data
    check of de-duplication precision (bench/dedup_acled_distinct.py)."""
    import pandas as pd

    df = pd.read_csv(path, keep_default_na=False)
    if limit:
        df = df.head(limit)
    out = []
    for i, row in enumerate(df.itertuples()):
        ptype = _ACLED_PLOVER.get(row.event_type)
        if ptype is None:
            continue
        aid = f"acled{i}"
        text = str(row.notes)
        span = records.Span(aid, 0, len(text), text)

        def actor(name: Any, inter: Any) -> tuple[records.Actor, ...]:
            if not isinstance(name, str) or not name:
                return ()
            return (records.Actor(name=name, acled_inter=int(inter or 0) or None, known=False),)

        out.append(records.Mention(
            id=f"{aid}:1", article_id=aid,
            coding=records.Coding(ptype, acled_event_type=row.event_type, acled_sub_event_type=row.sub_event_type),
            trigger=span, sentence=span, actors=actor(row.actor1, row.inter1),
            recipients=actor(row.actor2, row.inter2),
            date=records.EventDate(dt.date.fromisoformat(str(row.event_date)),
                                   precision={1: "day", 2: "week", 3: "month"}.get(int(row.time_precision), "day")),
            place=records.Place(name=str(row.location), lat=float(row.latitude), lon=float(row.longitude),
                                country=_iso3(str(row.country)), admin1=str(row.admin1) or None,
                                precision={1: "point", 2: "near", 3: "admin1"}.get(int(row.geo_precision), "point")),
            evidence=(span,)))
    return out
