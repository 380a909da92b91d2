"""Level 3: robots.txt, a gap between requests, failures recorded, limits on
pages and depth; then the same crawler against a real HTTP server.

Runs against solution.py, or a reader's file with --impl. Time is a FakeClock
(snippets/coding/web_crawler/fakes.py): the crawl gets `clock=` and `sleep=`,
so no test really sleeps. The last tests start a generated site on 127.0.0.1
(tests/coding/web_crawler/server.py) and fetch it with our UrlFetcher; nothing
else on the network is touched.
"""
import time
from urllib.parse import urlsplit

import pytest

from snippets.coding.web_crawler.fakes import FakeClock, FakeWeb, page
from snippets.coding.web_crawler.fetcher import UrlFetcher
from tests.coding.web_crawler.oracle import SITE, random_site
from tests.coding.web_crawler.server import DROP, HANG, LocalSite, closed_port

LEVEL = 3
SHOP = "http://shop.test"
ROBOTS = SHOP + "/robots.txt"


def robots(text: str):
    return 200, "text/plain", text


# --- robots.txt --------------------------------------------------------------

@pytest.mark.parametrize("workers", [1, 4])
def test_robots_txt_is_fetched_once_before_any_page(crawl, workers):
    web = FakeWeb({ROBOTS: robots("User-agent: *\nDisallow:\n"),
                   SHOP + "/": page("/a", "/b", "/c"), SHOP + "/a": page("/b", "/")})
    crawl(SHOP + "/", web, workers=workers)
    assert web.log[0] == ROBOTS and web.counts()[ROBOTS] == 1


