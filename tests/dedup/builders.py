"""Hand-built Mention records for tests: spans are located in a given article text (offsets are real)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from eventcoder import records as r

ACTORS = {   # small hand-written actor table for the fixtures (not the project's KB)
    "FAMA": dict(name="Malian Armed Forces", country="MLI", sector="MIL", acled_inter=1),
    "MLI": dict(name="Government of Mali", country="MLI", sector="GOV", acled_inter=None),
    "WAGNER": dict(name="Wagner Group", country="RUS", sector="PMC", acled_inter=8),
    "CSP": dict(name="Tuareg separatist rebels (CSP-DPA)", country="MLI", sector="REB", acled_inter=2),
    "JNIM": dict(name="Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", country="MLI", sector="REB", acled_inter=2),
    "HUR": dict(name="Ukrainian military intelligence (HUR)", country="UKR", sector="SPY", acled_inter=None),
    "UKR": dict(name="Government of Ukraine", country="UKR", sector="GOV", acled_inter=None),
}

TINZAOUATEN = dict(name="Tinzaouaten", lat=19.954, lon=2.967, geonameid=2476086, country="MLI", admin1="Kidal",
                   feature_code="PPL")


def span(article_id: str, text: str, phrase: str, after: int = 0) -> r.Span:
    i = text.find(phrase, after)
    if i < 0:
        raise ValueError(f"phrase not in text: {phrase!r}")
    return r.Span(article_id, i, i + len(phrase), phrase)


def sentence_of(article_id: str, text: str, s: r.Span) -> r.Span:
    dot = text.rfind(". ", 0, s.start)
    start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, s.start) + 1)
    end = min([i for i in (text.find(". ", s.end), text.find("\n", s.end)) if i >= 0] or [len(text)])
    end = min(end + 1, len(text))
    return r.Span(article_id, start, end, text[start:end])


def actor(key: str, aid: str | None = None, text: str | None = None, phrase: str | None = None) -> r.Actor:
    sp = span(aid, text, phrase) if phrase and text is not None and aid else None
    if key in ACTORS:
        return r.Actor(kb_id=key, span=sp, **ACTORS[key])
    return r.Actor(name=key, known=False, span=sp)


def mention(aid: str, text: str, idx: int, plover: str, trigger: str, *, after: int = 0, cameo: str | None = None,
            acled: tuple[str, str] | None = None, actors: tuple = (), recipients: tuple = (),
            status: str = "reported", modality: str = "asserted", claimant: str | None = None,
            date: dt.date | None = None, precision: str = "day", basis: str = "explicit",
            place: dict[str, Any] | None = None, place_precision: str = "point", acled_geo: int | None = 1,
            claims: tuple = (), confidence: float = 0.6, published: dt.date | None = None,
            source: str | None = None, mode: str | None = None) -> r.Mention:
    trig = span(aid, text, trigger, after)
    sent = sentence_of(aid, text, trig)
    coding = r.Coding(plover_type=plover, mode=mode, cameo_code=cameo,
                      acled_event_type=acled[0] if acled else None,
                      acled_sub_event_type=acled[1] if acled else None)
    return r.Mention(
        id=f"{aid}:m{idx}", article_id=aid, coding=coding, trigger=trig, sentence=sent,
        actors=tuple(actor(a) for a in actors), recipients=tuple(actor(a) for a in recipients),
        status=status, modality=modality, claimant=actor(claimant) if claimant else None,
        date=r.EventDate(date, precision=precision, basis=basis) if date else None,
        place=r.Place(precision=place_precision, acled_geo_precision=acled_geo, **place) if place else None,
        claims=tuple(claims), evidence=(sent,), confidence=confidence, published=published, source=source)
