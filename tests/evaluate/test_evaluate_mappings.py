"""Gold labels of published data sets read into eventcoder's vocabulary (data/evaluate/mappings.yaml)."""


def test_old_cameo_civilian_sector_reads_as_plover_cvl():
    from eventcoder.evaluate.common import sector3
    assert sector3("CIV") == "CVL" and sector3("CVLalb") == "CVL" and sector3("GOV") == "GOV" and sector3("***") is None
