"""Each input format becomes Articles with the right text and metadata."""
from __future__ import annotations

import datetime as dt
import json

from eventcoder import stages
from eventcoder.ingest import count_inputs, iter_articles, read_text
from eventcoder.records import Article, article_id_for

from ingest_helpers import EN, EN2, FR, articles, errors, ingest


def test_plain_text_normalises_bom_and_newlines_and_keeps_offsets(write):
    p = write("a.txt", "\ufeff  " + EN.replace(", and", ",\r\nand") + "\r\n\r\n" + EN2 + "\n\n")
    [a] = ingest(p)
    assert isinstance(a, Article)
    assert "\r" not in a.text and not a.text.startswith("\ufeff") and a.text == a.text.strip()
    assert a.text.startswith("The army said") and "\n\nPolice" in a.text
    i = a.text.index("tear gas")
    assert a.text[i:i + 8] == "tear gas"          # offsets refer to Article.text itself
    assert a.id == article_id_for(a.text)
    assert a.language == "en" and a.origin == str(p) and dict(a.meta)["format"] == "text"


def test_markdown_front_matter_and_markup(write):
    p = write("m.md", "---\ntitle: Clash at the border\npublished: 2024-07-27\nsource: Desk\n"
                      "url: https://example.org/x\ntags: [sahel, mali]\n---\n# Heading\n\n"
                      "The **army** said on [Monday](https://x.org) that its soldiers had repelled an attack on a "
                      "base near the border, and that *several* of the attackers were killed.\n")
    [a] = ingest(p)
    assert a.title == "Clash at the border" and a.source == "Desk" and a.url == "https://example.org/x"
    assert a.published == dt.date(2024, 7, 27)
    assert a.text.startswith("Heading\n\nThe army said on Monday that")
    assert "**" not in a.text and "](" not in a.text and "*several*" not in a.text
    assert dict(a.meta)["tags"] == "sahel, mali"


def test_markdown_bad_front_matter_is_malformed(write):
    p = write("bad.md", "---\ntitle: [unclosed\n---\n" + EN)
    [e] = ingest(p)
    assert e.reason == "malformed" and "front matter" in e.message


def test_html_main_text_title_date_and_site(write):
    html = ("<html><head><title>Clash - Desk</title><meta property='og:site_name' content='Sahel Desk'>"
            "<meta name='date' content='2024-08-05'><script>var x=1;</script></head><body>"
            "<nav>Home | World | Sport</nav><article><h1>Soldiers repel attack</h1>"
            f"<p>{EN}</p><p>{EN2}</p></article><footer>Copyright 2024</footer></body></html>")
    [a] = ingest(write("page.html", html))
    assert a.title == "Soldiers repel attack" and a.source == "Sahel Desk"
    assert a.published == dt.date(2024, 8, 5)
    assert EN in a.text and EN2 in a.text
    assert "var x" not in a.text and "Copyright" not in a.text and "Sport" not in a.text


