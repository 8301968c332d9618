"""eventcoder: news reports in, verifiable event data out (PLOVER 2.0, CAMEO, ACLED)."""
__version__ = "0.1.0"
