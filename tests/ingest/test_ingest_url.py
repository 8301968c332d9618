"""http(s) URLs, fetched from a local http.server on 127.0.0.1 in a thread (no outside network)."""
from __future__ import annotations

import datetime as dt
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from eventcoder.ingest import iter_articles
from eventcoder.ingest.fetch import USER_AGENT
from eventcoder.records import Article

from ingest_helpers import EN, EN2

PAGE = (f"<html><head><title>Page</title><meta property='og:site_name' content='Local Desk'>"
        f"<meta name='date' content='2024-08-05'></head><body><nav>Menu Sport Weather</nav><article>"
        f"<h1>Soldiers repel attack</h1><p>{EN}</p><p>{EN2}</p></article></body></html>").encode()
FEED = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Local Feed</title><item><title>Item</title>"
        f"<link>http://example.invalid/1</link><pubDate>Tue, 06 Aug 2024 20:00:00 GMT</pubDate>"
        f"<description>{EN}</description></item></channel></rss>").encode()
SEEN_AGENTS: list[str] = []
SUMMARY_FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Summaries</title>"
                "<item><title>Full story</title><link>{base}/article.html</link>"
                "<pubDate>Mon, 05 Aug 2024 08:00:00 GMT</pubDate><description>Soldiers repel an attack.</description></item>"
                "<item><title>Dead link</title><link>{base}/missing</link>"
                "<description>Police fire tear gas at protesters.</description></item>"
                "<item><title>Link only</title><link>{base}/plain</link></item></channel></rss>")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200, length: int | None = None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/article.html":
            self._send(PAGE, "text/html; charset=utf-8")
        elif self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/feed":
            self._send(FEED, "application/rss+xml")
        elif self.path == "/summaries":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            self._send(SUMMARY_FEED.format(base=base).encode(), "application/rss+xml")
        elif self.path == "/plain":
            self._send(EN2.encode(), "text/plain")
        elif self.path == "/latin1":
            self._send(f"<html><body><p>{EN} Caf\xe9.</p></body></html>".encode("cp1252"),
                       "text/html; charset=windows-1252")
        elif self.path == "/declared-big":
            self._send(b"", "text/html", length=50_000_000)
        elif self.path == "/undeclared-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"word " * 2000)
            self.close_connection = True
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(EN.encode(), "text/plain")
        elif self.path == "/pdf":
            self._send(b"%PDF-1.4 binary", "application/pdf")
        else:
            self._send(b"not here", "text/plain", status=404)


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass            # the client hung up on purpose (timeout and size tests): nothing to report


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def test_html_url_is_fetched_and_extracted(server):
    [a] = list(iter_articles([f"{server}/article.html"]))
    assert isinstance(a, Article)
    assert a.title == "Soldiers repel attack" and a.source == "Local Desk" and a.published == dt.date(2024, 8, 5)
    assert EN in a.text and "Sport" not in a.text
    assert a.origin == f"{server}/article.html" and a.url.startswith(server)
    assert SEEN_AGENTS[-1] == USER_AGENT


def test_redirect_records_final_url(server):
    [a] = list(iter_articles([f"{server}/redirect"], dedupe=False))
    assert a.url == f"{server}/article.html" and a.origin == f"{server}/redirect"


def test_feed_url_and_plain_text_url(server):
    feed, plain = list(iter_articles([f"{server}/feed", f"{server}/plain"], source="CLI"))
    assert feed.text == EN and feed.source == "Local Feed" and feed.url == "http://example.invalid/1"
    assert plain.text == EN2 and plain.source == "CLI"          # the document has no source: default
    [host] = list(iter_articles([f"{server}/plain"]))
    assert host.source == "127.0.0.1"                            # no default either: the host name


def test_charset_from_header(server):
    [a] = list(iter_articles([f"{server}/latin1"]))
    assert "Café." in a.text


def test_http_errors_timeouts_and_sizes_are_ingest_errors(server):
    res = list(iter_articles([f"{server}/missing", f"{server}/declared-big", f"{server}/pdf",
                              f"{server}/plain"], max_bytes=1_000_000))
    assert [getattr(r, "reason", "ok") for r in res] == ["fetch", "too_large", "binary", "ok"]
    assert "404" in res[0].message
    [big] = list(iter_articles([f"{server}/undeclared-big"], max_bytes=5000))
    assert big.reason == "too_large"
    t0 = time.monotonic()
    [slow] = list(iter_articles([f"{server}/slow"], timeout=0.3))
    assert slow.reason == "fetch" and "timed out" in slow.message and time.monotonic() - t0 < 1.4


def test_unreachable_host_is_a_clear_error():
    [e] = list(iter_articles(["http://127.0.0.1:9/nothing"], timeout=2))
    assert e.reason == "fetch" and "127.0.0.1:9" in e.message


def test_feed_url_items_with_only_a_summary_follow_their_link(server):
    full, dead, link_only = list(iter_articles([f"{server}/summaries"], languages=("*",)))
    assert EN in full.text and EN2 in full.text                 # the page's main text, not the summary
    assert full.title == "Full story" and full.published == dt.date(2024, 8, 5)
    assert full.source == "Summaries" and dict(full.meta)["summary"] == "Soldiers repel an attack."
    assert dead.text == "Police fire tear gas at protesters." and "404" in dict(dead.meta)["link_error"]
    assert link_only.title == "Link only" and link_only.text == EN2
    kept, _, no_text = list(iter_articles([f"{server}/summaries"], follow_links=False, languages=("*",)))
    assert kept.text == "Soldiers repel an attack."
    assert no_text.reason == "empty" and "item 3 ('Link only')" in no_text.message
