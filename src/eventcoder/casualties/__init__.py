"""casualties stage: numbers, victims and claimants -> records.Claim; ACLED and UCDP aggregation.

    from eventcoder.casualties import extract_claims, aggregate
"""
from __future__ import annotations

__all__ = ["extract_claims", "aggregate"]


def __getattr__(name: str):          # lazy: importing the package loads no lexicon
    if name == "extract_claims":
        from .extract import extract_claims
        return extract_claims
    if name == "aggregate":
        from .aggregate import aggregate
        return aggregate
    raise AttributeError(name)
