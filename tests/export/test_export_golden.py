"""Golden files: golden/events.input.json + articles.input.json -> golden/expected.<format> for each text format.

Refresh after a deliberate change with EVENTCODER_UPDATE_GOLDEN=1 and review the diff."""
import io
import os

import pytest

from eventcoder.export import export

from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"

TEXT_FORMATS = {"acled": "csv", "plover": "json", "cameo": "tsv", "geojson": "geojson"}


@pytest.mark.parametrize("fmt", sorted(TEXT_FORMATS))
def test_golden(fmt, events, articles):
    buf = io.StringIO()
    export(events, fmt, buf, articles=articles)
    path = GOLDEN / f"expected.{TEXT_FORMATS[fmt]}"
    if os.environ.get("EVENTCODER_UPDATE_GOLDEN"):
        path.write_text(buf.getvalue(), encoding="utf-8")
    assert buf.getvalue() == path.read_text(encoding="utf-8")
