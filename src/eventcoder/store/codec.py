"""Exact JSON round-trip of the frozen records (nested dataclasses, tuples, dates, unions).

``to_data(obj)`` gives plain JSON-able data; ``from_data(records.Event, data)`` rebuilds an equal record.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from typing import Any, TypeVar

from eventcoder import records

T = TypeVar("T")


def to_data(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_data(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (tuple, list)):
        return [to_data(x) for x in obj]
    if isinstance(obj, dt.datetime):
        return obj.isoformat()
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_data(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` (a records dataclass or a typing annotation) from ``to_data`` output."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return from_data(args[0], data)
        for a in args:
            try:
                return from_data(a, data)
            except (TypeError, ValueError):
                continue
        raise ValueError(f"cannot decode {data!r} as {tp}")
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], x) for x in data)
        return tuple(from_data(a, x) for a, x in zip(args, data))
    if dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kw = {f.name: from_data(hints[f.name], data[f.name]) for f in dataclasses.fields(tp)
              if f.init and f.name in data}
        return tp(**kw)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    if tp is float:
        return float(data)
    if tp is int:
        return int(data)
    return data


def dumps(obj: Any) -> str:
    return json.dumps(to_data(obj), ensure_ascii=False, sort_keys=True)


def loads(tp: type[T], text: str) -> T:
    return from_data(tp, json.loads(text))
