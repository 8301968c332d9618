"""REST API over a hand-built store: filters, paging, detail with marked evidence, GeoJSON, stats, relations,
articles, and the 404 / 422 / 503 answers."""
import json
import subprocess
import sys
import textwrap

import pytest
from fastapi.testclient import TestClient

from eventcoder.web import create_app


def types_of(resp):
    assert resp.status_code == 200, resp.text
    return sorted(e["event_type"] for e in resp.json())


def test_events_lists_every_event_by_date_with_the_total(client):
    resp = client.get("/api/events")
    assert resp.status_code == 200
    events = resp.json()
    assert [e["event_type"] for e in events] == ["ASSAULT", "PROTEST", "AGREE", "ACCUSE", "SANCTION"]
    assert resp.headers["X-Total-Count"] == "5"
    first = events[0]   # the PLOVER export's shape
    assert {"id", "date", "event_type", "actor", "recipient", "location", "fatalities", "claims", "evidence",
            "cameo_code", "acled"} <= set(first)
    assert first["location"]["name"] == "Gao" and first["fatalities"]["acled"] == 7


@pytest.mark.parametrize("query, expected", [
    ("country=MLI", ["ASSAULT", "PROTEST", "SANCTION"]),
    ("country=UKR", ["ACCUSE"]),                           # no place: the first actor's country
    ("country=ken", ["AGREE"]),
    ("type=assault", ["ASSAULT"]),
    ("type=FIGHT", ["ASSAULT"]),                          # PLOVER 0.5 name, mapped as the ontology says
    ("acled_type=protests", ["PROTEST"]),
    ("actor=somalia", ["AGREE"]),                          # name substring
    ("actor=government_ukraine", ["ACCUSE", "SANCTION"]),  # KB id
    ("since=2024-04-01", ["ACCUSE", "AGREE", "SANCTION"]),
    ("until=2024-03-01", ["ASSAULT"]),
    ("since=2024-03-02&until=2024-04-09", ["AGREE", "PROTEST"]),
    ("bbox=-10,10,5,20", ["ASSAULT", "PROTEST"]),          # Mali, not Nairobi
    ("text=traders", ["ASSAULT"]),
    ("country=MLI&type=PROTEST", ["PROTEST"]),
    ("country=MLI&type=AGREE", []),
    ("country=&type=&text=", ["ACCUSE", "AGREE", "ASSAULT", "PROTEST", "SANCTION"]),   # empty = no filter
])
def test_event_filters(client, query, expected):
    resp = client.get(f"/api/events?{query}")
    assert types_of(resp) == expected
    assert resp.headers["X-Total-Count"] == str(len(expected))


def test_limit_and_offset_page_through_the_same_order(client):
    everything = [e["id"] for e in client.get("/api/events").json()]
    page = client.get("/api/events?limit=2&offset=1")
    assert [e["id"] for e in page.json()] == everything[1:3]
    assert page.headers["X-Total-Count"] == "5"
    assert client.get("/api/events?offset=10").json() == []
    assert client.get("/api/events?limit=0").json() == []


