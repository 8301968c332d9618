"""The embedded event store (DuckDB): articles, mentions, canonical events and their sources.

Every article is written in one transaction, so a run killed at any point leaves the store as it was before
that article; re-running resumes where it stopped (articles already stored are "unchanged").
"""
from __future__ import annotations

import datetime as dt
import json
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventcoder import records
from eventcoder.store import rows as R
from eventcoder.store.codec import dumps, loads
from eventcoder.store.db import ArticleNotFound, StoreError, connect, current_version, latest_version, migrate


SYNDICATED_META = "syndicated_sources"


@dataclass(frozen=True)
class AddResult:
    status: str                      # new | unchanged | syndicated
    event_ids: list[str] = field(default_factory=list)
    duplicate_of: str | None = None  # for "syndicated": the stored article this one copies


SINGLE_ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Store:
    """``with Store.open("events.duckdb") as store: store.add_article(article, mentions)``."""

    def __init__(self, con: Any, path: str, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()

    # ------------------------------------------------------------------------------------------- lifecycle
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> "Store":
        """Open (creating and migrating if needed). Raises StoreBusy while another process writes it."""
        target = str(path)
        con = connect(target, read_only)
        try:
            have = current_version(con)
            if have > latest_version():
                raise StoreError(f"store {target} has schema version {have}, newer than this eventcoder "
                                 f"({latest_version()}): upgrade eventcoder to open it")
            if read_only:
                if have < latest_version():
                    raise StoreError(f"store {target} has schema version {have}, this eventcoder needs "
                                     f"{latest_version()}: open it once without read_only to migrate it")
            else:
                migrate(con)
        except BaseException:
            con.close()
            raise
        return cls(con, target, read_only)

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def con(self) -> Any:
        if self._con is None:
            raise StoreError(f"store {self.path} is closed")
        return self._con

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.con.execute(sql, list(params)).fetchall()

    def _insert(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows with one statement (DuckDB's executemany runs one statement per row)."""
        if not rows:
            return
        width = len(rows[0])
        one = "(" + ", ".join("?" * width) + ")"
        for i in range(0, len(rows), 500):
            chunk = rows[i:i + 500]
            self.con.execute(f"INSERT INTO {table} VALUES " + ", ".join([one] * len(chunk)),
                             [v for row in chunk for v in row])

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only")

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        self._writable()
        with self._lock:
            con = self.con
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    # ------------------------------------------------------------------------------------------- articles
    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return bool(self._q("SELECT 1 FROM articles WHERE id = ? UNION ALL "
                                "SELECT 1 FROM article_sources WHERE copy_id = ? LIMIT 1", [article_id, article_id]))

    def article(self, article_id: str) -> records.Article | None:
        with self._lock:
            row = self._q("SELECT id, text, title, url, published, source, language, origin, meta FROM articles "
                          "WHERE id = ?", [article_id])
            if not row:
                row = self._q("SELECT copy_id, text, title, url, published, source, language, origin, NULL "
                              "FROM article_sources WHERE copy_id = ?", [article_id])
        if not row:
            return None
        aid, text, title, url, published, source, language, origin, meta = row[0]
        meta_t = tuple(tuple(x) for x in json.loads(meta)) if meta else ()
        return records.Article(id=aid, text=text or "", title=title, url=url, published=published, source=source,
                               language=language, origin=origin, meta=meta_t)

    def previous_versions(self, article: records.Article) -> list[str]:
        """Stored articles that are earlier versions of this one: the same URL, or the same single-article file
        (a .txt/.md/.html origin), with different text. Rows of a CSV or JSON Lines file share their origin and
        are never taken for versions of each other."""
        key, value = ("url", article.url) if article.url else ("origin", article.origin)
        if not value or (key == "origin" and Path(value).suffix.lower() not in SINGLE_ARTICLE_SUFFIXES):
            return []
        with self._lock:
            rows = self._q(f"SELECT id FROM articles WHERE {key} = ? AND id <> ? UNION ALL "
                           f"SELECT copy_id FROM article_sources WHERE {key} = ? AND copy_id <> ?",
                           [value, article.id, value, article.id])
        return [r[0] for r in rows]

    def article_list(self) -> list[dict]:
        """Stored articles (id, published, source, title, origin, url, events), in the order they were added."""
        with self._lock:
            rows = self._q("SELECT a.id, a.published, a.source, a.title, a.origin, a.url, "
                           "(SELECT count(DISTINCT event_id) FROM event_sources s WHERE s.article_id = a.id) "
                           "FROM articles a ORDER BY a.seq")
        cols = ("id", "published", "source", "title", "origin", "url", "events")
        return [dict(zip(cols, r)) for r in rows]

    def articles_for(self, events: Sequence[records.Event]) -> dict[str, records.Article]:
        """The stored articles behind events (id -> Article): pass as ``export(..., articles=...)`` so that
        exports carry source names, URLs and publication dates. The outlets of an article's syndicated copies
        are listed in its meta under "syndicated_sources"."""
        ids = list(dict.fromkeys(a for e in events for a in e.article_ids))
        out = {}
        for aid in ids:
            art = self.article(aid)
            if art is None:
                continue
            copies = [c["source"] or c["url"] for c in self.article_sources(aid) if c["source"] or c["url"]]
            if copies:   # syndicated copies are more sources of the same report
                art = records.replace(art, meta=art.meta + ((SYNDICATED_META, "; ".join(copies)),))
            out[aid] = art
        return out

    def article_sources(self, article_id: str) -> list[dict]:
        """The syndicated copies recorded for a stored article."""
        with self._lock:
            cur = self.con.execute("SELECT copy_id, title, url, published, source, origin, similarity, added_at "
                                   "FROM article_sources WHERE article_id = ? ORDER BY added_at, copy_id",
                                   [article_id])
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]

    def _event_ids_of_article(self, article_id: str) -> list[str]:
        rows = self._q("SELECT s.event_id, min(m.seq) AS first FROM event_sources s JOIN mentions m "
                       "ON m.id = s.mention_id WHERE s.article_id = ? GROUP BY s.event_id ORDER BY first",
                       [article_id])
        return [r[0] for r in rows]

    def add_article(self, article: records.Article, mentions: Sequence[records.Mention], *,
                    replace: bool = False, supersedes: Sequence[str] = ()) -> AddResult:
        """Store an article and its mentions and update the events they report, in one transaction.

        A near-duplicate of a stored article is recorded as another source of it ("syndicated"); an article
        already stored is "unchanged" (nothing is written) unless ``replace=True`` re-processes it (the old
        version is removed in the same transaction). ``supersedes``: ids of earlier versions of this article
        (see previous_versions()), removed in the same transaction before it is stored, so that an updated
        report replaces its old version instead of being taken for a syndicated copy of it.
        """
        from eventcoder.dedup import fingerprint as fp
        from eventcoder.dedup import fold_mentions

        _check_input(article, mentions)
        self._writable()
        with self._lock:
            if self.has_article(article.id) and not replace:
                orig = self._q("SELECT article_id FROM article_sources WHERE copy_id = ?", [article.id])
                target = orig[0][0] if orig else article.id
                return AddResult("unchanged", self._event_ids_of_article(target), orig[0][0] if orig else None)
            sig = fp.minhash(article.text)
            band_keys = fp.bands(sig)
            folded = fold_mentions(mentions)
            now = _now()
            with self._transaction() as con:
                if replace:
                    self._remove(article.id, now)
                for old in supersedes:
                    if old != article.id:
                        self._remove(old, now)
                dup, sim = self._near_duplicate(sig, band_keys)
                if dup is not None:
                    con.execute("INSERT INTO article_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                [article.id, dup, article.title, article.url, article.published, article.source,
                                 article.origin, article.language, sim, article.text, now])
                    return AddResult("syndicated", self._event_ids_of_article(dup), dup)
                clash = self._q("SELECT id, article_id FROM mentions WHERE id IN (SELECT unnest(?)) LIMIT 1",
                                [[m.id for m in mentions]])
                if clash:
                    raise StoreError(f"mention id {clash[0][0]} is already stored for article {clash[0][1]}: "
                                     "mention ids must be unique across articles (derive them from the article id)")
                seq, mseq = self._q("SELECT (SELECT coalesce(max(seq), 0) + 1 FROM articles), "
                                    "(SELECT coalesce(max(seq), 0) FROM mentions)")[0]
                con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [article.id, article.title, article.url, article.published, article.source,
                             article.origin, article.language, fp.digest(sig), sig,
                             json.dumps([list(x) for x in article.meta]), article.text, seq, now])
                self._insert("article_bands", [[b, article.id] for b in band_keys])
                self._insert("mentions", [
                    [m.id, m.article_id, mseq + i + 1, None, m.coding.plover_type, m.status, m.modality, m.emitted,
                     dumps(m)] for i, m in enumerate(mentions)])
                event_ids = self._attach(folded, {m.id: m for m in mentions}, now)
            return AddResult("new", event_ids)

    def _near_duplicate(self, sig: list[int], band_keys: list[str]) -> tuple[str | None, float]:
        from eventcoder.dedup import fingerprint as fp
        from eventcoder.dedup.config import settings

        threshold = float(settings()["fingerprint"]["threshold"])
        if all(v == fp.EMPTY for v in sig):
            return None, 0.0   # no words: nothing to compare
        rows = self._q("SELECT DISTINCT a.id, a.minhash, a.seq FROM article_bands b JOIN articles a "
                       "ON a.id = b.article_id WHERE b.band IN (SELECT unnest(?)) ORDER BY a.seq", [band_keys])
        best, best_sim = None, threshold
        for aid, other, _ in rows:
            s = fp.similarity(sig, list(other))
            if s >= best_sim and (best is None or s > best_sim):
                best, best_sim = aid, s
        return best, (best_sim if best else 0.0)

    # ------------------------------------------------------------------------------------------- events
    def _candidates(self, e: records.Event, exclude: set[str]) -> list[records.Event]:
        from eventcoder.dedup.compat import date_interval
        from eventcoder.dedup.config import settings, type_table

        types = {e.coding.plover_type} | {b for (a, b) in type_table() if a == e.coding.plover_type}
        sql = ["SELECT data FROM events WHERE plover_type IN (SELECT unnest(?))"]
        params: list[Any] = [sorted(types)]
        window = date_interval(e.date) if e.date is not None else None
        if window:
            gap = dt.timedelta(days=int(settings()["dates"]["gap_days"]))
            sql.append("AND (window_start IS NULL OR (window_start <= ? AND window_end >= ?))")
            params += [window[1] + gap, window[0] - gap]
        if e.place is not None and e.place.country:
            # only places can rule a pair out (compat.place_score); an event without a place, whose country
            # column comes from its actors, stays a candidate
            sql.append("AND (place_name IS NULL OR country IS NULL OR country = ?)")
            params.append(e.place.country)
        sql.append("ORDER BY window_start DESC NULLS LAST, id LIMIT 2000")
        out = [loads(records.Event, r[0]) for r in self._q(" ".join(sql), params)]
        return [c for c in out if c.id not in exclude]

    def _attach(self, folded: Sequence[records.Event], loaded: dict[str, records.Mention],
                now: dt.datetime) -> list[str]:
        """Match a new article's events against stored ones (one stored event per new event), then write."""
        from eventcoder.dedup import compatible
        from eventcoder.dedup.compat import anchored
        from eventcoder.dedup.config import settings

        threshold = float(settings()["thresholds"]["match"])
        pairs = []
        for i, e in enumerate(folded):
            for c in self._candidates(e, set()):
                s = compatible(e, c)
                if s >= threshold and anchored(e, c):
                    pairs.append((-s, i, c.id))
        pairs.sort()
        target: dict[int, str] = {}
        taken: set[str] = set()
        for _, i, cid in pairs:
            if i not in target and cid not in taken:
                target[i] = cid
                taken.add(cid)
        existing = self._event_mentions(list(target.values()))
        fresh = self._free_ids([e.id for i, e in enumerate(folded) if i not in target])
        items, ids = [], []
        for i, e in enumerate(folded):
            eid = target[i] if i in target else fresh.pop(0)
            ms = existing.get(eid, []) + [loaded[m] for m in e.mention_ids]
            items.append((eid, ms))
            ids.append(eid)
        self._write_events(items, replace=list(target.values()), now=now)
        return ids

    def _free_ids(self, wanted: Sequence[str]) -> list[str]:
        """Ids for new events: the deterministic id, with a suffix in the rare case it is taken."""
        if not wanted:
            return []
        taken = {r[0] for r in self._q("SELECT id FROM events WHERE split_part(id, '-', 1) IN (SELECT unnest(?))",
                                       [list(wanted)])}
        out = []
        for eid in wanted:
            n, cand = 1, eid
            while cand in taken:
                n += 1
                cand = f"{eid}-{n}"
            taken.add(cand)
            out.append(cand)
        return out

    def _mentions(self, mention_ids: Sequence[str]) -> list[records.Mention]:
        if not mention_ids:
            return []
        rows = self._q("SELECT data FROM mentions WHERE id IN (SELECT unnest(?)) ORDER BY seq", [list(mention_ids)])
        return [loads(records.Mention, r[0]) for r in rows]

    def _event_mentions(self, event_ids: Sequence[str]) -> dict[str, list[records.Mention]]:
        """The stored mentions supporting each event, in the order they were added."""
        out: dict[str, list[records.Mention]] = {eid: [] for eid in event_ids}
        if not event_ids:
            return out
        rows = self._q("SELECT s.event_id, m.data FROM event_sources s JOIN mentions m ON m.id = s.mention_id "
                       "WHERE s.event_id IN (SELECT unnest(?)) ORDER BY m.seq", [list(event_ids)])
        for eid, data in rows:
            out[eid].append(loads(records.Mention, data))
        return out

    def _write_events(self, items: Sequence[tuple[str, list[records.Mention]]], replace: Sequence[str],
                      now: dt.datetime) -> list[records.Event]:
        """(Re)compute events from their supporting mentions and write all their rows in a few statements.
        Events listed in ``replace`` are deleted first (their creation time is kept); no mentions -> deleted."""
        from eventcoder.dedup import from_mention, merge

        created = {}
        if replace:
            created = dict(self._q("SELECT id, created_at FROM events WHERE id IN (SELECT unnest(?))",
                                   [list(replace)]))
            self._delete_events(replace)
        events = [records.replace(merge([from_mention(m) for m in ms]), id=eid) for eid, ms in items if ms]
        sources = [[eid, m.id, m.article_id] for eid, ms in items for m in ms]
        self._insert("events", [R.event_row(e, created.get(e.id, now), now) for e in events])
        self._insert("event_sources", sources)
        if sources:
            self.con.execute("UPDATE mentions SET event_id = map.eid FROM (SELECT unnest(?) AS mid, unnest(?) AS eid) "
                             "AS map WHERE mentions.id = map.mid", [[s[1] for s in sources], [s[0] for s in sources]])
        for table, fn in (("actors", R.actor_rows), ("places", R.place_rows), ("claims", R.claim_rows),
                          ("evidence", R.evidence_rows)):
            self._insert(table, [row for e in events for row in fn(e)])
        return events

    def _delete_events(self, event_ids: Sequence[str]) -> None:
        ids = list(event_ids)
        if not ids:
            return
        self.con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?))", [ids])
        for table in ("event_sources", "actors", "places", "claims", "evidence"):
            self.con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT unnest(?))", [ids])

    def remove_article(self, article_id: str) -> None:
        """Remove an article (or a recorded syndicated copy); events it supported are recomputed from their
        remaining sources, split if those no longer describe one act, and deleted when nothing supports them."""
        self._writable()
        with self._lock:
            if not self.has_article(article_id):
                raise ArticleNotFound(f"article {article_id} is not in the store {self.path}")
            with self._transaction():
                self._remove(article_id, _now())

    def _remove(self, article_id: str, now: dt.datetime) -> None:
        """remove_article() inside the caller's transaction (no-op for an id that is not stored)."""
        from eventcoder.dedup import dedup_events, fold_mentions

        con = self.con
        if self._q("SELECT 1 FROM article_sources WHERE copy_id = ?", [article_id]):
            con.execute("DELETE FROM article_sources WHERE copy_id = ?", [article_id])
            return
        affected = self._event_ids_of_article(article_id)
        con.execute("DELETE FROM event_sources WHERE article_id = ?", [article_id])
        con.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        for table, col in (("articles", "id"), ("article_bands", "article_id"), ("article_sources", "article_id")):
            con.execute(f"DELETE FROM {table} WHERE {col} = ?", [article_id])
        remaining = self._event_mentions(affected)
        items: list[tuple[str, list[records.Mention]]] = []
        for eid in affected:
            ms = remaining[eid]
            by_article: OrderedDict[str, list[records.Mention]] = OrderedDict()
            for m in ms:
                by_article.setdefault(m.article_id, []).append(m)
            groups = dedup_events([e for group in by_article.values() for e in fold_mentions(group)])
            by_id = {m.id: m for m in ms}
            if groups:   # the group holding the oldest mention keeps the id; others become new events
                groups.sort(key=lambda g: min(ms.index(by_id[x]) for x in g.mention_ids))
                items.append((eid, [by_id[x] for x in groups[0].mention_ids]))
                for g, new_id in zip(groups[1:], self._free_ids([g.id for g in groups[1:]])):
                    items.append((new_id, [by_id[x] for x in g.mention_ids]))
        self._write_events(items, replace=affected, now=now)

    # ------------------------------------------------------------------------------------------- errors
    def record_error(self, error: records.IngestError, article_id: str | None = None) -> None:
        """Record a document that could not be read; the same error recorded again is kept once."""
        if not isinstance(error, records.IngestError):
            raise TypeError(f"record_error() needs a records.IngestError, got {type(error).__name__}")
        with self._transaction() as con:
            exists = self._q("SELECT 1 FROM errors WHERE origin IS NOT DISTINCT FROM ? AND reason IS NOT DISTINCT "
                             "FROM ? AND message IS NOT DISTINCT FROM ? AND line IS NOT DISTINCT FROM ?",
                             [error.origin, error.reason, error.message, error.line])
            if not exists:
                con.execute("INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?)",
                            [error.origin, error.reason, error.message, error.line, article_id, _now()])

    def errors(self) -> list[dict]:
        with self._lock:
            cur = self.con.execute("SELECT origin, reason, message, line, article_id, \"at\" FROM errors "
                                   "ORDER BY \"at\", origin")
            cols = [d[0] for d in cur.description]
            return [dict(zip(cols, r)) for r in cur.fetchall()]

    # ------------------------------------------------------------------------------------------- queries
    def event(self, event_id: str) -> records.Event | None:
        with self._lock:
            row = self._q("SELECT data FROM events WHERE id = ?", [event_id])
        return loads(records.Event, row[0][0]) if row else None

    def events(self, *, country: str | None = None, plover_type: str | None = None, acled_type: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, actor: str | None = None,
               bbox: tuple[float, float, float, float] | None = None, text: str | None = None,
               limit: int | None = None) -> list[records.Event]:
        """Events matching every given filter, by date (undated last) then id.

        country: ISO3 of the event's place (of its first actor when it has no place); actor: substring of an
        actor's name, or its KB id or country code;
        bbox: (min_lon, min_lat, max_lon, max_lat) as in GeoJSON; text: substring of names or evidence.
        """
        from eventcoder.store.query import where

        clause, params = where(country=country, plover_type=plover_type, acled_type=acled_type, since=since,
                               until=until, actor=actor, bbox=bbox, text=text)
        sql = f"SELECT data FROM events e {clause} ORDER BY date NULLS LAST, id"
        if limit is not None:
            if int(limit) < 0:
                raise ValueError(f"limit must be >= 0, got {limit}")
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            return [loads(records.Event, r[0]) for r in self._q(sql, params)]

    def events_frame(self, **filters: Any) -> Any:
        """The filtered events as a pandas DataFrame (one row per event, flat columns, JSON for nested)."""
        import pandas as pd

        from eventcoder.export.flat import FLAT_COLUMNS, flat_row

        return pd.DataFrame([flat_row(e) for e in self.events(**filters)], columns=list(FLAT_COLUMNS))

    def events_polars(self, **filters: Any) -> Any:
        try:
            import polars as pl
        except ImportError:
            raise StoreError("events_polars() needs polars: pip install polars") from None
        from eventcoder.export.flat import FLAT_COLUMNS, flat_row

        rows = [flat_row(e) for e in self.events(**filters)]
        return pl.DataFrame({c: [r[c] for r in rows] for c in FLAT_COLUMNS})

    def relations(self, a: str, b: str | None = None) -> list[dict]:
        """Changes of bilateral relations involving ``a`` (and ``b``), oldest first, with the events behind them."""
        from eventcoder.store.query import relation_changes

        return relation_changes(self.events(actor=a), a, b)

    def stats(self) -> dict:
        with self._lock:
            one = lambda sql: self._q(sql)[0][0]  # noqa: E731
            by_type = dict(self._q("SELECT plover_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"))
            return {
                "path": self.path,
                "schema_version": current_version(self.con),
                "articles": one("SELECT count(*) FROM articles"),
                "syndicated_copies": one("SELECT count(*) FROM article_sources"),
                "mentions": one("SELECT count(*) FROM mentions"),
                "emitted_mentions": one("SELECT count(*) FROM mentions WHERE emitted"),
                "events": one("SELECT count(*) FROM events"),
                "multi_source_events": one("SELECT count(*) FROM events WHERE n_sources > 1"),
                "acled_events": one("SELECT count(*) FROM events WHERE acled_event_type IS NOT NULL"),
                "claims": one("SELECT count(*) FROM claims"),
                "errors": one("SELECT count(*) FROM errors"),
                "events_by_type": by_type,
                "first_date": one("SELECT min(date) FROM events"),
                "last_date": one("SELECT max(date) FROM events"),
            }

    def check(self) -> list[str]:
        """Integrity problems (empty list = consistent): orphans, events without sources, count mismatches."""
        problems = []
        checks = {
            "event_sources without event": "SELECT count(*) FROM event_sources s LEFT JOIN events e "
                                           "ON e.id = s.event_id WHERE e.id IS NULL",
            "event_sources without mention": "SELECT count(*) FROM event_sources s LEFT JOIN mentions m "
                                             "ON m.id = s.mention_id WHERE m.id IS NULL",
            "events without sources": "SELECT count(*) FROM events e WHERE NOT EXISTS "
                                      "(SELECT 1 FROM event_sources s WHERE s.event_id = e.id)",
            "mentions without article": "SELECT count(*) FROM mentions m LEFT JOIN articles a "
                                        "ON a.id = m.article_id WHERE a.id IS NULL",
            "emitted mentions without event": "SELECT count(*) FROM mentions WHERE emitted AND event_id IS NULL",
            "n_sources mismatch": "SELECT count(*) FROM events e WHERE n_sources <> (SELECT count(DISTINCT "
                                  "article_id) FROM event_sources s WHERE s.event_id = e.id)",
            "child rows without event": "SELECT (SELECT count(*) FROM actors x WHERE x.event_id NOT IN "
                                        "(SELECT id FROM events)) + (SELECT count(*) FROM claims x WHERE x.event_id "
                                        "NOT IN (SELECT id FROM events)) + (SELECT count(*) FROM evidence x WHERE "
                                        "x.event_id NOT IN (SELECT id FROM events))",
            "copies of missing articles": "SELECT count(*) FROM article_sources s LEFT JOIN articles a "
                                          "ON a.id = s.article_id WHERE a.id IS NULL",
        }
        with self._lock:
            for name, sql in checks.items():
                n = self._q(sql)[0][0]
                if n:
                    problems.append(f"{name}: {n}")
        return problems


def _check_input(article: Any, mentions: Any) -> None:
    if not isinstance(article, records.Article):
        raise TypeError(f"add_article() needs a records.Article, got {type(article).__name__}")
    for m in mentions:
        if not isinstance(m, records.Mention):
            raise TypeError(f"add_article() needs records.Mention items, got {type(m).__name__}")
        if m.article_id != article.id:
            raise ValueError(f"mention {m.id} belongs to article {m.article_id}, not to {article.id}")
    ids = [m.id for m in mentions]
    if len(set(ids)) != len(ids):
        raise ValueError(f"article {article.id} has duplicate mention ids")
