"""PLOVER 2.0, CAMEO and ACLED definitions and crosswalks: data files under data/ontology, thin code here."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafiles import deep_merge, read_yaml
from ..paths import PACKAGE_DATA, data_home
from ..records import Coding

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _load(name: str) -> dict[str, Any]:
    """Package file data/ontology/NAME merged with a user override in data_home()/ontology/NAME."""
    data = read_yaml(PACKAGE_DATA / "ontology" / name, "ontology file")
    user = data_home() / "ontology" / name
    return deep_merge(data, read_yaml(user, "ontology file")) if user.exists() else data


@dataclass(frozen=True)
class Ontology:
    plover: dict[str, Any]
    cameo: dict[str, Any]
    acled: dict[str, Any]

    def plover_type(self, name: str) -> str | None:
        name = (name or "").strip().upper()
        name = self.plover.get("legacy", {}).get(name, name)
        return name if name in self.plover["types"] else None

    def cameo_info(self, code: str | None) -> dict[str, Any]:
        if not code:
            return {}
        codes = self.cameo["codes"]
        for key in (code, code[:3], code[:2] + "0"):
            if key in codes:
                return codes[key]
        return {}

    def goldstein(self, code: str | None) -> float | None:
        return self.cameo_info(code).get("goldstein")

    def acled_disorder_type(self, event_type: str | None) -> str | None:
        info = self.acled["event_types"].get(event_type or "")
        return info["disorder_type"] if info else None

    def is_acled_pair(self, event_type: str | None, sub_event_type: str | None) -> bool:
        info = self.acled["event_types"].get(event_type or "")
        return bool(info) and sub_event_type in info["sub_event_types"]

    def coding(self, plover_type: str, *, mode: str | None = None, context: tuple[str, ...] = (),
               cameo_code: str | None = None, acled_event_type: str | None = None,
               acled_sub_event_type: str | None = None) -> Coding:
        """Build a complete Coding: fills the default CAMEO code, Goldstein score and quad class."""
        ptype = self.plover_type(plover_type)
        if ptype is None:
            raise ValueError(f"unknown PLOVER type {plover_type!r}")
        info = self.plover["types"][ptype]
        if mode is not None and mode not in info["modes"]:
            raise ValueError(f"{ptype} has no mode {mode!r} (modes: {', '.join(info['modes']) or 'none'})")
        cameo_code = cameo_code or info["cameo"]
        if acled_event_type and not self.is_acled_pair(acled_event_type, acled_sub_event_type):
            raise ValueError(f"not an ACLED event/sub-event pair: {acled_event_type!r} / {acled_sub_event_type!r}")
        return Coding(
            plover_type=ptype, mode=mode, context=tuple(context), cameo_code=cameo_code,
            goldstein=self.goldstein(cameo_code), quad_class=info["quad"],
            acled_event_type=acled_event_type, acled_sub_event_type=acled_sub_event_type,
        )


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    return Ontology(_load("plover.yaml"), _load("cameo.yaml"), _load("acled.yaml"))
