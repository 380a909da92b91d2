"""Web crawler, level 1: one page at a time, breadth first, one site.

The rules are on the page, docs/coding/web-crawler.md; the URL rules live in
urls.py. `fetch(url)` returns `(status, content_type, body)`; the crawl returns
each page it fetched, normalised, with its HTTP status.

>>> site = {"http://shop.test/": (200, "text/html", '<a href="/a">A</a> <a href="/b#top">B</a>'),
...         "http://shop.test/a": (200, "text/html", '<a href="/">home</a> <a href="b">B</a>')}
>>> crawl("http://SHOP.test", lambda url: site.get(url, (404, "text/html", "")))
{'http://shop.test/': 200, 'http://shop.test/a': 200, 'http://shop.test/b': 404}
"""
from __future__ import annotations

from collections import deque
from typing import Callable

from snippets.coding.web_crawler.urls import is_html, normalise, same_site_links

Fetch = Callable[[str], tuple[int, str, str]]


# --8<-- [start:crawl]
def crawl(start_url: str, fetch: Fetch) -> dict[str, int]:
    """Fetch every page of the start URL's site reachable by links, breadth
    first, each once; return {normalised url: HTTP status}."""
    start = normalise(start_url)
    if start is None:
        raise ValueError(f"not an http(s) URL: {start_url!r}")
    results: dict[str, int] = {}
    seen = {start}  # (1)!
    frontier = deque([start])  # (2)!
    while frontier:
        url = frontier.popleft()
        status, content_type, body = fetch(url)
        results[url] = status
        if 200 <= status < 300 and is_html(content_type):  # (3)!
            for link in same_site_links(body, url):
                if link not in seen:
                    seen.add(link)
                    frontier.append(link)
    return results
# --8<-- [end:crawl]