def test_jsonl_rows_with_defaults(write):
    rows = [{"text": EN, "title": "t1", "published": "2024-08-04", "source": "S1"},
            {"body": EN2, "headline": "t2", "link": "https://e.org/2"}]
    p = write("a.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    a1, a2 = ingest(p, published=dt.date(2024, 1, 1), source="CLI")
    assert (a1.title, a1.published, a1.source) == ("t1", dt.date(2024, 8, 4), "S1")
    # the second row has no date or source: the defaults apply; aliases map body/headline/link
    assert (a2.title, a2.url, a2.published, a2.source) == ("t2", "https://e.org/2", dt.date(2024, 1, 1), "CLI")
    assert dict(a2.meta)["line"] == "2"


def test_jsonl_text_stored_as_html_is_converted(write):
    p = write("html.jsonl", json.dumps({"text": f"<p>{EN}</p><p>{EN2} &amp; more.</p>"}) + "\n")
    [a] = ingest(p)
    assert a.text == f"{EN}\n\n{EN2} & more." and dict(a.meta)["html_stripped"] == "true"
    [b] = ingest(write("plain.jsonl", json.dumps({"text": EN + " 3 < 4 and x<y."}) + "\n"))
    assert b.text.endswith("3 < 4 and x<y.") and "html_stripped" not in dict(b.meta)


def test_json_array(write):
    p = write("a.json", json.dumps([{"text": EN, "title": "a"}, {"text": EN2, "title": "b"}]))
    res = ingest(p)
    assert [a.title for a in res] == ["a", "b"]


def test_csv_generic_acled_and_ucdp_columns(write):
    generic = write("g.csv", f'text,title,published,source\n"{EN}",Title,2024-08-01,Wire\n')
    acled = write("acled.csv", "event_id_cnty,event_date,source,notes,fatalities\n"
                               f'MLI1,2024-07-27,Local media,"On 27 July 2024, {EN}",3\n')
    ucdp = write("ged.csv", "id,source_office,source_headline,date_start,best_est\n"
                            f'42,Sudan Tribune,"{EN2}",2019-01-03 00:00:00.000,5\n')
    g, a, u = ingest(generic, acled, ucdp)
    assert (g.title, g.published, g.source) == ("Title", dt.date(2024, 8, 1), "Wire")
    assert a.text.startswith("On 27 July 2024") and a.published == dt.date(2024, 7, 27)
    assert dict(a.meta)["record_id"] == "MLI1" and a.source == "Local media"
    assert u.text == EN2 and u.published == dt.date(2019, 1, 3) and u.source == "Sudan Tribune"


def test_csv_multiline_quoted_field_and_tsv(write):
    p = write("m.csv", f'title,text\nA,"{EN}\nsecond line"\nB,"{EN2}"\n')
    a, b = ingest(p)
    assert a.text.endswith("\nsecond line") and b.title == "B" and dict(b.meta)["line"] == "4"
    t = write("t.tsv", f"title\ttext\nT\t{EN}\n")
    [c] = ingest(t)
    assert c.title == "T" and c.text == EN


def test_feed_from_local_file(write):
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk Feed</title><language>en-gb</language>
    <item><title>One</title><link>https://e.org/1</link><pubDate>Tue, 06 Aug 2024 20:00:00 GMT</pubDate>
    <description><![CDATA[<p>{EN}</p><p>{EN2}</p>]]></description></item>
    <item><title>Empty</title><link>https://e.org/2</link><description></description></item>
    </channel></rss>"""
    res = ingest(write("f.rss", rss))
    [a] = articles(res)
    assert a.title == "One" and a.url == "https://e.org/1" and a.published == dt.date(2024, 8, 6)
    assert a.source == "Desk Feed" and a.language == "en"
    assert a.text == f"{EN}\n\n{EN2}"                 # HTML stripped, paragraphs kept
    [e] = errors(res)
    assert e.reason == "empty" and "item 2" in e.message


def test_atom_feed(write):
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
    <title>Atom Desk</title><entry><title>A</title><link href="https://e.org/a"/><id>urn:a</id>
    <updated>2024-07-06T19:00:00Z</updated><content type="html">&lt;p&gt;{EN}&lt;/p&gt;</content></entry></feed>"""
    [a] = ingest(write("f.atom", atom))
    assert a.text == EN and a.published == dt.date(2024, 7, 6) and a.url == "https://e.org/a"


def test_unknown_extension_is_sniffed(write):
    md = write("note.article", "---\ntitle: Sniffed\n---\n" + EN)
    html = write("page.unknown", f"<!DOCTYPE html><html><body><article><p>{EN}</p><p>{EN2}</p></article></body></html>")
    plain = write("README", EN2)
    r_md, r_html, r_plain = ingest(md, html, plain)
    assert r_md.title == "Sniffed" and dict(r_md.meta)["format"] == "markdown"
    assert dict(r_html.meta)["format"] == "html" and EN in r_html.text
    assert dict(r_plain.meta)["format"] == "text"


def test_directory_walk_sorted_recursive_hidden_skipped(write, tmp_path):
    write("b.txt", EN)
    write("a/z.txt", EN2)
    write("a/b/c.txt", EN + " Third.")
    write(".hidden.txt", EN + " Hidden.")
    write(".git/x.txt", EN + " Git.")
    res = ingest(tmp_path)
    rel = [str(__import__("pathlib").Path(a.origin).relative_to(tmp_path)) for a in res]
    assert rel == ["a/b/c.txt", "a/z.txt", "b.txt"]
    assert count_inputs([tmp_path]) == 3
    assert count_inputs([tmp_path, "https://example.org/x", tmp_path / "missing"]) == 5


def test_same_content_twice_gives_one_article_and_stable_id(write):
    p1 = write("one.txt", EN)
    p2 = write("two.txt", "\ufeff" + EN.replace(" ", "  ") + "\r\n")
    res = ingest(p1, p2)
    assert len(res) == 1                               # same content id: not yielded twice
    assert len(ingest(p1, p2, dedupe=False)) == 2
    assert ingest(p1)[0].id == ingest(p2)[0].id        # re-runs produce the same ids


def test_gzip_files_are_read_as_the_inner_format(write):
    import gzip
    rows = "\n".join(json.dumps({"text": t, "title": str(i)}) for i, t in enumerate([EN, EN2])) + "\n"
    res = ingest(write("rows.jsonl.gz", gzip.compress(rows.encode())),
                 write("one.md.gz", gzip.compress(("---\ntitle: Zipped\n---\n" + FR).encode())),
                 write("broken.txt.gz", b"\x1f\x8b\x08\x00garbage"),
                 write("bomb.txt.gz", gzip.compress(b"a " * 50_000)), max_bytes=20_000)
    assert [a.title for a in articles(res)] == ["0", "1"]
    assert dict(res[0].meta)["format"] == "jsonl"
    assert [(e.reason, e.origin.rsplit("/", 1)[-1]) for e in errors(res)] == [
        ("language", "one.md.gz"), ("malformed", "broken.txt.gz"), ("too_large", "bomb.txt.gz")]


def test_dash_reads_standard_input(monkeypatch):
    import io
    import sys
    fake = io.TextIOWrapper(io.BytesIO(("---\ntitle: Piped\n---\n" + EN).encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    [a] = list(iter_articles(["-"]))
    assert a.title == "Piped" and a.text == EN and a.origin == "<stdin>"
    assert count_inputs(["-"]) == 1


def test_read_text_api():
    a = read_text(EN, title="T", published="2024-08-04", source="S", extra="x")
    assert a.id == article_id_for(EN) and a.published == dt.date(2024, 8, 4) and a.language == "en"
    assert dict(a.meta) == {"extra": "x"}
    assert read_text(FR).language == "fr"
    import pytest
    with pytest.raises(ValueError, match="empty"):
        read_text("  \n ")


def test_registered_stage_streams_articles(write):
    p = write("s.txt", EN)
    stage = stages.create("ingest", "files", source="CLI")
    [a] = list(stage([p]))
    assert a.source == "CLI" and "Article" in stage.fills


def test_string_path_is_not_iterated_as_characters(write):
    p = write("s.txt", EN)
    assert len(list(iter_articles(str(p)))) == 1
