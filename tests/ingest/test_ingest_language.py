"""The stopword/script language detector on sentences written for these tests."""
from __future__ import annotations

import pytest

from eventcoder.ingest import detect_language
from eventcoder.ingest.language import load_profiles

SENTENCES = {
    "en": ["Rebels said they had taken control of the town after two days of heavy fighting with the army.",
           "The minister told reporters that the talks would resume next week in the capital."],
    "fr": ["Les rebelles affirment avoir pris le contrôle de la ville après deux jours de violents combats avec l'armée.",
           "Le ministre a déclaré aux journalistes que les discussions reprendraient la semaine prochaine."],
    "es": ["Los rebeldes dijeron que habían tomado el control de la ciudad tras dos días de intensos combates con el ejército.",
           "El ministro dijo a los periodistas que las conversaciones se reanudarán la próxima semana en la capital."],
    "pt": ["Os rebeldes disseram que tomaram o controle da cidade depois de dois dias de combates intensos com o exército.",
           "O ministro disse aos jornalistas que as negociações serão retomadas na próxima semana na capital."],
    "de": ["Die Rebellen sagten, sie hätten nach zwei Tagen heftiger Kämpfe mit der Armee die Kontrolle über die Stadt übernommen.",
           "Der Minister sagte den Journalisten, dass die Gespräche in der nächsten Woche in der Hauptstadt fortgesetzt werden."],
    "it": ["I ribelli hanno detto di aver preso il controllo della città dopo due giorni di duri combattimenti con l'esercito.",
           "Il ministro ha detto ai giornalisti che i colloqui riprenderanno la prossima settimana nella capitale."],
    "ar": ["قال المتمردون إنهم سيطروا على المدينة بعد يومين من القتال العنيف مع الجيش.",
           "وقال الوزير للصحفيين إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."],
    "ru": ["Повстанцы заявили, что взяли город под контроль после двух дней тяжёлых боёв с армией.",
           "Министр сказал журналистам, что переговоры возобновятся на следующей неделе в столице."],
}


@pytest.mark.parametrize("lang,text", [(lang, t) for lang, ts in SENTENCES.items() for t in ts])
def test_detects_language_of_a_sentence(lang, text):
    code, confidence = detect_language(text)
    assert code == lang
    assert confidence >= 0.3, "confident enough to reject non-English articles"


def test_english_headlines_with_foreign_looking_words_are_not_confidently_foreign():
    # "AU" is a French word, "man" a German one: a handful of hits must not be trusted
    for headline in ["4 civilians dead as army retakes Darfur town: AU-UN",
                     "An armed man killed three people outside a radio station."]:
        code, confidence = detect_language(headline)
        assert code == "en" or confidence < 0.3


def test_ties_go_to_the_script_default():
    # "на" is both Russian and Ukrainian: a tie goes to the Cyrillic default (ru), not to the alphabet
    assert detect_language("Взрыв на рынке в центре города на юге")[0] == "ru"


def test_too_little_text_is_unknown():
    assert detect_language("") == (None, 0.0)
    assert detect_language("Mali Ukraine") == (None, 0.0)
    assert detect_language("1234 5678 !!") == (None, 0.0)


def test_confidence_grows_with_evidence():
    short = detect_language("The army said it was there.")
    long = detect_language(SENTENCES["en"][0] + " " + SENTENCES["en"][1])
    assert short[0] == long[0] == "en" and long[1] > short[1]


def test_mixed_text_follows_the_majority():
    text = " ".join(SENTENCES["fr"]) + " Quote: the army."
    assert detect_language(text)[0] == "fr"


def test_user_stopword_file_teaches_a_new_language(tmp_path, monkeypatch):
    sw = tmp_path / "ingest" / "language" / "stopwords"
    sw.mkdir(parents=True)
    (sw / "sw.txt").write_text("# Swahili (test list)\nna wa ya kwa za la katika ni kuwa huo hiyo\n", encoding="utf-8")
    text = "Wanajeshi wa serikali walisema kuwa mapigano ya leo katika mji huo ni makali na kwa siku mbili."
    load_profiles.cache_clear()
    try:
        monkeypatch.setenv("EVENTCODER_HOME", str(tmp_path))
        load_profiles.cache_clear()
        assert detect_language(text)[0] == "sw"
    finally:
        monkeypatch.delenv("EVENTCODER_HOME")
        load_profiles.cache_clear()
    assert detect_language(text)[0] != "sw"
