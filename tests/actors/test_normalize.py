from eventcoder.actors.normalize import fold, norm_key, tokenize


def test_diacritics_and_case_fold():
    assert fold("Maïga") == "maiga"
    assert norm_key("Abdoulaye Maïga") == norm_key("ABDOULAYE MAIGA")
    assert norm_key("Türkiye") == norm_key("Turkiye")


def test_transliteration_variants_share_a_key():
    assert norm_key("Jamaat Nusrat al-Islam wal-Muslimin") == norm_key("Jama'at Nusrat al Islam wal Muslimin")
    assert norm_key("al-Qaeda") == norm_key("al-Qaida") == norm_key("al Qa'ida")
    assert norm_key("Al-Shabaab") == norm_key("al-Shabab")
    assert norm_key("Ansaroul Islam") == norm_key("Ansarul Islam")


def test_distinct_names_stay_distinct():
    assert norm_key("Mali") != norm_key("Male")
    assert norm_key("Niger") != norm_key("Nigeria")
    assert norm_key("Nusrat") != norm_key("Nasr")


def test_tokens_keep_offsets_and_drop_possessive():
    text = "Ukraine’s comments, said Col. Maiga."
    toks = tokenize(text)
    assert [t.text for t in toks][:2] == ["Ukraine", "comments"]
    for t in toks:
        assert text[t.start:t.end] == t.text
    assert toks[-1].text == "Maiga"          # sentence period not part of the token


def test_acronym_with_periods():
    toks = tokenize("U.S. troops")
    assert toks[0].text == "U.S." and toks[0].caps
    assert norm_key("U.S.") == norm_key("US")
