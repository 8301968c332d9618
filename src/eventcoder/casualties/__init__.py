"""casualties stage: numbers, victims and claimants -> records.Claim; ACLED and UCDP aggregation.

    from eventcoder.casualties import extract_claims, aggregate

Importing is cheap: lexicons load on first use, once per process.
"""
from __future__ import annotations

from .aggregate import aggregate
from .extract import extract_claims
from .rules import reload_lexicons

__all__ = ["extract_claims", "aggregate", "reload_lexicons"]
