"""De-duplication: the mentions and articles that report one real event become one canonical Event.

- ``fold_mentions(mentions)``: within one article, the sentences that report one act become one event.
- ``compatible(a, b)``: 0..1 score that two events describe the same act (type, date window, place, actors).
- ``merge(events)``: one event with the best-supported fields and every source's evidence and claims.
- ``dedup_events(events)`` and ``match(event, candidates)``: across articles (the store uses ``match``).
- ``fingerprint``: MinHash signatures of article text for syndicated / near-identical copies.

Settings (thresholds, compatible types, distances) are data: ``data/dedup/dedup.yaml`` plus user files in
``<data_home>/dedup/*.yaml``.
"""
from __future__ import annotations

from eventcoder.dedup.compat import compatible, components
from eventcoder.dedup.fold import cluster, dedup_events, fold_mentions, match
from eventcoder.dedup.merge import event_id, from_mention, merge

__all__ = ["fold_mentions", "compatible", "merge", "components", "cluster", "dedup_events", "match",
           "event_id", "from_mention"]
