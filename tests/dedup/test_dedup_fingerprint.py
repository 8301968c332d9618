"""Article fingerprints: syndicated copies are near-duplicates, different stories are not."""
from eventcoder.dedup import fingerprint as fp
from eventcoder.dedup.config import settings

STORY = ("Mali's junta said on Sunday it was cutting diplomatic ties with Ukraine with immediate effect after a "
         "Ukrainian military intelligence spokesman suggested Kyiv had helped Tuareg rebels who inflicted heavy "
         "losses on Malian troops and Russian Wagner mercenaries near the Algerian border last month. Government "
         "spokesman Colonel Abdoulaye Maiga said Mali was shocked by the remarks and would take legal action.")
COPY = "BAMAKO (Wire) - " + STORY.replace("last month", "in late July") + " Reporting by staff; editing by desk."
OTHER = ("Burkina Faso's army said jihadists attacked a base in Djibo on Sunday, killing dozens of soldiers and "
         "volunteers, in one of the deadliest raids this year in the north of the country, officials said.")


def test_copy_is_similar_other_story_is_not():
    a, b, c = fp.minhash(STORY), fp.minhash(COPY), fp.minhash(OTHER)
    assert fp.similarity(a, b) >= settings()["fingerprint"]["threshold"]
    assert fp.similarity(a, c) < 0.2
    assert set(fp.bands(a)) & set(fp.bands(b))          # LSH finds the copy as a candidate
    assert fp.similarity(a, fp.minhash(STORY)) == 1.0


def test_signature_is_deterministic_and_case_insensitive():
    assert fp.minhash(STORY) == fp.minhash(STORY.upper())
    assert fp.fingerprint(STORY) == fp.fingerprint(STORY)
    assert fp.fingerprint(STORY) != fp.fingerprint(OTHER)


def test_empty_text_has_no_similarity_to_anything():
    assert fp.similarity(fp.minhash(""), fp.minhash(STORY)) == 0.0