@pytest.mark.parametrize("query, names", [
    ("since=2024-13-01", "since"),
    ("until=yesterday", "until"),
    ("since=2024-05-01&until=2024-04-01", "since"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=a,b,c,d", "bbox"),
    ("bbox=0,50,10,40", "bbox"),
    ("bbox=0,0,200,10", "bbox"),
    ("type=BOMBING", "type"),
    ("acled_type=Skirmish", "acled_type"),
    ("country=Mali", "country"),
    ("limit=-1", "limit"),
    ("limit=abc", "limit"),
    ("limit=10000000", "limit"),
    ("offset=-3", "offset"),
])
def test_bad_parameters_answer_422_naming_the_parameter(client, query, names):
    for path in ("/api/events", "/api/events.geojson"):
        resp = client.get(f"{path}?{query}")
        assert resp.status_code == 422, (path, query, resp.text)
        detail = resp.json()["detail"]
        assert isinstance(detail, str) and detail.startswith(names), detail


def test_unknown_type_lists_the_known_ones(client):
    detail = client.get("/api/events?type=BOMBING").json()["detail"]
    assert "ASSAULT" in detail and "PROTEST" in detail


def test_event_detail_has_sources_and_marked_evidence(client, ids):
    d = client.get(f"/api/events/{ids['ASSAULT']}").json()
    assert d["id"] == ids["ASSAULT"] and d["event_type"] == "ASSAULT"
    assert d["sources"] == [{"article_id": "art-gao", "title": "Market attack in Gao",
                             "url": "https://news.example/gao", "source": "Example News", "published": "2024-03-02",
                             "origin": None, "syndicated": []}]
    [ev] = d["evidence"]
    assert ev["text"].startswith("Gunmen attacked a market in Gao") and ev["title"] == "Market attack in Gao"
    kinds = {m["kind"]: m["text"] for m in ev["marks"]}
    assert kinds == {"trigger": "attacked", "actor": "Gunmen", "place": "Gao", "date": "on Friday",
                     "claim": "killing seven traders"}
    for m in ev["marks"]:   # offsets are relative to the sentence
        assert ev["text"][m["start"]:m["end"]] == m["text"]
    assert [c["victims"] for c in d["claims"]] == ["traders"] and d["claims"][0]["claimant"] == "the army"


def test_marks_stay_inside_their_own_sentence(client, ids):
    d = client.get(f"/api/events/{ids['PROTEST']}").json()
    [ev] = d["evidence"]
    assert ev["text"].startswith("Hundreds of teachers marched")
    assert {m["kind"]: m["text"] for m in ev["marks"]} == {"trigger": "marched", "actor": "teachers",
                                                          "place": "Bamako", "date": "on Saturday"}


def test_unknown_event_is_404(client):
    resp = client.get("/api/events/ev-does-not-exist")
    assert resp.status_code == 404
    assert "ev-does-not-exist" in resp.json()["detail"]


def test_geojson_has_located_events_only(client):
    resp = client.get("/api/events.geojson")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/geo+json")
    data = json.loads(resp.text)
    assert data["type"] == "FeatureCollection"
    by_place = {f["properties"]["place"]: f for f in data["features"]}
    assert set(by_place) == {"Gao", "Bamako", "Nairobi"}    # the accusation has no place
    assert by_place["Nairobi"]["geometry"] == {"type": "Point", "coordinates": [36.8167, -1.2833]}   # lon, lat
    filtered = client.get("/api/events.geojson?country=KEN").json()
    assert [f["properties"]["place"] for f in filtered["features"]] == ["Nairobi"]


def test_stats_count_by_type_country_and_month(client):
    s = client.get("/api/stats").json()
    assert s["events"] == 5 and s["articles"] == 3 and "path" not in s
    f = s["filtered"]
    assert f["by_type"] == {"ACCUSE": 1, "AGREE": 1, "ASSAULT": 1, "PROTEST": 1, "SANCTION": 1}
    assert f["by_country"] == {"MLI": 3, "KEN": 1, "UKR": 1}
    assert f["by_month"] == {"2024-03": 2, "2024-04": 3}
    assert f["fatalities"] == 7 and f["located"] == 3
    mali = client.get("/api/stats?country=MLI&since=2024-04-01").json()["filtered"]
    assert mali["by_type"] == {"SANCTION": 1} and mali["events"] == 1
    assert client.get("/api/stats?since=nope").status_code == 422


def test_relations(client, ids):
    rows = client.get("/api/relations/mli").json()
    assert [(r["date"], r["relation"], r["state"], r["event_id"]) for r in rows] == \
        [("2024-04-12", "diplomatic", "severed", ids["SANCTION"])]
    assert client.get("/api/relations/MLI/UKR").json() == rows
    assert client.get("/api/relations/MLI/KEN").json() == []
    resp = client.get("/api/relations/Mali")
    assert resp.status_code == 422 and "ISO 3166" in resp.json()["detail"]


def test_articles(client, ids):
    rows = client.get("/api/articles").json()
    assert [(a["id"], a["title"], a["published"], a["events"]) for a in rows] == [
        ("art-gao", "Market attack in Gao", "2024-03-02", 2), ("art-nairobi", "Kenya and Somalia sign pact",
                                                                  "2024-04-09", 1),
        ("art-accuse", "Mali cuts ties", "2024-04-12", 2)]
    assert [a["id"] for a in client.get("/api/articles?limit=1&offset=1").json()] == ["art-nairobi"]
    one = client.get("/api/articles/art-nairobi").json()
    assert one["text"].startswith("Kenya and Somalia signed") and one["event_ids"] == [ids["AGREE"]]
    assert client.get("/api/articles/nope").status_code == 404


def test_types_and_unknown_endpoints(client):
    t = client.get("/api/types").json()
    assert len(t["plover"]) == 16 and {"type": "ASSAULT", "quad_class": 4} in t["plover"]
    assert "Battles" in t["acled"]
    resp = client.get("/api/nothing-here")
    assert resp.status_code == 404 and "/docs" in resp.json()["detail"]


def test_openapi_documents_the_filters(client):
    spec = client.get("/openapi.json").json()
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"country", "type", "acled_type", "actor", "since", "until", "bbox", "text", "limit", "offset"} <= params


