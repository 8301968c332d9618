"""Fetching http(s) URLs with urllib: explicit timeout, a user agent, a size cap read in chunks."""
from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from .. import __version__
from .problems import Rejected

USER_AGENT = f"eventcoder/{__version__} (+https://github.com/eventcoder; news event coding)"
DEFAULT_TIMEOUT = 20.0


@dataclass(frozen=True)
class Fetched:
    url: str                 # final URL after redirects
    data: bytes
    content_type: str        # media type, lower case, no parameters
    charset: str | None


def is_url(s: str) -> bool:
    return bool(re.match(r"^https?://", s, re.I))


def fetch(url: str, *, max_bytes: int = 10_000_000, timeout: float = DEFAULT_TIMEOUT) -> Fetched:
    """GET ``url``; raise Rejected('fetch' | 'too_large') with a clear message on failure."""
    req = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                  "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            headers: Message = resp.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise Rejected("too_large", f"the server reports {int(length):,} bytes, over the "
                                            f"{max_bytes:,}-byte limit")
            chunks: list[bytes] = []
            total = 0
            while True:
                chunk = resp.read(65536)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise Rejected("too_large", f"the response is over the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            ctype = (headers.get_content_type() or "").lower()
            return Fetched(resp.geturl(), b"".join(chunks), ctype, headers.get_content_charset())
    except Rejected:
        raise
    except urllib.error.HTTPError as exc:
        raise Rejected("fetch", f"HTTP {exc.code} {exc.reason} for {url}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise Rejected("fetch", f"timed out after {timeout:g} s fetching {url}") from None
        raise Rejected("fetch", f"cannot fetch {url}: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise Rejected("fetch", f"timed out after {timeout:g} s fetching {url}") from None
    except (OSError, ValueError) as exc:
        raise Rejected("fetch", f"cannot fetch {url}: {exc}") from None
