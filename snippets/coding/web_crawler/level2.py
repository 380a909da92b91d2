"""Web crawler, level 2: level 1 with up to `workers` fetches in flight.

One thread, the coordinator (the caller's), owns the frontier, the seen set
and the results; a pool of `workers` threads only fetches and parses. So no
lock guards the crawl's state, the number of fetches in flight is the number
of submitted futures, and the crawl is over exactly when the frontier is empty
and no future is pending. The page: docs/coding/web-crawler.md.

>>> site = {"http://shop.test/": (200, "text/html", '<a href="/a">A</a> <a href="/b">B</a>'),
...         "http://shop.test/a": (200, "text/html", '<a href="/">home</a> <a href="/c">C</a>')}
>>> found = crawl("http://shop.test/", lambda url: site.get(url, (404, "text/html", "")), workers=4)
>>> sorted(found.items())
[('http://shop.test/', 200), ('http://shop.test/a', 200), ('http://shop.test/b', 404), ('http://shop.test/c', 404)]
"""
from __future__ import annotations

from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Callable

from snippets.coding.web_crawler.urls import is_html, normalise, same_site_links

Fetch = Callable[[str], tuple[int, str, str]]


# --8<-- [start:visit]
def visit(url: str, fetch: Fetch) -> tuple[int, list[str]]:
    """Runs in a worker thread: fetch one page, return its status and links."""
    status, content_type, body = fetch(url)
    if 200 <= status < 300 and is_html(content_type):
        return status, same_site_links(body, url)
    return status, []
# --8<-- [end:visit]


# --8<-- [start:crawl]
def crawl(start_url: str, fetch: Fetch, *, workers: int = 1) -> dict[str, int]:
    """Level 1's crawl with at most `workers` fetches in flight at once."""
    start = normalise(start_url)
    if start is None:
        raise ValueError(f"not an http(s) URL: {start_url!r}")
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    results: dict[str, int] = {}
    seen = {start}
    frontier = deque([start])
    running: dict[Future, str] = {}  # (1)!
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while frontier or running:  # (2)!
            while frontier and len(running) < workers:  # (3)!
                url = frontier.popleft()
                running[pool.submit(visit, url, fetch)] = url
            done, _ = wait(running, return_when=FIRST_COMPLETED)  # (4)!
            for future in done:
                url = running.pop(future)
                status, links = future.result()  # (5)!
                results[url] = status
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        frontier.append(link)
    return results
# --8<-- [end:crawl]
