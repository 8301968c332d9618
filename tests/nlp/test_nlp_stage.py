from eventcoder.nlp import annotate, load_nlp
from eventcoder.records import Article


def test_entity_ruler_fixes_countries_tagged_as_person():
    # spaCy's small model alone tags "Mali" and "Kyiv" as PERSON; the KB-fed ruler runs before its NER
    doc = load_nlp()("Mali has announced it is cutting diplomatic relations with Ukraine after Kyiv spoke.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Mali") != "PERSON" and labels.get("Kyiv") != "PERSON"
    assert "entity_ruler" in load_nlp().pipe_names


def test_sentences_keep_article_offsets_and_skip_blank_lines():
    text = "Gunmen attacked a village on Monday.\n\nThe army said it killed ten of them."
    art = Article.from_text(text)
    (doc,) = list(annotate([art]))
    assert [s.text.strip() for s in doc.sentences] == ["Gunmen attacked a village on Monday.",
                                                        "The army said it killed ten of them."]
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text and s.article_id == art.id
