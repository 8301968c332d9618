"""Parquet: one row per event, flat columns plus JSON text for nested fields."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO

from eventcoder import records


def frame(events: Sequence[records.Event]):  # -> pandas.DataFrame
    import pandas as pd

    from eventcoder.export.flat import FLAT_COLUMNS, flat_row

    df = pd.DataFrame([flat_row(e) for e in events], columns=list(FLAT_COLUMNS))
    for col in ("date", "date_end"):
        df[col] = pd.to_datetime(df[col]).dt.date if len(df) else df[col]
    for col in ("goldstein", "lat", "lon", "confidence"):
        df[col] = df[col].astype("float64")
    for col in ("quad_class", "acled_interaction", "geonameid", "fatalities_acled", "fatalities_low",
                "fatalities_best", "fatalities_high", "n_claims", "n_sources"):
        df[col] = df[col].astype("Int64")
    return df


def write(events: Sequence[records.Event], out: IO[bytes], articles: Mapping[str, records.Article]) -> int:
    df = frame(events)
    df.to_parquet(out, index=False, engine="pyarrow")
    return len(df)
