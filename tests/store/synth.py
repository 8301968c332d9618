"""Deterministic synthetic articles (distinct texts, two mentions each) for the crash and busy tests."""
from __future__ import annotations

import datetime as dt
import random

from eventcoder import records as r

WORDS = ("army rebels village convoy market police drone border river road camp checkpoint mine town district "
         "governor officials residents witnesses fighters soldiers militia patrol bridge well school clinic "
         "harvest cattle herders traders election curfew refugees aid supplies fuel").split()


def article(i: int) -> tuple[r.Article, list[r.Mention]]:
    rnd = random.Random(i)
    filler = " ".join(rnd.choice(WORDS) for _ in range(40))
    text = (f"Report {i}: gunmen attacked the village of Place{i} on Monday. "
            f"Officials in Place{i} accused the militia of the raid. {filler}.")
    aid = f"synth{i:04d}"
    day = dt.date(2023, 1, 1) + dt.timedelta(days=i * 3)
    lat, lon = 10 + (i % 50) * 0.5, -5 + (i // 50) * 0.5
    place = r.Place(name=f"Place{i}", lat=lat, lon=lon, country="MLI", admin1=f"Region{i % 7}")
    art = r.Article(id=aid, text=text, published=day, source=f"Outlet{i % 5}")

    def span(phrase):
        s = text.index(phrase)
        return r.Span(aid, s, s + len(phrase), phrase)

    gunmen = r.Actor(name="gunmen", known=False)
    ms = [r.Mention(id=f"{aid}:1", article_id=aid, coding=r.Coding("ASSAULT", cameo_code="190",
                    acled_event_type="Violence against civilians", acled_sub_event_type="Attack"),
                    trigger=span("attacked"), sentence=span(text.split(". ")[0]), actors=(gunmen,),
                    date=r.EventDate(day), place=place),
          r.Mention(id=f"{aid}:2", article_id=aid, coding=r.Coding("ACCUSE", cameo_code="112"),
                    trigger=span("accused"), sentence=span(text.split(". ")[1]),
                    actors=(r.Actor(name="officials", known=False),), recipients=(r.Actor("militia", known=False),),
                    date=r.EventDate(day), place=place)]
    return art, ms
