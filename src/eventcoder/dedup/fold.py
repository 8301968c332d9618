"""Clustering: fold the mentions of one article into events, match events against a set of known events."""
from __future__ import annotations

from collections.abc import Sequence

from eventcoder import records
from eventcoder.dedup.compat import anchored, compatible
from eventcoder.dedup.config import settings
from eventcoder.dedup.merge import from_mention, merge


def _threshold(kind: str) -> float:
    return float(settings()["thresholds"][kind])


def cluster(events: Sequence[records.Event], threshold: float, *, within_article: bool = False) \
        -> list[list[records.Event]]:
    """Greedy single pass in input order: each event joins the best compatible cluster (compared with the
    cluster's merged event) or starts a new one. Deterministic for a given order."""
    clusters: list[list[records.Event]] = []
    merged: list[records.Event] = []
    for e in events:
        best, best_score = -1, threshold
        for i, m in enumerate(merged):
            s = compatible(e, m, within_article=within_article)
            if s >= best_score and (within_article or anchored(e, m)):
                if s > best_score or best < 0:
                    best, best_score = i, s
        if best < 0:
            clusters.append([e])
            merged.append(e)
        else:
            clusters[best].append(e)
            merged[best] = merge(clusters[best])
    return clusters


def fold_mentions(mentions: Sequence[records.Mention]) -> list[records.Event]:
    """The events one article reports: mentions of the same act (one battle reported as "the clashes",
    "ambushed", "killed" ...) fold into one event; only mentions whose .emitted is True become events."""
    singles = [from_mention(m) for m in mentions if m.emitted]
    return [merge(c) for c in cluster(singles, _threshold("fold"), within_article=True)]


def match(event: records.Event, candidates: Sequence[records.Event]) -> tuple[records.Event | None, float]:
    """The stored event a new article's event describes (best compatible above the cross-article threshold)."""
    best, best_score = None, _threshold("match")
    for c in candidates:
        s = compatible(event, c)
        if s >= best_score and anchored(event, c) and (best is None or s > best_score):
            best, best_score = c, s
    return best, (best_score if best is not None else 0.0)


def dedup_events(events: Sequence[records.Event]) -> list[records.Event]:
    """Cross-article de-duplication of a batch of events (each already folded within its article)."""
    return [merge(c) for c in cluster(events, _threshold("match"))]
