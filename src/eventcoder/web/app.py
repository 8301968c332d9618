"""The FastAPI app: REST API over the event store and the dashboard's static page.

    GET /                               the dashboard (map, timeline, filters, event detail)
    GET /api/events                     filtered events, PLOVER-export-shaped; limit/offset; X-Total-Count header
    GET /api/events.geojson             the filtered events that have coordinates, as a GeoJSON FeatureCollection
    GET /api/events/{id}                one event with its sources and evidence sentences (spans marked); 404
    GET /api/stats                      store totals; counts of the filtered events by type, country and month
    GET /api/relations/{iso3}[/{iso3}]  changes of bilateral relations, oldest first, with the events behind them
    GET /api/articles[/{id}]            stored articles (the list, or one with its text and events)
    GET /api/types                      PLOVER and ACLED event types (for filter menus)
    GET /api/basemap                    country outlines and capitals (offline map background)

Filters (events, geojson, stats): country, type, acled_type, actor, since, until, bbox, text. A bad parameter
answers 422 with a message naming it; a store that is being written answers 503 with the store's message.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventcoder.web import views
from eventcoder.web.filters import BadParameter, EventFilters, event_filters, iso3

STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 50_000
DEFAULT_LIMIT = 1_000
RETRY_AFTER_S = 5

FILTER_DOC = {
    "country": "ISO3 code of the event's place (of its first actor when it has no place)",
    "type": "PLOVER event type (e.g. ASSAULT)",
    "acled_type": "ACLED event type (e.g. Battles)",
    "actor": "actor name substring, KB id or country code",
    "since": "events ending on or after this date (YYYY-MM-DD)",
    "until": "events starting on or before this date (YYYY-MM-DD)",
    "bbox": "min_lon,min_lat,max_lon,max_lat",
    "text": "substring of names or evidence",
}


def _problem(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers or None)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        got = err.get("input")
        msg = f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}"
        if got is not None and not isinstance(got, (dict, list)):
            msg += f", got {got!r}"
        parts.append(msg)
    return "; ".join(parts) or "invalid request"


def create_app(db_path: str | Path) -> FastAPI:
    """An app serving the store at ``db_path``; the store is opened read-only for each request (it need not exist
    yet: until it does, the API answers 503 saying so)."""
    from eventcoder.store import StoreBusy, StoreError

    db = Path(db_path)
    app = FastAPI(title="eventcoder", version=_version(),
                  description="Conflict and diplomacy events coded from news: PLOVER, CAMEO and ACLED codes, "
                              "places, dates, fatalities with claims, and the evidence behind every field.")
    app.state.db_path = db
    app.add_middleware(GZipMiddleware, minimum_size=2048)

    @contextmanager
    def store() -> Iterator[Any]:
        from eventcoder.store import Store

        s = Store.open(db, read_only=True)
        try:
            yield s
        finally:
            s.close()

    # ------------------------------------------------------------------------------------------- errors
    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return _problem(503, str(exc), **{"Retry-After": str(RETRY_AFTER_S)})

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _problem(503, str(exc))

    @app.exception_handler(BadParameter)
    async def _bad_parameter(request: Request, exc: BadParameter) -> JSONResponse:
        return _problem(422, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_message(exc), "errors": _plain(exc.errors())}, status_code=422)

    # ------------------------------------------------------------------------------------------- filters
    def filters(country: Optional[str] = Query(None, description=FILTER_DOC["country"]),
                type: Optional[str] = Query(None, description=FILTER_DOC["type"]),
                acled_type: Optional[str] = Query(None, description=FILTER_DOC["acled_type"]),
                actor: Optional[str] = Query(None, description=FILTER_DOC["actor"]),
                since: Optional[str] = Query(None, description=FILTER_DOC["since"]),
                until: Optional[str] = Query(None, description=FILTER_DOC["until"]),
                bbox: Optional[str] = Query(None, description=FILTER_DOC["bbox"]),
                text: Optional[str] = Query(None, description=FILTER_DOC["text"])) -> EventFilters:
        return event_filters(country=country, type=type, acled_type_=acled_type, actor=actor, since=since,
                             until=until, bbox_=bbox, text=text)

    Filters = Depends(filters)
    Limit = Query(DEFAULT_LIMIT, ge=0, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")
    Offset = Query(0, ge=0, description="events to skip")

    # ------------------------------------------------------------------------------------------- API
    @app.get("/api/events", summary="Filtered events (PLOVER-export-shaped)")
    def events(f: EventFilters = Filters, limit: int = Limit, offset: int = Offset) -> JSONResponse:
        with store() as s:
            total = views.count_events(s, f)
            page = [views.event_record(e) for e in views.list_events(s, f, limit, offset)]
        return JSONResponse(page, headers={"X-Total-Count": str(total)})

    @app.get("/api/events.geojson", summary="Filtered located events as GeoJSON")
    def events_geojson(f: EventFilters = Filters, limit: int = Limit, offset: int = Offset) -> JSONResponse:
        with store() as s:
            data = views.geojson(views.list_events(s, f, limit, offset))
        return JSONResponse(data, media_type="application/geo+json")

    @app.get("/api/events/{event_id}", summary="One event with its sources and marked evidence")
    def event(event_id: str) -> Any:
        with store() as s:
            e = s.event(event_id)
            if e is None:
                return _problem(404, f"no event {event_id!r} in the store")
            return views.event_detail(s, e)

    @app.get("/api/stats", summary="Totals and counts by type, country and month")
    def stats(f: EventFilters = Filters) -> Any:
        with store() as s:
            return views.stats(s, f)

    @app.get("/api/relations/{country}", summary="Changes of a country's bilateral relations")
    def relations(country: str) -> Any:
        return _relations(country, None)

    @app.get("/api/relations/{country}/{other}", summary="Changes of relations between two countries")
    def relations_pair(country: str, other: str) -> Any:
        return _relations(country, other)

    def _relations(a: str, b: Optional[str]) -> Any:
        a3, b3 = iso3(a, "country"), iso3(b, "other") if b is not None else None
        with store() as s:
            rows = s.relations(a3, b3)
        return [{**r, "date": views.iso_date(r["date"])} for r in rows]

    @app.get("/api/articles", summary="Stored articles in the order they were added")
    def articles(limit: Optional[int] = Query(None, ge=0, le=MAX_LIMIT), offset: int = Offset) -> Any:
        with store() as s:
            return views.articles(s, limit, offset)

    @app.get("/api/articles/{article_id}", summary="One stored article with its text and events")
    def article(article_id: str) -> Any:
        with store() as s:
            out = views.article(s, article_id)
        if out is None:
            return _problem(404, f"no article {article_id!r} in the store")
        return out

    @app.get("/api/types", summary="PLOVER and ACLED event types")
    def types() -> Any:
        from eventcoder.ontology import PLOVER_TYPES, default_ontology
        from eventcoder.web.filters import acled_event_types

        plover = default_ontology().plover["types"]
        return {"plover": [{"type": t, "quad_class": plover.get(t, {}).get("quad")} for t in PLOVER_TYPES],
                "acled": acled_event_types()}

    @app.get("/api/basemap", summary="Country outlines and capitals for the dashboard's offline map")
    def basemap() -> JSONResponse:
        from eventcoder.web.basemap import basemap as build

        return JSONResponse(build(), media_type="application/geo+json",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> JSONResponse:
        return _problem(404, f"no API endpoint /api/{rest}; see /docs")

    # ------------------------------------------------------------------------------------------- dashboard
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _plain(errors: Any) -> Any:
    """Validation errors as plain JSON (pydantic may put exceptions in 'ctx')."""
    out = []
    for e in errors:
        e = dict(e)
        if "ctx" in e:
            e["ctx"] = {k: str(v) for k, v in e["ctx"].items()}
        out.append({k: v for k, v in e.items() if k != "url"})
    return out


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventcoder")
    except PackageNotFoundError:   # running from a source tree
        return "0"
