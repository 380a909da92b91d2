"""The real fetch: `UrlFetcher(...)(url) -> (status, content_type, body)` over HTTP.

Standard library only (urllib.request). What it adds to a bare `urlopen`:

- a time limit on reading the whole body, not only on each socket operation
  (the headers and the DNS lookup are not covered: see the page);
- a cap on the bytes read;
- no redirects followed (a 3xx is returned as it is), so that a page's links
  are never resolved against the wrong URL and a redirect cannot leave the site;
- no proxy from the environment, so a crawl of 127.0.0.1 stays on 127.0.0.1;
- failures as the exceptions the crawler sorts: TimeoutError for a slow page,
  another OSError (ConnectionRefusedError, ConnectionResetError ...) otherwise.

Its tests run it against a local server: tests/coding/web_crawler/test_fetcher.py.
The page: docs/coding/web-crawler.md.
"""
from __future__ import annotations

import time
from typing import Callable
from urllib.error import HTTPError, URLError
from urllib.request import HTTPRedirectHandler, ProxyHandler, Request, build_opener

USER_AGENT = "LoopNotesCrawler/1.0"
CHUNK = 64 * 1024


class _NoRedirects(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises HTTPError with the 3xx status


# --8<-- [start:fetcher]
class UrlFetcher:
    """Fetch one URL; at most `timeout` seconds and `max_bytes` of body."""

    def __init__(self, timeout: float = 10.0, max_bytes: int = 2_000_000,
                 user_agent: str = USER_AGENT, clock: Callable[[], float] = time.monotonic) -> None:
        self.timeout, self.max_bytes = timeout, max_bytes
        self.user_agent, self.clock = user_agent, clock
        self._opener = build_opener(ProxyHandler({}), _NoRedirects)  # (1)!

    def __call__(self, url: str) -> tuple[int, str, str]:
        deadline = self.clock() + self.timeout
        request = Request(url, headers={"User-Agent": self.user_agent})
        try:
            response = self._opener.open(request, timeout=self.timeout)  # (2)!
        except HTTPError as error:  # 3xx, 4xx, 5xx: an answer, not a failure
            with error:
                return error.code, error.headers.get("Content-Type", ""), ""
        except URLError as error:  # (3)!
            reason = error.reason
            raise reason if isinstance(reason, OSError) else ConnectionError(reason) from None
        with response:
            chunks, size = [], 0
            while size < self.max_bytes:
                chunk = response.read1(min(CHUNK, self.max_bytes - size))  # (4)!
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if self.clock() > deadline:
                    raise TimeoutError(f"{url}: no complete answer within {self.timeout:g} s")
            charset = response.headers.get_content_charset() or "utf-8"
            content_type = response.headers.get("Content-Type", "")
            return response.status, content_type, _decode(b"".join(chunks), charset)
# --8<-- [end:fetcher]


def _decode(data: bytes, charset: str) -> str:
    """Bytes as text; a bad byte or an unknown charset never fails the page.

    >>> _decode("café".encode("latin-1"), "latin-1"), _decode(b"caf\\xe9", "utf-8")
    ('café', 'caf�')
    >>> _decode(b"plain", "no-such-charset")
    'plain'
    """
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")
