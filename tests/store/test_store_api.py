"""Store: exact round-trip, idempotent re-runs, syndicated copies, cross-article events, removal, queries."""
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from eventcoder import records as r
from eventcoder.dedup import fold_mentions
from eventcoder.store import ArticleNotFound, Store, StoreError
from eventcoder.store.codec import from_data

GOLDEN_IN = Path(__file__).parents[1] / "dedup" / "golden" / "sahel.input.json"


def sahel():
    data = json.loads(GOLDEN_IN.read_text())
    return from_data(r.Article, data["article"]), [from_data(r.Mention, m) for m in data["mentions"]]


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "s.duckdb") as s:
        yield s


@pytest.fixture(scope="module")
def full_file(tmp_path_factory, gold_set):
    path = tmp_path_factory.mktemp("store") / "full.duckdb"
    with Store.open(path) as s:
        for a in gold_set.articles:
            s.add_article(a, gold_set.mentions[a.id])
    return path


@pytest.fixture
def full(tmp_path, full_file):
    """A store holding the whole de-duplication set (a fresh copy per test)."""
    shutil.copy(full_file, tmp_path / "full.duckdb")
    s = Store.open(tmp_path / "full.duckdb")
    yield s
    s.close()


def test_events_round_trip_exactly(store):
    a, ms = sahel()
    res = store.add_article(a, ms)
    assert res.status == "new"
    folded = fold_mentions(ms)
    assert res.event_ids == [e.id for e in folded]
    for e in folded:
        assert store.event(e.id) == e
    assert store.article(a.id) == a
    assert store.check() == []


def test_re_adding_changes_nothing(store):
    a, ms = sahel()
    first = store.add_article(a, ms)
    before = (store.stats(), store.events())
    again = store.add_article(a, ms)
    assert again.status == "unchanged" and again.event_ids == first.event_ids
    assert (store.stats(), store.events()) == before


def test_syndicated_copy_is_stored_once_with_its_source(store):
    a, ms = sahel()
    store.add_article(a, ms)
    copy = r.Article.from_text("BAMAKO (Other Wire) - " + a.text + " Editing by the desk.", source="Other Wire",
                               url="https://example.org/copy")
    n_events = len(store.events())
    res = store.add_article(copy, [])
    assert res.status == "syndicated" and res.duplicate_of == a.id
    assert sorted(res.event_ids) == sorted(e.id for e in store.events())
    assert len(store.events()) == n_events
    assert [s["copy_id"] for s in store.article_sources(a.id)] == [copy.id]
    assert store.has_article(copy.id) and store.article(copy.id).text == copy.text
    assert store.add_article(copy, []).status == "unchanged"
    assert store.stats()["syndicated_copies"] == 1


def test_different_article_is_not_syndicated(store, gold_set):
    a, ms = sahel()
    store.add_article(a, ms)
    other = gold_set.articles[0]
    assert store.add_article(other, gold_set.mentions[other.id]).status == "new"


def test_cross_article_events(full, gold_set):
    e1 = [e for e in full.events() if "a01:1" in e.mention_ids]
    assert len(e1) == 1
    e1 = e1[0]
    assert set(e1.article_ids) == {"a01", "a02", "a03", "a04"} and e1.n_sources == 4
    assert e1.date.date == dt.date(2024, 7, 25)
    assert {c.span.article_id for c in e1.claims} == {"a01", "a02", "a03"}
    # each mention supports exactly one event
    seen = [m for e in full.events() for m in e.mention_ids]
    assert len(seen) == len(set(seen)) == sum(1 for ms in gold_set.mentions.values() for m in ms if m.emitted)
    assert full.check() == []


def test_rerun_of_the_same_input_changes_nothing(full, gold_set):
    before = full.events()
    for a in gold_set.articles:
        assert full.add_article(a, gold_set.mentions[a.id]).status == "unchanged"
    assert full.events() == before


