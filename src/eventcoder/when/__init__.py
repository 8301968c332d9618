"""when stage: date expressions resolved against the publication date, with a precision (see resolver.py)."""
from __future__ import annotations

__all__ = ["DateMention", "find_dates", "resolve_event_date", "is_historical", "acled_event_date", "reload_lexicons"]


def __getattr__(name: str):          # lazy: importing the package compiles nothing
    if name == "reload_lexicons":
        from .grammar import reload_lexicons
        return reload_lexicons
    if name in __all__:
        from . import resolver
        return getattr(resolver, name)
    raise AttributeError(name)
