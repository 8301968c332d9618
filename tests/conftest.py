"""Session-wide test settings: user data (gazetteer index, user KB files) goes to a temporary EVENTCODER_HOME,
never to the real home directory; tests that need the team's ../shared data skip with a message without it."""
import os

import pytest

from eventcoder.paths import shared_dir


def pytest_configure(config):
    # Rich sizes tables and wraps messages to the terminal; CI's width is not ours, so fix a wide one before the
    # CLI modules create their consoles (assertions on messages must not depend on where a line breaks).
    os.environ["COLUMNS"] = "200"
    if "EVENTCODER_HOME" not in os.environ or os.environ.get("CI"):
        import tempfile
        os.environ["EVENTCODER_HOME"] = tempfile.mkdtemp(prefix="eventcoder-test-home-")


@pytest.fixture(scope="session")
def shared():
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (team data: seed, GeoNames dumps, eval sets) is not present; skipping")
    return path


@pytest.fixture(scope="session")
def pipeline():
    """The pipeline without geocoding (its output does not depend on the gazetteer); one per test session.
    tests/extract overrides it with the full pipeline."""
    from eventcoder.pipeline import Pipeline
    return Pipeline(geocode=False)
