"""Your web crawler: copy this file, fill it in, test it.

    cp snippets/coding/web_crawler/starter.py mine.py
    python3 dev.py practice web-crawler --impl mine.py --level 1

The tests call `crawl(start_url, fetch)` at level 1, add `workers=N` at level
2, and add the rest at level 3. `fetch(url)` returns a tuple
`(status: int, content_type: str, body: str)`; at level 3 it may also raise
(TimeoutError for a slow page, another exception for a failed connection).
Return a dict from every page you fetched (its normalised URL) to its HTTP
status; level 3 adds the outcomes "disallowed", "timeout" and "error".
The rules of each level are on the page: docs/coding/web-crawler.md.
"""
from __future__ import annotations

import time


def crawl(start_url, fetch, *, workers=1, delay=0.0, max_pages=None, max_depth=None,
          clock=time.monotonic, sleep=time.sleep):
    """Crawl the start URL's site breadth first; return {url: status or outcome}."""
    raise NotImplementedError("start with level 1: a queue of URLs, a set of URLs seen, one fetch each")