def test_robots_txt_is_not_a_page_of_the_result(crawl):
    web = FakeWeb({ROBOTS: robots(""), SHOP + "/": page("/robots.txt")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200}


def test_a_disallowed_page_is_reported_and_never_fetched(crawl):
    web = FakeWeb({ROBOTS: robots("User-agent: *\nDisallow: /admin\n"),
                   SHOP + "/": page("/admin", "/admin/users", "/administrator", "/shop", "/admin")})
    assert crawl(SHOP + "/", web) == {
        SHOP + "/": 200, SHOP + "/admin": "disallowed", SHOP + "/admin/users": "disallowed",
        SHOP + "/administrator": "disallowed", SHOP + "/shop": 404}
    assert not any("/admin" in url for url in web.log)


def test_only_our_group_and_the_star_group_count(crawl):
    text = "User-agent: SomeOtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n"
    web = FakeWeb({ROBOTS: robots(text), SHOP + "/": page("/a", "/private/b")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404, SHOP + "/private/b": "disallowed"}


def test_the_start_page_itself_can_be_disallowed(crawl):
    web = FakeWeb({ROBOTS: robots("User-agent: *\nDisallow: /\n"), SHOP + "/": page("/a")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": "disallowed"}
    assert web.log == [ROBOTS]


@pytest.mark.parametrize("answer", [(404, "text/html", ""), (410, "text/html", ""), (403, "text/html", "")])
def test_no_robots_txt_means_everything_is_allowed(crawl, answer):
    web = FakeWeb({ROBOTS: answer, SHOP + "/": page("/a")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404}


@pytest.mark.parametrize("answer", [(500, "text/html", ""), (503, "text/html", ""), (429, "text/html", ""),
                                    TimeoutError, ConnectionRefusedError])
def test_an_unreachable_robots_txt_means_nothing_is_allowed(crawl, answer):
    web = FakeWeb({ROBOTS: answer, SHOP + "/": page("/a")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": "disallowed"}
    assert web.log == [ROBOTS]


# --- failing pages -------------------------------------------------------------

@pytest.mark.parametrize("workers", [1, 4])
def test_failing_pages_are_recorded_and_the_crawl_goes_on(crawl, workers):
    web = FakeWeb({SHOP + "/": page("/gone", "/broken", "/slow", "/refused", "/odd", "/ok"),
                   SHOP + "/broken": (500, "text/html", '<a href="/never">x</a>'),
                   SHOP + "/slow": TimeoutError, SHOP + "/refused": ConnectionRefusedError,
                   SHOP + "/odd": ValueError, SHOP + "/ok": page("/after")})
    assert crawl(SHOP + "/", web, workers=workers) == {
        SHOP + "/": 200, SHOP + "/gone": 404, SHOP + "/broken": 500, SHOP + "/slow": "timeout",
        SHOP + "/refused": "error", SHOP + "/odd": "error", SHOP + "/ok": 200, SHOP + "/after": 404}


def test_a_failed_start_page_is_an_answer_not_an_exception(crawl):
    assert crawl(SHOP + "/", FakeWeb({SHOP + "/": ConnectionResetError})) == {SHOP + "/": "error"}


# --- a gap between requests ------------------------------------------------------

def request_times(web: FakeWeb) -> list[float]:
    return [when for _, when in web.times]


def assert_spaced(times: list[float], gap: float) -> None:
    """The k-th request (in time order) starts at least k gaps after the first."""
    ordered = sorted(times)
    for k, when in enumerate(ordered):
        assert when >= ordered[0] + k * gap - 1e-9, (
            f"request {k + 1} started at {when:g} s, less than {k} x {gap:g} s after the first: {ordered}")


def test_requests_start_at_least_delay_apart_with_one_worker(crawl):
    clock = FakeClock()
    site = random_site(1)
    web = FakeWeb(site.pages, clock=clock)
    crawl(SITE + "/", web, delay=2.0, clock=clock, sleep=clock.sleep)
    times = request_times(web)
    assert all(b - a >= 2.0 for a, b in zip(times, times[1:])), times
    assert clock.now <= 2.0 * len(times), f"slept {clock.now:g} s for {len(times)} requests: too long"


@pytest.mark.parametrize("workers", [2, 4, 8])
def test_requests_start_at_least_delay_apart_with_several_workers(crawl, workers):
    clock = FakeClock(rendezvous=2, after=1)  # two sleeps after the start page's overlap for real
    site = random_site(2)
    web = FakeWeb(site.pages, clock=clock)
    assert crawl(SITE + "/", web, workers=workers, delay=1.5, clock=clock, sleep=clock.sleep) == site.expected()[0]
    assert_spaced(request_times(web), 1.5)


def test_a_longer_crawl_delay_in_robots_txt_wins(crawl):
    clock = FakeClock()
    web = FakeWeb({SITE + "/robots.txt": robots("User-agent: *\nCrawl-delay: 3\n"),
                   **random_site(4).pages}, clock=clock)
    crawl(SITE + "/", web, workers=4, delay=1.0, clock=clock, sleep=clock.sleep)
    assert_spaced(request_times(web), 3.0)


def test_a_shorter_crawl_delay_does_not_shorten_ours(crawl):
    clock = FakeClock()
    web = FakeWeb({SITE + "/robots.txt": robots("User-agent: *\nCrawl-delay: 1\n"),
                   **random_site(4).pages}, clock=clock)
    crawl(SITE + "/", web, workers=4, delay=2.0, clock=clock, sleep=clock.sleep)
    assert_spaced(request_times(web), 2.0)


def test_no_delay_means_no_sleeping(crawl):
    clock = FakeClock()
    crawl(SITE + "/", FakeWeb(random_site(6).pages, clock=clock), workers=4, clock=clock, sleep=clock.sleep)
    assert sum(clock.sleeps) == 0


def test_an_injected_sleep_replaces_the_real_one(crawl, monkeypatch):
    slept = []
    monkeypatch.setattr(time, "sleep", lambda seconds: slept.append(seconds))
    clock = FakeClock()
    crawl(SITE + "/", FakeWeb(random_site(7).pages, clock=clock), workers=2, delay=5.0,
          clock=clock, sleep=clock.sleep)
    assert slept == [] and sum(clock.sleeps) > 0


# --- limits ------------------------------------------------------------------------

def test_max_pages_keeps_the_first_pages_breadth_first(crawl):
    site = random_site(8)
    web = FakeWeb(site.pages)
    result = crawl(SITE + "/", web, max_pages=5)
    order = site.expected()[1]
    assert list(result) == order[:5] and [u for u in web.log if not u.endswith("robots.txt")] == order[:5]


@pytest.mark.parametrize("limit", [0, 1, 7])
def test_max_pages_counts_fetches_not_workers(crawl, limit):
    web = FakeWeb(random_site(9).pages)
    assert len(crawl(SITE + "/", web, workers=4, max_pages=limit)) == limit
    assert len([u for u in web.log if not u.endswith("robots.txt")]) == limit


def tree(depth: int, fan_out: int = 2) -> dict:
    """A site where page /1/2 links to /1/2/1 and /1/2/2, and back to the root (a cycle)."""
    pages, level = {}, ["/"]
    for _ in range(depth):
        following = []
        for path in level:
            children = [f"{path.rstrip('/')}/{i}" for i in range(1, fan_out + 1)]
            pages[SHOP + path] = page(*children, "/")
            following += children
        level = following
    return pages


@pytest.mark.parametrize("workers", [1, 3])
@pytest.mark.parametrize(("max_depth", "count"), [(0, 1), (1, 3), (2, 7), (3, 15)])
def test_max_depth_counts_links_from_the_start(crawl, workers, max_depth, count):
    web = FakeWeb(tree(depth=5))
    result = crawl(SHOP + "/", web, workers=workers, max_depth=max_depth)
    assert len(result) == count
    assert all(url.count("/") - 3 < max_depth or url == SHOP + "/" for url in result if url != SHOP + "/")


# --- random sites --------------------------------------------------------------

@pytest.mark.parametrize("seed", range(12))
def test_agrees_with_a_naive_model_with_robots_failures_and_depth(crawl, seed):
    site = random_site(100 + seed)
    pages = dict(site.pages)
    pages[SITE + "/robots.txt"] = robots("User-agent: *\nDisallow: /docs/api\nDisallow: /blog/p1\n")
    failing = sorted(site.links)[1::4]
    for url in failing:
        pages[url] = TimeoutError
        site.status[url] = "timeout"
        site.links[url] = []
    expected, order = site.expected(max_depth=2 + seed % 3, disallowed=("/docs/api", "/blog/p1"))
    web = FakeWeb(pages)
    assert crawl(SITE + "/", web, max_depth=2 + seed % 3) == expected
    assert web.log == [SITE + "/robots.txt", *order]


# --- a real server on 127.0.0.1 ---------------------------------------------------

ANSWERS_WITHIN_S = 30.0  # a local page that answers does so at once; this is only a backstop
NEVER_ANSWERS_S = 0.5  # how long the crawl waits for the one page that never answers


def local_fetch(never_answers: str = "/slow"):
    """Our UrlFetcher with a short time limit only for the page that never
    answers. One short limit for every page would let a busy machine turn a
    page that does answer, late, into a "timeout" and fail a correct crawler."""
    patient, impatient = UrlFetcher(timeout=ANSWERS_WITHIN_S), UrlFetcher(timeout=NEVER_ANSWERS_S)

    def fetch(url: str):
        return (impatient if urlsplit(url).path == never_answers else patient)(url)
    return fetch


def shop_routes() -> dict:
    routes = {
        "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
        "/": (200, "text/html; charset=utf-8", "\n".join(f'<a href="{href}">x</a>' for href in [
            "/a", "/b/", "/b", "/a#reviews", "/missing", "/broken", "/slow", "/drop",
            "/private/secret", "/notes.txt", "/moved", "/ring/0", "mailto:shop@example.test",
            "http://localhost:{port}/elsewhere", "http://127.0.0.1:{closed}/closed"])),
        "/a": (200, "text/html", '<a href="/">home</a> <a href="b/">b</a> <a href="/a">me</a>'),
        "/b/": (200, "text/html", '<a href="deep">deep</a> <a href="../a">a</a>'),
        "/b": (200, "text/html", '<a href="deep">the slash matters</a>'),
        "/b/deep": (200, "text/html", '<a href="{origin}/">home</a>'),
        "/broken": (500, "text/html", '<a href="/from-broken">x</a>'),
        "/slow": HANG, "/drop": DROP,
        "/private/secret": (200, "text/html", '<a href="/private/more">x</a>'),
        "/notes.txt": (200, "text/plain", '<a href="/from-notes">not a link</a>'),
        "/moved": ("redirect", 301, "/a"),
    }
    for i in range(10):  # a ring: each page links to the next and the previous
        routes[f"/ring/{i}"] = (200, "text/html",
                                f'<a href="{(i + 1) % 10}">next</a> <a href="/ring/{(i - 1) % 10}">back</a>')
    return routes


EXPECTED_PATHS = {
    "/": 200, "/a": 200, "/b/": 200, "/b": 200, "/b/deep": 200, "/deep": 404, "/missing": 404,
    "/broken": 500, "/slow": "timeout", "/drop": "error", "/private/secret": "disallowed",
    "/notes.txt": 200, "/moved": 301, **{f"/ring/{i}": 200 for i in range(10)}}


@pytest.mark.parametrize("workers", [1, 4])
def test_a_real_site_over_http(crawl, workers):
    with LocalSite(shop_routes()) as site:
        result = crawl(site.origin + "/", local_fetch(), workers=workers)
        requested = site.paths()
        hosts = {host for _, host, _ in site.requests}
    assert result == {site.origin + path: outcome for path, outcome in EXPECTED_PATHS.items()}
    assert requested[0] == "/robots.txt"
    assert max(requested.count(p) for p in requested) == 1, sorted(requested)
    assert not {"/private/secret", "/from-notes", "/from-broken", "/elsewhere"} & set(requested)
    assert hosts == {f"127.0.0.1:{site.port}"}, "a link to another host was followed"


def test_a_real_site_with_a_crawl_delay(crawl):
    routes = shop_routes()
    routes["/robots.txt"] = (200, "text/plain", "User-agent: *\nCrawl-delay: 4\n")
    del routes["/slow"]
    clock, real = FakeClock(), UrlFetcher(timeout=ANSWERS_WITHIN_S)
    started = []

    def timed(url):
        started.append(clock())
        return real(url)

    with LocalSite(routes) as site:
        result = crawl(site.origin + "/", timed, workers=3, clock=clock, sleep=clock.sleep)
    assert result[site.origin + "/ring/9"] == 200
    assert_spaced(started, 4.0)


def test_a_site_that_is_down(crawl):
    start = f"http://127.0.0.1:{closed_port()}/"
    assert crawl(start, UrlFetcher(timeout=1.0)) == {start: "disallowed"}