def test_event_ids_are_deterministic(tmp_path, full, gold_set):
    with Store.open(tmp_path / "again.duckdb") as other:
        for a in gold_set.articles:
            other.add_article(a, gold_set.mentions[a.id])
        assert [e.id for e in other.events()] == [e.id for e in full.events()]


def test_remove_article_updates_and_deletes_events(full):
    e1 = next(e for e in full.events() if "a01:1" in e.mention_ids)
    full.remove_article("a01")
    after = full.event(e1.id)
    assert after is not None and after.n_sources == 3 and "a01" not in after.article_ids
    assert not any("a01" in e.article_ids for e in full.events())
    for aid in ("a02", "a03", "a04"):
        full.remove_article(aid)
    assert full.event(e1.id) is None
    assert full.check() == []
    with pytest.raises(ArticleNotFound, match="a01 is not in the store"):
        full.remove_article("a01")


def test_reprocessing_an_article_with_replace(store):
    a, ms = sahel()
    store.add_article(a, ms)
    fewer = [m for m in ms if m.coding.plover_type != "ACCUSE"]
    res = store.add_article(a, fewer, replace=True)
    assert res.status == "new"
    assert "ACCUSE" not in {e.coding.plover_type for e in store.events()}
    assert store.check() == []


def test_filters(full):
    all_events = full.events()
    mli = full.events(country="MLI")
    assert mli and all(e.place is None or e.place.country == "MLI" for e in mli)
    assert {e.coding.plover_type for e in full.events(plover_type="consult")} == {"CONSULT"}
    assert all(e.coding.acled_event_type == "Battles" for e in full.events(acled_type="Battles"))
    july = full.events(since=dt.date(2024, 7, 1), until=dt.date(2024, 7, 31))
    assert july and all(dt.date(2024, 7, 1) <= e.date.date <= dt.date(2024, 7, 31) for e in july)
    jnim = full.events(actor="JNIM")
    assert jnim and all("JNIM" in {a.kb_id for a in e.actors + e.recipients} for e in jnim)
    assert full.events(actor="shabab")                     # substring of an unknown actor's name
    sahel_box = full.events(bbox=(-6.0, 10.0, 5.0, 21.0))  # (min_lon, min_lat, max_lon, max_lat)
    assert sahel_box and all(-6 <= e.place.lon <= 5 and 10 <= e.place.lat <= 21 for e in sahel_box)
    assert full.events(text="lido beach")
    assert len(full.events(limit=3)) == 3
    assert len(all_events) > len(july)
    with pytest.raises(ValueError, match="bbox must be"):
        full.events(bbox=(1, 2))
    with pytest.raises(ValueError, match="since must be a date"):
        full.events(since="last week")


def test_events_frame(full):
    df = full.events_frame(country="MLI")
    assert len(df) == len(full.events(country="MLI"))
    assert {"id", "date", "plover_type", "lat", "lon", "fatalities_acled", "n_sources"} <= set(df.columns)


def test_relations(full):
    rows = full.relations("MLI", "UKR")
    assert len(rows) == 1
    row = rows[0]
    assert row["between"] == ["MLI", "UKR"] and row["relation"] == "diplomatic" and row["state"] == "severed"
    assert row["date"] == dt.date(2024, 8, 4)
    assert full.event(row["event_id"]).coding.cameo_code == "161"
    assert full.relations("UKR") == rows
    assert full.relations("FRA") == []


def test_errors_are_deduplicated(store):
    err = r.IngestError(origin="feed.xml", reason="malformed", message="not XML", line=3)
    store.record_error(err)
    store.record_error(err)
    store.record_error(r.IngestError(origin="b.txt", reason="empty", message="no text"))
    rows = store.errors()
    assert len(rows) == 2
    assert rows[0]["origin"] == "feed.xml" and rows[0]["line"] == 3 and rows[0]["at"] is not None
    with pytest.raises(TypeError, match="IngestError"):
        store.record_error("oops")


def test_stats(full, gold_set):
    st = full.stats()
    assert st["articles"] == len(gold_set.articles) and st["schema_version"] >= 1
    assert st["events"] == len(full.events())
    assert st["multi_source_events"] == sum(1 for e in full.events() if e.n_sources > 1)


