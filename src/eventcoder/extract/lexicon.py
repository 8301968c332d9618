"""Trigger lexicon: data/extract/triggers.yaml plus user files in $EVENTCODER_HOME/extract/*.yaml."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..paths import PACKAGE_DATA, data_home

ROLE_SCHEMES = ("default", "reciprocal", "receive", "threat", "mediate", "object")


@dataclass(frozen=True)
class Trigger:
    lemmas: frozenset[str]
    pos: frozenset[str]
    plover: str
    cameo: str | None
    mode: str | None = None
    context: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()     # required object lemma (any of)
    with_: frozenset[str] = frozenset()       # required compound/amod/prt lemma (any of)
    without: frozenset[str] = frozenset()     # vetoing dependent lemmas
    acled: Any = "auto"                       # "auto" | "protest" | "agreement" | "territory" | [type, sub] | None
    roles: str = "default"
    requires_recipient: bool = False
    source: str = ""

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + 2 * bool(self.with_) + bool(self.without)


def _parse(entry: dict[str, Any], source: str) -> Trigger:
    code = entry.get("code") or {}
    if "lemma" not in entry or "plover" not in code:
        raise ValueError(f"{source}: trigger entry needs 'lemma' and 'code.plover': {entry!r}")
    roles = entry.get("roles", "default")
    if roles not in ROLE_SCHEMES:
        raise ValueError(f"{source}: unknown roles scheme {roles!r} (use one of {', '.join(ROLE_SCHEMES)})")
    as_set = lambda v: frozenset(str(x).lower() for x in (v if isinstance(v, list) else [v])) if v else frozenset()  # noqa: E731
    acled = entry.get("acled", "auto")
    return Trigger(
        lemmas=as_set(entry["lemma"]), pos=as_set(entry.get("pos")) and frozenset(p.upper() for p in entry["pos"]),
        plover=code["plover"], cameo=code.get("cameo"), mode=code.get("mode"),
        context=tuple(code.get("context") or ()), objects=as_set(entry.get("object")), with_=as_set(entry.get("with")),
        without=as_set(entry.get("without")), acled=tuple(acled) if isinstance(acled, list) else acled,
        roles=roles, requires_recipient=bool(entry.get("requires_recipient")), source=source,
    )


class Lexicon:
    def __init__(self, triggers: Iterable[Trigger]):
        self.triggers = list(triggers)
        self._by_lemma: dict[str, list[Trigger]] = defaultdict(list)
        for t in self.triggers:
            for lemma in t.lemmas:
                self._by_lemma[lemma].append(t)
        for cands in self._by_lemma.values():
            cands.sort(key=lambda t: -t.specificity)

    def candidates(self, lemma: str) -> list[Trigger]:
        return self._by_lemma.get(lemma.lower(), [])

    @classmethod
    def load(cls, extra_paths: Iterable[Path] = ()) -> "Lexicon":
        files = [PACKAGE_DATA / "extract" / "triggers.yaml"]
        user_dir = data_home() / "extract"
        if user_dir.is_dir():
            files += sorted(user_dir.glob("*.yaml"))
        files += [Path(p) for p in extra_paths]
        triggers: list[Trigger] = []
        for f in files:
            with open(f, encoding="utf-8") as fh:
                data = yaml.safe_load(fh) or {}
            triggers += [_parse(e, str(f)) for e in data.get("triggers", [])]
        return cls(triggers)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()