# ------------------------------------------------------------------------------------------- store problems
def test_missing_store_answers_503_with_a_clear_message(tmp_path):
    with TestClient(create_app(tmp_path / "none.duckdb")) as c:
        for path in ("/api/events", "/api/stats", "/api/events/x"):
            resp = c.get(path)
            assert resp.status_code == 503
            assert "no store at" in resp.json()["detail"] and "none.duckdb" in resp.json()["detail"]
        assert c.get("/").status_code == 200   # the page still loads and shows the message


def test_a_file_that_is_not_a_store_answers_503(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database\n" * 100)
    with TestClient(create_app(bad)) as c:
        resp = c.get("/api/events")
        assert resp.status_code == 503 and "cannot open store" in resp.json()["detail"]


def test_store_created_after_start_is_served(tmp_path, store_file):
    import shutil

    path = tmp_path / "later.duckdb"
    with TestClient(create_app(path)) as c:
        assert c.get("/api/events").status_code == 503
        shutil.copy(store_file, path)
        assert c.get("/api/events").headers["X-Total-Count"] == "5"


def test_busy_store_answers_503_and_retry_after(db):
    holder = textwrap.dedent(f"""
        import sys
        from eventcoder.store import Store
        with Store.open({str(db)!r}) as s:
            print("ready", flush=True)
            sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", holder], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        with TestClient(create_app(db)) as c:
            resp = c.get("/api/events")
        assert resp.status_code == 503
        assert "busy" in resp.json()["detail"]
        assert resp.headers["Retry-After"].isdigit()
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    with TestClient(create_app(db)) as c:   # the writer is gone: served again
        assert c.get("/api/events").status_code == 200


def test_requests_do_not_keep_the_store_open(db):
    """Each request opens and closes the store, so a writer can open it between requests."""
    from eventcoder.store import Store

    with TestClient(create_app(db)) as c:
        assert c.get("/api/events").status_code == 200
        code = f"from eventcoder.store import Store\nStore.open({str(db)!r}).close()\nprint('ok')"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == "ok", out.stderr
    with Store.open(db, read_only=True) as s:
        assert len(s.events()) == 5


def test_basemap_gives_country_outlines_and_capitals(client):
    resp = client.get("/api/basemap")
    assert resp.status_code == 200 and "max-age" in resp.headers["cache-control"]
    data = resp.json()
    by_iso = {f["properties"]["iso3"]: f for f in data["features"]}
    mali = by_iso["MLI"]["geometry"]
    assert mali["type"] in ("Polygon", "MultiPolygon")
    ring = mali["coordinates"][0] if mali["type"] == "Polygon" else mali["coordinates"][0][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert -13 < min(lons) < max(lons) < 5 and 10 < min(lats) < max(lats) < 26   # [lon, lat] order
    bamako = next(c for c in data["capitals"] if c["country"] == "MLI")
    assert bamako["name"] == "Bamako" and abs(bamako["lat"] - 12.65) < 0.5 and abs(bamako["lon"] + 8.0) < 0.5


def test_large_answers_are_compressed(client):
    resp = client.get("/api/basemap", headers={"Accept-Encoding": "gzip"})
    assert resp.headers.get("content-encoding") == "gzip"


def test_concurrent_requests_each_open_the_store(client):
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/api/events", "/api/stats", "/api/events.geojson", "/api/articles"] * 6
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda p: client.get(p).status_code, paths))
    assert codes == [200] * len(paths)
