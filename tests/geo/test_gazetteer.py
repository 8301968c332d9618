from __future__ import annotations

import io
import zipfile

import pytest
from typer.testing import CliRunner

from eventcoder.geo import gazetteer as G
from eventcoder.geo.dumps import parse_dump
from eventcoder.geo.text import fold, variants

from .conftest import MINI, mini_gazetteer


def test_fold_ignores_case_accents_periods_hyphens():
    assert fold("Ti-n-Zaouâtene") == "ti n zaouatene"
    assert fold("U.S.") == "us"
    assert fold("the Gambia") == "gambia"
    assert "saint louis" in variants(fold("St. Louis"))


def test_dump_parse_names_alternates_and_admin_names(mini):
    assert len(mini) == sum(1 for _ in MINI.open(encoding="utf-8"))
    [c] = mini.lookup("Tinzaouaten")
    assert c.geonameid == 2476086 and c.country == "ML" and c.feature_code == "PPL"
    assert c.admin1 == "Kidal Region"           # admin1 name from the dump's own ADM1 row
    assert mini.lookup("TIN-ZAOUATENE")[0].geonameid == 2476086


def test_lookup_country_filter_accepts_iso2_and_iso3_and_ranks_divisions_first(mini):
    names = [c.feature_code for c in mini.lookup("Gao", country="MLI")]
    assert names == ["ADM1", "PPLA"]
    assert mini.lookup("Paris", country="US")[0].geonameid == 4647963
    assert mini.lookup("Paris", country="FRA")[0].geonameid == 2988507
    assert mini.lookup("Nowhereville") == []


def test_country_and_demonym(mini):
    assert mini.country("MLI").geonameid == 2453866
    assert mini.country("ML").name == "Mali"
    assert mini.demonym("Malians").geonameid == 2453866
    assert mini.demonym("Martian") is None


def test_bad_dump_rows_give_a_clear_message():
    with pytest.raises(G.GazetteerError, match=r"line 2: expected 19"):
        parse_dump(["\t".join(["1"] * 19) + "\n", "just some text\n"], "bad.txt")


def test_add_dump_missing_file_is_a_clear_error(tmp_home):
    with pytest.raises(G.GazetteerError, match="no such file"):
        G.add_dump("/no/such/dump.txt")


def test_add_dump_then_default_gazetteer_merges_and_caches(tmp_home, monkeypatch):
    base = mini_gazetteer(skip={2476086})             # the packaged default lacks the village
    monkeypatch.setattr("eventcoder.geo.build.build_default", lambda home=None: base)
    g0 = G.default_gazetteer()
    assert g0.lookup("Tinzaouaten") == []
    assert G.default_gazetteer() is g0                # loaded once per process
    assert list((tmp_home / "gazetteer").glob("default-*.pkl"))   # cached index
    n = G.add_dump(str(MINI))
    assert n == len(mini_gazetteer())
    g1 = G.default_gazetteer()
    assert g1 is not g0
    assert g1.lookup("Tinzaouaten")[0].geonameid == 2476086
    assert len(g1) == len(base) + 1                   # same geonameids merge, they do not duplicate


def test_pickled_index_round_trips(tmp_path, mini):
    G._save(mini, tmp_path / "x.pkl")
    back = G._load(tmp_path / "x.pkl")
    assert back.lookup("Paris") == mini.lookup("Paris")
    assert back.demonym("Malian") == mini.demonym("Malian")


def test_add_dump_by_code_downloads_the_zip(tmp_home, monkeypatch):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("ZZ.txt", MINI.read_text(encoding="utf-8"))
        zf.writestr("readme.txt", "not a dump")
    seen = []

    class Resp(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

    def fake_urlopen(url, timeout=None):
        seen.append(url)
        return Resp(buf.getvalue())

    monkeypatch.setattr("urllib.request.urlopen", fake_urlopen)
    assert G.add_dump("zz") > 0
    assert seen == ["https://download.geonames.org/export/dump/ZZ.zip"]
    assert (tmp_home / "gazetteer" / "dumps" / "ZZ.pkl").exists()


def test_cli_add_lookup_list(tmp_home, monkeypatch):
    from eventcoder.geo.cli import app
    monkeypatch.setattr("eventcoder.geo.build.build_default", lambda home=None: mini_gazetteer(skip={2476086}))
    r = CliRunner()
    bad = r.invoke(app, ["add", "/no/such/file.txt"])
    assert bad.exit_code == 1 and "no such file" in bad.output and "Traceback" not in bad.output
    ok = r.invoke(app, ["add", str(MINI)])
    assert ok.exit_code == 0, ok.output
    out = r.invoke(app, ["lookup", "Tinzaouaten"], terminal_width=200)
    assert out.exit_code == 0 and "2476086" in out.output
    assert r.invoke(app, ["lookup", "Gao", "--country", "FR"]).exit_code == 1
    listed = r.invoke(app, ["list"], terminal_width=200)
    assert "mini_geonames" in listed.output


def test_user_alias_file_extends_the_packaged_knowledge(tmp_home, mini):
    from eventcoder.geo.build import apply_aliases
    folder = tmp_home / "gazetteer"
    folder.mkdir(parents=True)
    (folder / "aliases.tsv").write_text("# mine\nTZW\t2476086\tlocal abbreviation\nGhost Town\t999\t\n",
                                        encoding="utf-8")
    assert mini.lookup("TZW") == []
    apply_aliases(mini, folder)                    # unknown targets are skipped with a warning, not fatal
    assert mini.lookup("TZW")[0].geonameid == 2476086


def test_division_short_names_and_points():
    from eventcoder.geo.build import _spread_centre
    from eventcoder.geo.gazetteer import division_core
    assert division_core("Province du Loroum") == "Loroum"
    assert division_core("Kidal Region") == "Kidal"
    assert division_core("Henry County") is None          # "Henry" alone would be a given name
    # places clustered on one coast: the range midpoint, not the mean
    pts = [(0.0, 0.0, 1), (0.1, 0.1, 1), (0.2, 0.0, 1), (10.0, 10.0, 1)]
    assert _spread_centre(pts) == (5.0, 5.0)
    # across the antimeridian
    lat, lon = _spread_centre([(0.0, 179.0, 1), (0.0, -179.0, 1)])
    assert abs(abs(lon) - 180.0) < 1e-9
