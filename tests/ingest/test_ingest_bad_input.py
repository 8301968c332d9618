"""Bad input gives one clear IngestError per document (or row) and the batch goes on."""
from __future__ import annotations

import json
import os
import tracemalloc

from eventcoder.records import Article, IngestError

from ingest_helpers import EN, EN2, FR, articles, errors, ingest


def test_empty_and_whitespace_files(write):
    res = ingest(write("empty.txt", b""), write("blank.md", "---\ntitle: x\n---\n \n\t\n"), write("ok.txt", EN))
    assert [type(r) for r in res] == [IngestError, IngestError, Article]
    assert [e.reason for e in errors(res)] == ["empty", "empty"]
    assert "0 bytes" in res[0].message


def test_binary_files_named_by_kind(write):
    pdf = write("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    png = write("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    noise = write("noise.txt", bytes(range(256)) * 4)
    e1, e2, e3 = ingest(pdf, png, noise)
    assert (e1.reason, e2.reason, e3.reason) == ("binary", "binary", "binary")
    assert "PDF" in e1.message and "PNG" in e2.message


def test_50mb_file_is_too_large_without_being_read(write, tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:                       # sparse: instant, takes no disk
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"x")
    ok = write("ok.txt", EN)
    tracemalloc.start()
    res = ingest(big, ok)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert res[0].reason == "too_large" and "10,000,000" in res[0].message and res[0].origin == str(big)
    assert isinstance(res[1], Article)
    assert peak < 5_000_000                          # nowhere near the 50 MB file
    # the limit is configurable
    assert ingest(ok, max_bytes=50)[0].reason == "too_large"
    assert isinstance(ingest(big, max_bytes=60_000_000)[0], IngestError)   # readable size, but NUL bytes
    assert ingest(big, max_bytes=60_000_000)[0].reason == "binary"


def test_oversized_jsonl_line_is_one_error_and_the_rest_go_on(write, tmp_path):
    p = tmp_path / "rows.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": EN}) + "\n")
        fh.write(json.dumps({"text": "x " * 5000}) + "\n")
        fh.write(json.dumps({"text": EN2}) + "\n")
    res = ingest(p, max_bytes=2000)
    assert [type(r).__name__ for r in res] == ["Article", "IngestError", "Article"]
    assert res[1].reason == "too_large" and res[1].line == 2


def test_invalid_utf8_cp1252_is_guessed_and_recorded(write):
    text = EN.replace("soldiers", "soldiers\x92 caf\xe9 \x93guards\x94").encode("latin-1")
    [a] = ingest(write("legacy.txt", text))
    assert "café “guards”" in a.text and "soldiers’" in a.text
    meta = dict(a.meta)
    assert meta["encoding"] == "cp1252" and meta["encoding_guessed"] == "true"
    [b] = ingest(write("utf8.txt", EN.encode("utf-8")))
    assert "encoding" not in dict(b.meta)


def test_utf8_with_bom_and_utf16_are_read(write):
    a, b = ingest(write("bom.txt", b"\xef\xbb\xbf" + EN.encode()), write("u16.txt", EN2.encode("utf-16")))
    assert a.text == EN and b.text == EN2 and "encoding_guessed" not in dict(b.meta)


def test_garbage_bytes_are_an_encoding_error(write):
    garbage = bytes([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC3, 0x28, 0xA0, 0xA1] * 30)
    [e] = ingest(write("garbage.txt", garbage))
    assert e.reason == "encoding" and "UTF-8" in e.message


def test_malformed_jsonl_rows_have_line_numbers(write):
    lines = [json.dumps({"text": EN}), "{not json", "[1, 2]", json.dumps({"title": "no text"}), "",
             json.dumps({"text": 12}), json.dumps({"text": EN2})]
    res = ingest(write("rows.jsonl", "\n".join(lines) + "\n"))
    assert [a.text for a in articles(res)] == [EN, EN2]
    errs = {(e.reason, e.line) for e in errors(res)}
    assert errs == {("malformed", 2), ("malformed", 3), ("malformed", 4), ("malformed", 6)}
    assert all(e.origin.endswith("rows.jsonl") for e in errors(res))


def test_malformed_csv_rows_have_line_numbers(write):
    csv_text = (f'title,text\nA,"{EN}"\nB,too,many\nC\nD,\nE,"{EN2}"\n')
    res = ingest(write("rows.csv", csv_text))
    assert [a.title for a in articles(res)] == ["A", "E"]
    assert [(e.reason, e.line) for e in errors(res)] == [("malformed", 3), ("malformed", 4), ("empty", 5)]


def test_broken_csv_quoting_is_a_row_error_not_swallowed_rows(write):
    csv_text = f'title,text\nA,"{EN}"\nB,"bad"quote\nC,"{EN2}"\nD,"never closed\n'
    res = ingest(write("quotes.csv", csv_text))
    assert [a.title for a in articles(res)] == ["A", "C"]
    assert [(e.reason, e.line) for e in errors(res)] == [("malformed", 3), ("malformed", 5)]


def test_csv_without_text_column_is_one_clear_error(write):
    [e] = ingest(write("x.csv", "a,b\n1,2\n"))
    assert e.reason == "malformed" and "no text column" in e.message and "notes" in e.message


def test_non_english_article_is_a_language_error(write):
    res = ingest(write("fr.txt", FR), write("en.txt", EN))
    e, a = res
    assert e.reason == "language" and "(fr;" in e.message and isinstance(a, Article)
    [ok] = ingest(write("fr2.txt", FR), languages=("en", "fr"))
    assert ok.language == "fr"


def test_declared_language_wins_and_is_normalised(write):
    [e] = ingest(write("d.md", "---\nlanguage: es-ES\n---\n" + EN))
    assert e.reason == "language" and "(es;" in e.message and "declared" in e.message
    [a] = ingest(write("d2.md", "---\nlanguage: English\n---\n" + EN))
    assert a.language == "en"


def test_missing_path_and_directory_errors_do_not_stop_the_batch(write, tmp_path):
    ok = write("ok.txt", EN)
    res = ingest(tmp_path / "nope.txt", ok)
    assert res[0].reason == "not_found" and "nope.txt" in res[0].message and isinstance(res[1], Article)


def test_unreadable_file(write):
    p = write("locked.txt", EN)
    os.chmod(p, 0)
    try:
        if os.access(p, os.R_OK):                     # running as root: permissions are not enforced
            return
        [e] = ingest(p)
        assert e.reason == "unreadable" and "permission" in e.message
    finally:
        os.chmod(p, 0o644)


def test_broken_feed_is_malformed(write):
    [e] = ingest(write("broken.xml", "<?xml version='1.0'?><rss><channel><item><title>x</title"))
    assert e.reason in ("malformed", "empty")
    [e2] = ingest(write("notfeed.xml", "<?xml version='1.0'?><catalog><book>x</book></catalog>"))
    assert e2.reason == "malformed" and "feed" in e2.message
