"""Level 2: up to `workers` fetches in flight, the same answers as level 1, and
a crawl that ends by itself as soon as there is nothing left to do.

Runs against level2.py and solution.py, or a reader's file with --impl. Every
test calls `crawl(start_url, fetch, workers=N)` with a fake web. Some tests
hold fetches in flight with real threading primitives; none of them sleeps.
A request for robots.txt is ignored here: level 3 adds it.
"""
import pytest

from snippets.coding.web_crawler.fakes import FakeWeb, page
from tests.coding.web_crawler.checks import (Gate, cpu_of_other_threads, pages_fetched, run_in_thread,
                                             watching_for_polls)
from tests.coding.web_crawler.oracle import SITE, random_site

LEVEL = 2
SHOP = "http://shop.test"


@pytest.mark.parametrize("workers", [1, 2, 4, 8])
@pytest.mark.parametrize("seed", range(8))
def test_any_number_of_workers_gives_level_1s_answer(crawl, seed, workers):
    site = random_site(seed)
    web = FakeWeb(site.pages)
    assert crawl(SITE + "/", web, workers=workers) == site.expected()[0]
    assert max(web.counts().values()) == 1


@pytest.mark.parametrize("seed", range(5))
def test_one_worker_is_still_breadth_first(crawl, seed):
    site = random_site(seed)
    web = FakeWeb(site.pages)
    crawl(SITE + "/", web, workers=1)
    assert pages_fetched(web.log) == site.expected()[1]


def test_each_page_is_fetched_once_when_many_workers_find_it_at_once(crawl):
    paths = [f"/p{i}" for i in range(40)]
    web = FakeWeb({SHOP + p: page(*paths) for p in ["/", *paths]})
    assert len(crawl(SHOP + "/", web, workers=8)) == 41
    assert max(web.counts().values()) == 1


def test_a_page_linked_twice_on_one_page_is_not_fetched_twice_in_parallel(crawl):
    # The gate holds /x and /y together; a crawler that queued /x twice would
    # have both copies in flight before either finished.
    gate = Gate(size=2)
    web = FakeWeb({SHOP + "/": page("/x", "/x#again", "/y", "/x"), SHOP + "/x": gate, SHOP + "/y": gate})
    assert crawl(SHOP + "/", web, workers=4) == {SHOP + "/": 200, SHOP + "/x": 200, SHOP + "/y": 200}
    assert web.counts()[SHOP + "/x"] == 1


@pytest.mark.parametrize("workers", [2, 4])
def test_fetches_in_flight_reach_but_never_exceed_the_worker_count(crawl, workers):
    children = [f"/c{i}" for i in range(3 * workers)]
    gate = Gate(size=workers)
    web = FakeWeb({SHOP + "/": page(*children), **{SHOP + c: gate for c in children}})
    assert len(crawl(SHOP + "/", web, workers=workers)) == 1 + len(children)
    assert web.max_in_flight <= workers, f"{web.max_in_flight} fetches in flight with {workers} workers"
    assert web.max_in_flight == workers, (
        f"never more than {web.max_in_flight} fetch(es) in flight with {workers} workers: "
        "are the fetches running one at a time?")


def test_a_long_chain_ends_although_only_one_worker_ever_has_work(crawl):
    chain = {SHOP + (f"/n{i}" if i else "/"): page(f"/n{i + 1}") for i in range(60)}
    assert len(crawl(SHOP + "/", FakeWeb(chain), workers=4)) == 61


def test_the_crawl_waits_for_a_busy_worker_after_the_frontier_empties(crawl):
    # /slow answers only after /b's child /d has been fetched, so at some point the
    # frontier is empty while /slow is still in flight; its link to /c must be followed.
    from threading import Event
    d_fetched = Event()

    def slow(url):
        d_fetched.wait(timeout=2)
        return page("/c")

    def d(url):
        d_fetched.set()
        return page()

    web = FakeWeb({SHOP + "/": page("/slow", "/b"), SHOP + "/slow": slow,
                   SHOP + "/b": page("/d"), SHOP + "/d": d})
    assert crawl(SHOP + "/", web, workers=2) == {
        SHOP + "/": 200, SHOP + "/slow": 200, SHOP + "/b": 200, SHOP + "/d": 200, SHOP + "/c": 404}
    assert web.in_flight == 0


def test_crawl_returns_only_when_no_fetch_is_in_flight(crawl):
    site = random_site(3)
    web = FakeWeb(site.pages)
    crawl(SITE + "/", web, workers=8)
    assert web.in_flight == 0


def test_the_end_is_detected_without_polling(crawl):
    site = random_site(5)
    with watching_for_polls() as polls:
        result = crawl(SITE + "/", FakeWeb(site.pages), workers=4)
    assert result == site.expected()[0]
    assert polls == [], (f"crawl polled: {polls[0]} (and {len(polls) - 1} more); wait for a worker "
                         "to report back instead of checking again after a pause")


def test_no_thread_spins_while_a_fetch_is_in_flight(crawl):
    from threading import Event
    entered, release = Event(), Event()

    def slow(url):
        entered.set()
        release.wait(timeout=10)
        return page()

    web = FakeWeb({SHOP + "/": page("/slow", "/fast"), SHOP + "/slow": slow})
    thread, box = run_in_thread(lambda: crawl(SHOP + "/", web, workers=2))
    try:
        assert entered.wait(timeout=10), "the slow page was never fetched"
        others = cpu_of_other_threads(work_s=0.1)
    finally:
        release.set()
        thread.join(timeout=10)
    if "error" in box:
        raise box["error"]
    assert box["result"] == {SHOP + "/": 200, SHOP + "/slow": 200, SHOP + "/fast": 404}
    assert others < 0.05, (f"while one fetch was in flight, other threads used {others:.2f} s of CPU "
                           "in 0.10 s: a loop is spinning instead of blocking")