def test_read_only_and_bad_paths(tmp_path):
    path = tmp_path / "ro.duckdb"
    with pytest.raises(StoreError, match="no store at"):
        Store.open(path, read_only=True)
    a, ms = sahel()
    with Store.open(path) as s:
        s.add_article(a, ms)
    with Store.open(path, read_only=True) as s:
        assert len(s.events()) == 4
        with pytest.raises(StoreError, match="read-only"):
            s.add_article(a, ms)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database")
    with pytest.raises(StoreError, match="cannot open store"):
        Store.open(junk)
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "missing" / "x.duckdb")


def test_migrations_are_versioned(tmp_path):
    from eventcoder.store.db import latest_version, migrations

    assert [v for v, _, _ in migrations()] == sorted(v for v, _, _ in migrations())
    path = tmp_path / "m.duckdb"
    Store.open(path).close()
    with Store.open(path) as s:     # reopening applies nothing twice
        rows = s.con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
        assert [v for (v,) in rows] == list(range(1, latest_version() + 1))


def test_bad_input_messages(store):
    a, ms = sahel()
    with pytest.raises(ValueError, match="belongs to article"):
        store.add_article(r.Article.from_text("something else"), ms)
    with pytest.raises(TypeError, match="records.Article"):
        store.add_article({"text": "x"}, [])
    with pytest.raises(ValueError, match="duplicate mention ids"):
        store.add_article(a, [ms[0], ms[0]])


def test_articles_for_feeds_exports(full):
    from eventcoder.export import export
    import io

    evs = full.events(acled_type="Battles")
    arts = full.articles_for(evs)
    assert set(arts) == {a for e in evs for a in e.article_ids}
    buf = io.StringIO()
    export(evs, "acled", buf, articles=arts)
    assert "Reuters" in buf.getvalue()


def test_mention_ids_must_be_unique_across_articles(store, gold_set):
    a, ms = sahel()
    store.add_article(a, ms)
    other = gold_set.articles[0]
    clash = [r.replace(m, id=ms[0].id) for m in gold_set.mentions[other.id][:1]]
    with pytest.raises(StoreError, match="already stored for article"):
        store.add_article(other, clash)
    assert not store.has_article(other.id) and store.check() == []


def test_store_from_a_newer_eventcoder_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store.open(path) as s:
        s.con.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="newer than this eventcoder"):
        Store.open(path)


def test_relations_restored_from_text_rules(store):
    text = "Mali and Ukraine restored diplomatic relations on Monday, the foreign ministry said."
    art = r.Article.from_text(text, published=dt.date(2025, 3, 4))
    sp = r.Span(art.id, 0, len(text), text)
    m = r.Mention(id=f"{art.id}:1", article_id=art.id, coding=r.Coding("AGREE", cameo_code="036"), trigger=sp,
                  sentence=sp, actors=(r.Actor("Government of Mali", country="MLI", sector="GOV", kb_id="MLI"),),
                  recipients=(r.Actor("Government of Ukraine", country="UKR", sector="GOV", kb_id="UKR"),),
                  date=r.EventDate(dt.date(2025, 3, 3), basis="relative"), evidence=(sp,))
    a, ms = sahel()
    store.add_article(a, ms)
    store.add_article(art, [m])
    rows = store.relations("MLI", "UKR")
    assert [(x["date"], x["state"]) for x in rows] == [(dt.date(2024, 7, 28), "severed"), (dt.date(2025, 3, 3), "restored")]


def test_syndicated_outlets_reach_the_acled_export(store):
    import io

    from eventcoder.export import export

    a, ms = sahel()
    store.add_article(a, ms)
    copy = r.Article.from_text("BAMAKO (Other Wire) - " + a.text, source="Other Wire")
    assert store.add_article(copy, []).status == "syndicated"
    evs = store.events()
    buf = io.StringIO()
    export(evs, "acled", buf, articles=store.articles_for(evs))
    assert "Fixture Wire; Other Wire" in buf.getvalue()
