"""PLOVER JSON (schema), GDELT-style TSV (column order, FIPS), GeoJSON (geometry), Parquet (pandas)."""
import io
import json
import re

import pandas as pd
import pytest

from eventcoder.export import FORMATS, export
from eventcoder.export.cameo import COLUMNS as GDELT_COLUMNS
from eventcoder.paths import PACKAGE_DATA

GDELT_20 = (
    "GlobalEventID Day MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode "
    "Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode "
    "EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type "
    "Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long "
    "Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName "
    "ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID "
    "DATEADDED SOURCEURL").split()


# ----------------------------------------------------------------------------------------------- PLOVER
_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list, "object": dict,
          "null": type(None)}


def validate(value, schema, root, path="$"):
    """A small JSON Schema (2020-12 subset) checker: type, enum, required, properties, items, pattern,
    minimum/maximum, minLength, oneOf, $ref. Returns a list of errors."""
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].split("/")[-1]]
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not validate(value, s, root, path)]
        return [] if len(ok) == 1 else [f"{path}: matches {len(ok)} of oneOf"]
    errs = []
    types = schema.get("type")
    if types:
        types = types if isinstance(types, list) else [types]
        good = any(isinstance(value, _TYPES[t]) and not (t in ("integer", "number") and isinstance(value, bool))
                   for t in types)
        if not good:
            return [f"{path}: {value!r} is not {types}"]
    if "enum" in schema and value not in schema["enum"]:
        errs.append(f"{path}: {value!r} not in enum")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errs.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            errs.append(f"{path}: too short")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errs.append(f"{path}: {value} < minimum")
        if "maximum" in schema and value > schema["maximum"]:
            errs.append(f"{path}: {value} > maximum")
    if isinstance(value, dict):
        errs += [f"{path}: missing {k}" for k in schema.get("required", []) if k not in value]
        for k, sub in schema.get("properties", {}).items():
            if k in value:
                errs += validate(value[k], sub, root, f"{path}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errs += validate(item, schema["items"], root, f"{path}[{i}]")
    return errs


@pytest.fixture(scope="module")
def plover_schema():
    return json.loads((PACKAGE_DATA / "export" / "plover.schema.json").read_text())


def test_plover_json_matches_schema(events, articles, plover_schema):
    buf = io.StringIO()
    assert export(events, "plover", buf, articles=articles) == len(events)
    data = json.loads(buf.getvalue())
    assert validate(data, plover_schema, plover_schema) == []
    try:
        import jsonschema
    except ImportError:
        pass
    else:
        jsonschema.validate(data, plover_schema)
    claim = next(d for d in data if d["event_type"] == "COOPERATE")
    assert claim["status"] == "claim" and claim["claimant"]["kb_id"] == "HUR" and claim["acled"] is None
    battle = next(d for d in data if d["location"] and d["location"]["name"] == "Tinzaouaten"
                  and d["recipient"])
    assert battle["acled"]["interaction"] == 12 and battle["n_sources"] == 4
    assert {c["article_id"] for c in battle["claims"]} >= {"a01", "a02"}


def test_schema_checker_rejects_bad_records(events, plover_schema):
    from eventcoder.export.plover import record

    good = record(events[0])
    for key, bad in (("status", "rumour"), ("date", "25/07/2024"), ("event_type", "FIGHT"), ("n_sources", 0)):
        assert validate([{**good, key: bad}], plover_schema, plover_schema), key
    assert validate([{k: v for k, v in good.items() if k != "evidence"}], plover_schema, plover_schema)


# ----------------------------------------------------------------------------------------------- CAMEO/GDELT
def test_gdelt_tsv_column_order_and_codes(events, articles):
    assert list(GDELT_COLUMNS) == GDELT_20 and len(GDELT_20) == 61
    buf = io.StringIO()
    n = export(events, "cameo", buf, articles=articles)
    df = pd.read_csv(io.StringIO(buf.getvalue()), sep="\t", header=None, names=GDELT_20, dtype=str,
                     keep_default_na=False)
    assert len(df) == n == sum(1 for e in events if e.coding.cameo_code)
    assert all(len(line.split("\t")) == 61 for line in buf.getvalue().splitlines())
    assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
    assert (df["EventBaseCode"] == df["EventCode"].str[:3]).all()
    battle = df[df["ActionGeo_FullName"].str.startswith("Tinzaouaten")].iloc[0]
    assert battle["ActionGeo_CountryCode"] == "ML"            # FIPS 10-4, not ISO
    assert battle["Actor1CountryCode"] == "MLI" and battle["Actor1Code"] == "MLIREB"   # CAMEO actor codes
    assert battle["Day"] == "20240725" and battle["MonthYear"] == "202407" and battle["QuadClass"] == "4"
    assert battle["NumArticles"] == "4" and battle["SOURCEURL"].startswith("https://news.example/")
    burkina = df[df["ActionGeo_FullName"].str.contains("Barsalogho")].iloc[0]
    assert burkina["ActionGeo_CountryCode"] == "UV"           # Burkina Faso in FIPS
    assert df["GlobalEventID"].str.isdigit().all() and df["GlobalEventID"].is_unique


# ----------------------------------------------------------------------------------------------- GeoJSON
def test_geojson_points(events, articles):
    buf = io.StringIO()
    n = export(events, "geojson", buf, articles=articles)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection"
    located = [e for e in events if e.place and e.place.lat is not None]
    assert n == len(fc["features"]) == len(located)
    for f, e in zip(fc["features"], located):
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lon, lat) == (pytest.approx(e.place.lon), pytest.approx(e.place.lat))   # [lon, lat] order
        assert f["properties"]["id"] == e.id


# ----------------------------------------------------------------------------------------------- Parquet
def test_parquet_reads_back_with_pandas(events, articles, tmp_path):
    path = tmp_path / "events.parquet"
    assert export(events, "parquet", path, articles=articles) == len(events)
    df = pd.read_parquet(path)
    assert len(df) == len(events) and df["id"].tolist() == [e.id for e in events]
    row = df[df["place_name"] == "Tinzaouaten"].iloc[0]
    assert json.loads(row["claims"]) and json.loads(row["actors"])[0]["name"]
    assert str(row["date"]) == "2024-07-25"
    assert df["n_sources"].dtype.name == "Int64"
    buf = io.BytesIO()
    export(events, "parquet", buf)
    assert pd.read_parquet(io.BytesIO(buf.getvalue())).shape == df.shape


# ----------------------------------------------------------------------------------------------- API
def test_export_api_errors(events, tmp_path):
    assert FORMATS == ("acled", "plover", "cameo", "geojson", "parquet")
    with pytest.raises(ValueError, match="unknown export format 'xml'; choose one of: acled"):
        export(events, "xml", io.StringIO())
    with pytest.raises(ValueError, match="binary format"):
        export(events, "parquet", io.StringIO())
    with pytest.raises(ValueError, match="is a folder"):
        export(events, "acled", tmp_path)
    with pytest.raises(ValueError, match="does not exist"):
        export(events, "acled", tmp_path / "nope" / "x.csv")
    with pytest.raises(TypeError, match="records.Event"):
        export([{"id": 1}], "plover", io.StringIO())
    b = io.BytesIO()
    assert export(events, "geojson", b) > 0 and json.loads(b.getvalue())["type"] == "FeatureCollection"
    assert export([], "acled", io.StringIO()) == 0
