"""bench/accuracy.py's README block: only the text between the markers changes; targets are marked."""
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "accuracy.py"


@pytest.fixture(scope="module")
def bench():
    if not BENCH.exists():
        pytest.skip("bench/accuracy.py not in this checkout")
    spec = importlib.util.spec_from_file_location("bench_accuracy", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_table_marks_targets(bench):
    block = bench.table({"plover": {"event_type.macro_f1": 0.81, "event_type.macro_f1.n": 161,
                                    "actor.accuracy": 0.5, "actor.accuracy.n": 160},
                         "petrarch": {"no_event.false_positive_rate": 0.05},
                         "acled": {"error": "not found"}})
    assert "| plover | event_type.macro_f1 | 0.810 | 161 | >= 0.8 ✅ |" in block
    assert "| plover | actor.accuracy | 0.500 | 160 | >= 0.85 ❌ |" in block
    assert "| petrarch | no_event.false_positive_rate | 0.050 |  | <= 0.1 ✅ |" in block
    assert "| acled | (not run) | not found | | |" in block


def test_update_readme_replaces_only_the_block(bench, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\nintro\n{bench.START}\nold table\n{bench.END}\n\n## After\ntext\n")
    assert bench.update_readme(readme, "| new |")
    assert readme.read_text() == f"# Title\n\nintro\n{bench.START}\n| new |\n{bench.END}\n\n## After\ntext\n"
    plain = tmp_path / "PLAIN.md"
    plain.write_text("# no markers\n")
    assert not bench.update_readme(plain, "| new |") and plain.read_text() == "# no markers\n"
    assert not bench.update_readme(tmp_path / "missing.md", "x")
