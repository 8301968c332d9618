"""Actor layer: a versioned, user-extensible knowledge base (YAML under data/actors/ and
data_home()/actors/) and a resolver that turns mentions into `records.Actor`.

    from eventcoder.actors import default_resolver
    r = default_resolver()
    r.find("Malian soldiers and Wagner fighters were ambushed", date=..., context_countries=["MLI"])
    r.resolve("Tuareg separatist rebels", date=dt.date(2024, 8, 5), context_countries=["MLI"])

Names are imported lazily so that importing the package loads nothing.
"""
from __future__ import annotations

from typing import Any

# Sectors of non-state armed actors (and foreign private military companies): filed under one country, they act
# across borders (JNIM and IS Sahel in Burkina Faso and Niger, Boko Haram in Chad), so their country is weak
# evidence of where an article happens.
TRANSNATIONAL_SECTORS = frozenset({"REB", "PMC", "PRM", "CRM", "UAF", "TER", "INS"})

__all__ = ["TRANSNATIONAL_SECTORS", "KnowledgeBase", "KBError", "default_kb", "ActorResolver", "ActorMatch", "default_resolver"]


def __getattr__(name: str) -> Any:
    if name in ("KnowledgeBase", "KBError", "default_kb"):
        from . import kb
        return getattr(kb, name)
    if name in ("ActorResolver", "ActorMatch", "default_resolver"):
        from . import resolver
        return getattr(resolver, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
