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
