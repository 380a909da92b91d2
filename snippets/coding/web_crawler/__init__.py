"""Web crawler in three levels: urls.py (the URL rules every level shares),
level1.py, level2.py, solution.py (level 3), fetcher.py (the real HTTP fetch),
fakes.py (a fake web and a fake clock), a starter for readers, budget.py,
followups.py and benchmark.py. Page: docs/coding/web-crawler.md.

The entry point is one function, `crawl`, whose keyword arguments grow with the
levels; every level's tests call it with a `fetch` callable, so no test needs
the network. `PRACTICE` declares it for `python3 dev.py practice web-crawler
--impl FILE`; `probe` is one small first call (a two-page fake site) and
`check` names a wrong result shape in one line (tools/harness.py).
"""
from __future__ import annotations

OUTCOME_WORDS = ("disallowed", "timeout", "error")  # level 3's outcomes that are not a status


def _probe_fetch(url: str) -> tuple[int, str, str]:
    if url == "http://probe.test/":
        return 200, "text/html", '<a href="/next">next</a>'
    return 404, "text/html", ""


PRACTICE = {"entry": "crawl", "kind": "function",
            "signature": "crawl(start_url, fetch, *, workers=1, delay=0.0, max_pages=None, "
                         "max_depth=None, clock=time.monotonic, sleep=time.sleep) -> dict",
            "probe": ["http://probe.test/", _probe_fetch],
            "check": "check_outcomes"}


def check_outcomes(*args: object) -> str | None:
    """What is wrong with the shape of a `crawl` answer, or None.

    The harness passes the call's positional arguments, then the result.

    >>> check_outcomes("http://a.test/", None, None)
    'returned None; it must return a dict from each URL to its HTTP status or outcome'
    >>> check_outcomes("http://a.test/", None, [("http://a.test/", 200)])
    'returned a list; it must return a dict from each URL to its HTTP status or outcome'
    >>> check_outcomes("http://a.test/", None, {b"http://a.test/": 200})
    "returned a key b'http://a.test/'; every key must be a URL string"
    >>> check_outcomes("http://a.test/", None, {"http://a.test/": "200"})
    "returned '200' for http://a.test/; an outcome is an int status or one of 'disallowed', 'timeout', 'error'"
    >>> check_outcomes("http://a.test/", None, {"http://a.test/": 200, "http://a.test/x": "timeout"}) is None
    True
    """
    result = args[-1]
    if not isinstance(result, dict):
        shown = "None" if result is None else f"a {type(result).__name__}"
        return f"returned {shown}; it must return a dict from each URL to its HTTP status or outcome"
    for url, outcome in result.items():
        if not isinstance(url, str):
            return f"returned a key {url!r}; every key must be a URL string"
        if isinstance(outcome, bool) or not (isinstance(outcome, int) or outcome in OUTCOME_WORDS):
            return (f"returned {outcome!r} for {url}; an outcome is an int status or one of "
                    + ", ".join(map(repr, OUTCOME_WORDS)))
    return None
