"""Web crawler, level 3 (the whole reference): level 2, made polite and robust.

Added to level2.py: robots.txt (read once, before any page, with the standard
library's urllib.robotparser and the status rules of RFC 9309), a minimum gap
between request starts to the site (`delay`, or the site's Crawl-delay if
longer) with an injectable clock and sleep, failing pages recorded instead of
raised, and limits on pages and depth. The page: docs/coding/web-crawler.md.

>>> from snippets.coding.web_crawler.fakes import FakeClock, FakeWeb
>>> clock = FakeClock()
>>> web = FakeWeb({
...     "http://shop.test/robots.txt": (200, "text/plain", "User-agent: *\\nDisallow: /admin"),
...     "http://shop.test/": (200, "text/html", '<a href="/a">a</a> <a href="/admin/x">x</a>'),
...     "http://shop.test/a": TimeoutError}, clock=clock)
>>> crawl("http://shop.test/", web, delay=2.0, clock=clock, sleep=clock.sleep)
{'http://shop.test/': 200, 'http://shop.test/admin/x': 'disallowed', 'http://shop.test/a': 'timeout'}
>>> web.times  # robots.txt at 0, then one request every 2 seconds
[('http://shop.test/robots.txt', 0.0), ('http://shop.test/', 2.0), ('http://shop.test/a', 4.0)]
"""
from __future__ import annotations

import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Callable
from urllib.robotparser import RobotFileParser

from snippets.coding.web_crawler.urls import is_html, normalise, origin, same_site_links

Fetch = Callable[[str], tuple[int, str, str]]
Outcome = int | str  # an HTTP status, or one of the three words below

USER_AGENT = "LoopNotesCrawler"  # the name robots.txt groups are matched against
DISALLOWED, TIMEOUT, ERROR = "disallowed", "timeout", "error"


# --8<-- [start:robots]
def read_robots(site: str, fetch: Fetch) -> RobotFileParser:
    """The site's robots.txt rules, with RFC 9309's answer for each status."""
    rules = RobotFileParser()
    try:
        status, _, body = fetch(f"{site}/robots.txt")
    except Exception:  # (1)!
        status, body = 503, ""
    if 200 <= status < 300:
        rules.parse(body.splitlines())
    elif status == 429 or status >= 500:  # (2)!
        rules.disallow_all = True
    else:
        rules.allow_all = True  # (3)!
    return rules
# --8<-- [end:robots]


# --8<-- [start:pacer]
class Pacer:
    """Start times for requests to one site, at least `interval` seconds apart.

    Only the coordinator calls it, so it needs no lock: each request is handed
    its slot before it is submitted, and the worker sleeps until then.

    >>> pacer = Pacer(interval=2.0, last_start=0.0)
    >>> [pacer.next_slot(now) for now in (0.0, 0.5, 9.0)]
    [2.0, 4.0, 9.0]
    """

    def __init__(self, interval: float, last_start: float) -> None:
        self.interval = interval
        self._next = last_start + interval

    def next_slot(self, now: float) -> float:
        slot = max(now, self._next)  # (1)!
        self._next = slot + self.interval
        return slot
# --8<-- [end:pacer]


# --8<-- [start:visit]
def visit(url: str, fetch: Fetch, slot: float, clock: Callable[[], float],
          sleep: Callable[[float], None]) -> tuple[Outcome, list[str]]:
    """Runs in a worker: wait for the slot, fetch, turn failures into outcomes."""
    early = slot - clock()
    if early > 0:
        sleep(early)  # (1)!
    try:
        status, content_type, body = fetch(url)
    except TimeoutError:  # (2)!
        return TIMEOUT, []
    except Exception:
        return ERROR, []
    if 200 <= status < 300 and is_html(content_type):
        return status, same_site_links(body, url)
    return status, []
# --8<-- [end:visit]


# --8<-- [start:crawl]
def crawl(start_url: str, fetch: Fetch, *, workers: int = 1, delay: float = 0.0,
          max_pages: int | None = None, max_depth: int | None = None,
          clock: Callable[[], float] = time.monotonic,
          sleep: Callable[[float], None] = time.sleep) -> dict[str, Outcome]:
    """Level 2's crawl, polite (robots.txt, a gap between requests) and robust
    (failures recorded, limits on pages and depth)."""
    start = normalise(start_url)
    if start is None:
        raise ValueError(f"not an http(s) URL: {start_url!r}")
    if workers < 1 or delay < 0 or (max_pages or 0) < 0 or (max_depth or 0) < 0:
        raise ValueError("workers must be at least 1; delay, max_pages and max_depth not negative")
    site = origin(start)
    first_request = clock()
    rules = read_robots(site, fetch)  # (1)!
    pacer = Pacer(max(delay, rules.crawl_delay(USER_AGENT) or 0), first_request)
    results: dict[str, Outcome] = {}
    seen = {f"{site}/robots.txt"}  # (2)!
    frontier: deque[tuple[str, int]] = deque()

    def discover(url: str, depth: int) -> None:
        if url in seen or (max_depth is not None and depth > max_depth):
            return  # (3)!
        seen.add(url)
        if rules.can_fetch(USER_AGENT, url):
            frontier.append((url, depth))
        else:
            results[url] = DISALLOWED

    discover(start, 0)
    fetched = 0
    running: dict[Future, tuple[str, int]] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while True:
            while (frontier and len(running) < workers
                   and (max_pages is None or fetched < max_pages)):  # (4)!
                url, depth = frontier.popleft()
                slot = pacer.next_slot(clock())
                running[pool.submit(visit, url, fetch, slot, clock, sleep)] = (url, depth)
                fetched += 1
            if not running:
                break  # (5)!
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                url, depth = running.pop(future)
                results[url], links = future.result()
                for link in links:
                    discover(link, depth + 1)
    return results
# --8<-- [end:crawl]
