"""A small store for the web tests, written through the Store API with hand-built mentions (own sentences; spans
are located in the texts, so offsets are real), and a TestClient over it."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from eventcoder import records as r

TEXTS = {
    "gao": ("Gunmen attacked a market in Gao on Friday, killing seven traders, the army said. "
            "Hundreds of teachers marched in Bamako on Saturday to demand unpaid wages."),
    "nairobi": "Kenya and Somalia signed a border security agreement in Nairobi on Tuesday.",
    "accuse": "Ukraine accused Mali of spreading lies. Mali cut diplomatic relations with Ukraine.",
}
PUBLISHED = {"gao": dt.date(2024, 3, 2), "nairobi": dt.date(2024, 4, 9), "accuse": dt.date(2024, 4, 12)}
TITLES = {"gao": "Market attack in Gao", "nairobi": "Kenya and Somalia sign pact", "accuse": "Mali cuts ties"}

GAO = dict(name="Gao", lat=16.2717, lon=-0.0447, geonameid=2457163, country="MLI", admin1="Gao", feature_code="PPLA")
BAMAKO = dict(name="Bamako", lat=12.65, lon=-8.0, geonameid=2460596, country="MLI", admin1="Bamako",
              feature_code="PPLC")
NAIROBI = dict(name="Nairobi", lat=-1.2833, lon=36.8167, geonameid=184745, country="KEN", admin1="Nairobi",
               feature_code="PPLC")


def span(aid: str, text: str, phrase: str) -> r.Span:
    i = text.index(phrase)
    return r.Span(aid, i, i + len(phrase), phrase)


def sentence(aid: str, text: str, s: r.Span) -> r.Span:
    start = text.rfind(". ", 0, s.start)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", s.end)
    end = len(text) if end < 0 else end + 1
    return r.Span(aid, start, end, text[start:end])


def actor(name: str, country: str, sector: str, inter: int | None = None, kb: str | None = None,
          sp: r.Span | None = None) -> r.Actor:
    return r.Actor(name=name, country=country, sector=sector, kb_id=kb, acled_inter=inter, span=sp)


def article(key: str) -> r.Article:
    text = TEXTS[key]
    return r.Article(id=f"art-{key}", text=text, title=TITLES[key], url=f"https://news.example/{key}",
                     published=PUBLISHED[key], source="Example News")


def mention(key: str, idx: int, plover: str, trigger: str, *, cameo: str, acled: tuple | None = None,
            actors: tuple = (), recipients: tuple = (), date: dt.date | None = None, date_phrase: str | None = None,
            place: dict | None = None, place_phrase: str | None = None, claims: tuple = (),
            fatalities: r.Fatalities = r.Fatalities(), mode: str | None = None) -> r.Mention:
    aid, text = f"art-{key}", TEXTS[key]
    trig = span(aid, text, trigger)
    sent = sentence(aid, text, trig)
    coding = r.Coding(plover_type=plover, mode=mode, cameo_code=cameo, acled_event_type=acled[0] if acled else None,
                      acled_sub_event_type=acled[1] if acled else None)
    when = r.EventDate(date, span=span(aid, text, date_phrase) if date_phrase else None) if date else None
    where = r.Place(span=span(aid, text, place_phrase) if place_phrase else None, acled_geo_precision=1,
                    **place) if place else None
    return r.Mention(id=f"{aid}:m{idx}", article_id=aid, coding=coding, trigger=trig, sentence=sent,
                     actors=actors, recipients=recipients, date=when, place=where, claims=claims,
                     fatalities=fatalities, evidence=(sent,), published=PUBLISHED[key], confidence=0.8)


def fixture_articles() -> list[tuple[r.Article, list[r.Mention]]]:
    g, gt = "art-gao", TEXTS["gao"]
    killed = r.Claim(kind="killed", low=7, high=7, victims="traders", claimant="the army",
                     text="killing seven traders", span=span(g, gt, "killing seven traders"))
    gunmen = actor("Unidentified gunmen", "MLI", "REB", 3, sp=span(g, gt, "Gunmen"))
    traders = actor("Civilians (Mali)", "MLI", "CVL", 7)
    teachers = actor("Teachers (Mali)", "MLI", "EDU", 6, sp=span(g, gt, "teachers"))
    n, nt = "art-nairobi", TEXTS["nairobi"]
    kenya = actor("Government of Kenya", "KEN", "GOV", 1, "government_kenya", span(n, nt, "Kenya"))
    somalia = actor("Government of Somalia", "SOM", "GOV", 1, "government_somalia", span(n, nt, "Somalia"))
    a, at = "art-accuse", TEXTS["accuse"]
    ukraine = actor("Government of Ukraine", "UKR", "GOV", None, "government_ukraine", span(a, at, "Ukraine"))
    mali = actor("Government of Mali", "MLI", "GOV", 1, "government_mali", span(a, at, "Mali"))
    return [
        (article("gao"), [
            mention("gao", 1, "ASSAULT", "attacked", cameo="190", acled=("Violence against civilians", "Attack"),
                    actors=(gunmen,), recipients=(traders,), date=dt.date(2024, 3, 1), date_phrase="on Friday",
                    place=GAO, place_phrase="Gao", claims=(killed,), fatalities=r.Fatalities(7, 7, 7, 7)),
            mention("gao", 2, "PROTEST", "marched", cameo="141", acled=("Protests", "Peaceful protest"),
                    actors=(teachers,), date=dt.date(2024, 3, 2), date_phrase="on Saturday", place=BAMAKO,
                    place_phrase="Bamako", mode="demo"),
        ]),
        (article("nairobi"), [
            mention("nairobi", 1, "AGREE", "signed", cameo="057", actors=(kenya, somalia), date=dt.date(2024, 4, 9),
                    date_phrase="on Tuesday", place=NAIROBI, place_phrase="Nairobi"),
        ]),
        (article("accuse"), [
            mention("accuse", 1, "ACCUSE", "accused", cameo="112", actors=(ukraine,), recipients=(mali,),
                    date=dt.date(2024, 4, 12)),
            mention("accuse", 2, "SANCTION", "cut", cameo="161", actors=(mali,), recipients=(ukraine,),
                    date=dt.date(2024, 4, 12)),
        ]),
    ]


@pytest.fixture(scope="session")
def store_file(tmp_path_factory):
    from eventcoder.store import Store

    path = tmp_path_factory.mktemp("web") / "events.duckdb"
    with Store.open(path) as s:
        for art, ms in fixture_articles():
            s.add_article(art, ms)
    return path


@pytest.fixture
def db(tmp_path, store_file):
    """A fresh copy of the fixture store for one test."""
    path = tmp_path / "events.duckdb"
    shutil.copy(store_file, path)
    return path


@pytest.fixture(scope="session")
def client(store_file):
    from fastapi.testclient import TestClient

    from eventcoder.web import create_app

    with TestClient(create_app(store_file)) as c:
        yield c


@pytest.fixture(scope="session")
def ids(client):
    """Event id by PLOVER type (one event of each type in the fixture)."""
    return {e["event_type"]: e["id"] for e in client.get("/api/events").json()}
