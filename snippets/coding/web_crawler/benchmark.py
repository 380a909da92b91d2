"""Wall time of the reference crawl against a fake site whose pages each take
a fixed time to fetch: what threads buy for I/O-bound fetches, and what a gap
between requests takes back. Run it for the figures quoted on the page:

    .venv/bin/python -m snippets.coding.web_crawler.benchmark

The fake fetch really waits (that is the point of a benchmark); the tests
never call `measure` except at the tiny size of its doctest.

>>> sorted(measure(pages=4, latency_s=0.001, workers=(1, 2)))
[1, 2]
"""
from __future__ import annotations

import threading
import time

from snippets.coding.web_crawler.fakes import page
from snippets.coding.web_crawler.solution import crawl

ORIGIN = "http://bench.test"


def site(pages: int) -> dict:
    """A start page linking to `pages` pages, each linking back to all of them."""
    paths = [f"/p{i}" for i in range(pages)]
    return {ORIGIN + "/": page(*paths), **{ORIGIN + p: page("/", *paths) for p in paths}}


def measure(pages: int, latency_s: float, workers: tuple[int, ...], delay_s: float = 0.0) -> dict[int, float]:
    """Seconds of wall time for a crawl of `site(pages)`, per worker count."""
    answers = site(pages)
    pause = threading.Event()  # never set: wait(latency) is a sleep that any thread may take

    def fetch(url: str):
        pause.wait(latency_s)
        return answers.get(url, (404, "text/html", ""))

    timings = {}
    for count in workers:
        began = time.perf_counter()
        found = crawl(ORIGIN + "/", fetch, workers=count, delay=delay_s)
        timings[count] = time.perf_counter() - began
        assert len(found) == pages + 1
    return timings


def main() -> None:  # pragma: no cover - prints the page's figures; run by hand
    pages, latency = 48, 0.02
    print(f"{pages + 1} pages plus robots.txt, {latency:g} s a fetch")
    for count, seconds in measure(pages, latency, (1, 4, 16)).items():
        print(f"  workers {count:>2}, no gap:     {seconds:5.2f} s")
    for count, seconds in measure(pages, latency, (1, 16), delay_s=0.01).items():
        print(f"  workers {count:>2}, 0.01 s gap: {seconds:5.2f} s")


if __name__ == "__main__":  # pragma: no cover
    main()
