import datetime as dt

import pytest

from eventcoder.records import Article


@pytest.fixture(scope="session")
def pipeline():
    from eventcoder.pipeline import Pipeline
    return Pipeline()


@pytest.fixture(scope="session")
def mentions_of(pipeline):
    def run(text: str, published: dt.date = dt.date(2024, 8, 5)):
        art = Article.from_text(text, published=published)
        return pipeline.mentions(pipeline.document(art))
    return run


@pytest.fixture(scope="session")
def acled_of(pipeline):
    """(ACLED event type, sub-event type) of a text's ACLED-scope event with the highest confidence, as the ACLED
    benchmark scores it; (None, None) when there is none."""
    def run(text: str) -> tuple[str | None, str | None]:
        events = pipeline.code(Article.from_text(text, published=dt.date(2024, 3, 9)))
        scoped = [e for e in events if e.coding.acled_event_type]
        if not scoped:
            return None, None
        top = max(scoped, key=lambda e: e.confidence)
        return top.coding.acled_event_type, top.coding.acled_sub_event_type
    return run
