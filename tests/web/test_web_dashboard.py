"""The dashboard page and its assets: served, self-contained (no third-party or network resources), and calling
only API endpoints that exist."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

STATIC = Path(__file__).parents[2] / "src" / "eventcoder" / "web" / "static"
ASSETS = {"app.js": "javascript", "style.css": "text/css"}


def test_the_page_is_served_at_the_root(client):
    resp = client.get("/")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    html = resp.text
    for part in ('id="map"', 'id="timeline"', 'id="detail"', 'id="filters"', 'src="/static/app.js"',
                 'href="/static/style.css"'):
        assert part in html


@pytest.mark.parametrize("name, kind", ASSETS.items())
def test_assets_are_served(client, name, kind):
    resp = client.get(f"/static/{name}")
    assert resp.status_code == 200 and kind in resp.headers["content-type"]
    assert resp.text == (STATIC / name).read_text(encoding="utf-8")


def test_every_local_reference_of_the_page_resolves(client):
    html = client.get("/").text
    refs = re.findall(r'(?:src|href)="(/[^"]*)"', html)
    assert refs
    for ref in refs:
        assert client.get(ref).status_code == 200, ref


def test_the_dashboard_needs_no_network():
    """Works offline: no CDN, no external fonts or scripts; the only URL is the SVG namespace."""
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        urls = set(re.findall(r"https?://[^\s\"'`)]+", text))
        assert urls <= {"http://www.w3.org/2000/svg"}, (path.name, urls)
        protocol_relative = re.search(r"(?:src|href)\s*=\s*[\"']//|url\(\s*[\"']?//|[\"'`]//[\w-]+\.", text)
        assert protocol_relative is None, (path.name, protocol_relative)
        assert "@import" not in text and "<iframe" not in text


def test_the_script_calls_only_endpoints_that_exist(client):
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    called = set(re.findall(r"[`\"'](/api/[a-z.]+/?)", js))
    assert {"/api/events", "/api/types", "/api/stats", "/api/events/"} <= called
    spec = client.get("/openapi.json").json()["paths"]
    for path in called:
        assert any(p == path or (path.endswith("/") and p.startswith(path) and "{" in p) for p in spec), path


def test_the_script_parses():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: cannot syntax-check app.js")
    out = subprocess.run([node, "--check", str(STATIC / "app.js")], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_the_script_never_puts_data_in_html():
    """Texts from articles are inserted as text nodes (no innerHTML), so a headline cannot inject markup."""
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "outerHTML" not in js and "insertAdjacentHTML" not in js
    assert "document.write" not in js and "eval(" not in js
