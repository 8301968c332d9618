"""Query parameters of the event endpoints -> keyword arguments of ``Store.events()``, checked with clear messages.

The same filters as ``eventcoder events``: country (ISO3 of the place, else of the first actor), PLOVER type,
ACLED event type, actor (name substring, KB id or country), since/until (YYYY-MM-DD), bbox
("min_lon,min_lat,max_lon,max_lat" as in GeoJSON) and text (substring of names and evidence).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any


class BadParameter(ValueError):
    """A query parameter the API cannot use; the message names it and says what is expected."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


ISO3 = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True)
class EventFilters:
    country: str | None = None
    plover_type: str | None = None
    acled_type: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str | None = None

    def kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.events()`` (and ``store.query.where()``)."""
        return {"country": self.country, "plover_type": self.plover_type, "acled_type": self.acled_type,
                "actor": self.actor, "since": self.since, "until": self.until, "bbox": self.bbox,
                "text": self.text}


def _blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def iso3(value: str | None, name: str = "country") -> str | None:
    value = _blank(value)
    if value is None:
        return None
    if not ISO3.match(value):
        raise BadParameter(name, f"expected an ISO 3166 alpha-3 code such as MLI or UKR, got {value!r}")
    return value.upper()


def plover_type(value: str | None) -> str | None:
    from eventcoder.ontology import PLOVER_TYPES, default_ontology

    value = _blank(value)
    if value is None:
        return None
    known = default_ontology().plover_type(value)
    if known is None:
        raise BadParameter("type", f"unknown PLOVER type {value!r}; one of {', '.join(PLOVER_TYPES)}")
    return known


def acled_type(value: str | None) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    types = acled_event_types()
    for t in types:
        if t.lower() == value.lower():
            return t
    raise BadParameter("acled_type", f"unknown ACLED event type {value!r}; one of {', '.join(types)}")


def acled_event_types() -> list[str]:
    from eventcoder.ontology import default_ontology

    return list(default_ontology().acled["event_types"])


def date(value: str | None, name: str) -> dt.date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"expected a date like 2024-07-25, got {value!r}") from None


def bbox(value: str | None) -> tuple[float, float, float, float] | None:
    value = _blank(value)
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",")]
    expected = "expected min_lon,min_lat,max_lon,max_lat (four numbers, as in GeoJSON)"
    if len(parts) != 4:
        raise BadParameter("bbox", f"{expected}, got {value!r}")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadParameter("bbox", f"{expected}, got {value!r}") from None
    if any(x != x for x in (west, south, east, north)):   # NaN
        raise BadParameter("bbox", f"{expected}, got {value!r}")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise BadParameter("bbox", f"longitudes must be within -180..180, got {value!r}")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise BadParameter("bbox", f"latitudes must be within -90..90, got {value!r}")
    if south > north:
        raise BadParameter("bbox", f"min_lat {south:g} is above max_lat {north:g}")
    return west, south, east, north


def event_filters(*, country: str | None = None, type: str | None = None, acled_type_: str | None = None,
                  actor: str | None = None, since: str | None = None, until: str | None = None,
                  bbox_: str | None = None, text: str | None = None) -> EventFilters:
    f = EventFilters(country=iso3(country), plover_type=plover_type(type), acled_type=acled_type(acled_type_),
                     actor=_blank(actor), since=date(since, "since"), until=date(until, "until"), bbox=bbox(bbox_),
                     text=_blank(text))
    if f.since and f.until and f.since > f.until:
        raise BadParameter("since", f"since {f.since} is after until {f.until}")
    return f
