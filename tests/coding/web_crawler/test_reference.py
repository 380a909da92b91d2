"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem states. The page answers the questions
it leaves open ("Clarifying questions") and makes cost claims ("Complexity");
those are tested here, against our kept states only. Also here: the fakes, the
starter, the practice declaration, budget.py, followups.py and benchmark.py.
"""
import importlib
import random
import threading

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.web_crawler import PRACTICE, budget, check_outcomes, followups, starter
from snippets.coding.web_crawler.benchmark import measure
from snippets.coding.web_crawler.fakes import FakeClock, FakeWeb, page
from snippets.coding.web_crawler.solution import Pacer, crawl
from snippets.coding.web_crawler.urls import links_on, normalise
from tests.coding.web_crawler.oracle import SITE, random_site
from tests.coding.shared import kept

PACKAGE = "snippets.coding.web_crawler"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").crawl for name in KEPT}
SHOP = "http://shop.test"


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "solution"]


# --- our answers to the clarifying questions -----------------------------------

@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize("start", ["ftp://shop.test/", "shop.test", "mailto:x@shop.test", ""])
def test_a_start_url_that_is_not_http_raises(name, start):
    with pytest.raises(ValueError, match="not an http"):
        REFERENCES[name](start, FakeWeb({}))


@pytest.mark.parametrize("name", ["level2", "solution"])
def test_workers_must_be_at_least_one(name):
    with pytest.raises(ValueError, match="workers"):
        REFERENCES[name](SHOP + "/", FakeWeb({}), workers=0)


@pytest.mark.parametrize("bad", [{"delay": -1.0}, {"max_pages": -1}, {"max_depth": -2}])
def test_level_3_limits_cannot_be_negative(bad):
    with pytest.raises(ValueError):
        crawl(SHOP + "/", FakeWeb({}), **bad)


def test_credentials_in_a_link_are_dropped():
    assert normalise("http://user:secret@shop.test/a") == SHOP + "/a"


def test_an_ipv6_host_keeps_its_brackets_and_port():
    assert normalise("HTTP://[::1]:8080/a") == "http://[::1]:8080/a"


def test_an_empty_query_is_dropped_and_percent_escapes_are_kept_as_written():
    assert normalise("http://shop.test/a?") == SHOP + "/a"
    assert normalise("http://shop.test/%7Euser/%2f") == SHOP + "/%7Euser/%2f"


@pytest.mark.parametrize("seed", range(5))
def test_normalising_twice_changes_nothing(seed):
    for body in random_site(seed).pages.values():
        for url in links_on(body[2] if isinstance(body, tuple) else "", SITE + "/docs/x"):
            assert normalise(url) == url


@pytest.mark.parametrize("name", KEPT)
def test_markup_the_html_parser_chokes_on_keeps_the_links_before_it(name):
    web = FakeWeb({SHOP + "/": (200, "text/html", '<a href="/a">a</a><![ broken <a href="/b">b</a>')})
    assert REFERENCES[name](SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404}


def test_a_link_to_robots_txt_is_not_fetched_again_as_a_page():
    web = FakeWeb({SHOP + "/": page("/robots.txt")})
    crawl(SHOP + "/", web)
    assert web.counts()[SHOP + "/robots.txt"] == 1


# Known gap, and why followups.rfc9309_allowed exists: urllib.robotparser takes
# the first rule that matches, in file order, and has no wildcards. RFC 9309
# takes the longest match and defines * and $.
def test_robotparser_reads_rule_order_not_rule_length():
    rules = "User-agent: *\nDisallow: /a\nAllow: /a/b\n"
    web = FakeWeb({SHOP + "/robots.txt": (200, "text/plain", rules), SHOP + "/": page("/a/b")})
    assert crawl(SHOP + "/", web)[SHOP + "/a/b"] == "disallowed"
    assert followups.rfc9309_allowed(rules, "/a/b") is True


def test_robotparser_has_no_wildcards():
    rules = "User-agent: *\nDisallow: /*.pdf$\n"
    web = FakeWeb({SHOP + "/robots.txt": (200, "text/plain", rules), SHOP + "/": page("/f.pdf")})
    assert crawl(SHOP + "/", web)[SHOP + "/f.pdf"] == 404
    assert followups.rfc9309_allowed(rules, "/f.pdf") is False


def test_a_group_for_our_own_name_beats_the_star_group():
    rules = "User-agent: *\nDisallow: /\n\nUser-agent: LoopNotesCrawler\nDisallow: /private\n"
    web = FakeWeb({SHOP + "/robots.txt": (200, "text/plain", rules), SHOP + "/": page("/a", "/private")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404, SHOP + "/private": "disallowed"}


def test_a_page_beyond_the_depth_limit_is_not_reported():
    web = FakeWeb({SHOP + "/": page("/a"), SHOP + "/a": page("/b")})
    assert crawl(SHOP + "/", web, max_depth=1) == {SHOP + "/": 200, SHOP + "/a": 200}


def test_with_several_workers_depth_is_the_depth_at_which_a_page_was_found():
    # Shortest paths: / -> /p -> /x -> /y, so /y is at depth 3. But /p is slow:
    # /x is first found through / -> /q -> /r -> /x at depth 3, so /y gets depth
    # 4 and max_depth=3 leaves it out. One worker (breadth first) finds it.
    x_fetched = threading.Event()

    def slow_p(url):
        x_fetched.wait(timeout=10)
        return page("/x")

    def x(url):
        x_fetched.set()
        return page("/y")

    pages = {SHOP + "/": page("/p", "/q"), SHOP + "/p": slow_p, SHOP + "/q": page("/r"),
             SHOP + "/r": page("/x"), SHOP + "/x": x}
    assert SHOP + "/y" not in crawl(SHOP + "/", FakeWeb(pages), workers=2, max_depth=3)
    assert SHOP + "/y" in crawl(SHOP + "/", FakeWeb({**pages, SHOP + "/p": page("/x")}), max_depth=3)


def test_a_page_first_found_too_deep_is_fetched_when_a_shorter_path_turns_up():
    # max_depth=2, two workers. /y is first found through / -> /q -> /r -> /y at
    # depth 3 and left alone, unmarked; /p, held until /x (submitted only after
    # /r's links were read) is fetched, then finds it at depth 2.
    x_fetched = threading.Event()

    def slow_p(url):
        x_fetched.wait(timeout=10)
        return page("/y")

    def x(url):
        x_fetched.set()
        return page()

    pages = {SHOP + "/": page("/p", "/q"), SHOP + "/p": slow_p, SHOP + "/q": page("/r", "/x"),
             SHOP + "/r": page("/y"), SHOP + "/x": x, SHOP + "/y": page()}
    result = crawl(SHOP + "/", FakeWeb(pages), workers=2, max_depth=2)
    assert result == {SHOP + p: 200 for p in ["/", "/p", "/q", "/r", "/x", "/y"]}


# Another gap: Crawl-delay is not in RFC 9309, and robotparser reads only a
# whole number of seconds; "Crawl-delay: 2.5" is ignored, so `delay` applies.
def test_robotparser_ignores_a_crawl_delay_that_is_not_a_whole_number():
    clock = FakeClock()
    web = FakeWeb({SHOP + "/robots.txt": (200, "text/plain", "User-agent: *\nCrawl-delay: 2.5\n"),
                   SHOP + "/": page("/a")}, clock=clock)
    crawl(SHOP + "/", web, delay=1.0, clock=clock, sleep=clock.sleep)
    assert [t for _, t in web.times] == [0.0, 1.0, 2.0]


def test_at_level_2_a_fetch_that_raises_ends_the_crawl_with_its_exception():
    # Level 2 has no rule for a failing fetch; ours lets the exception out of
    # crawl, after the pool has waited for the fetch still in flight.
    raised = threading.Event()

    def slow(url):
        raised.wait(timeout=10)
        return page()

    def broken(url):
        raised.set()
        raise ConnectionResetError(f"fake reset for {url}")

    web = FakeWeb({SHOP + "/": page("/slow", "/broken"), SHOP + "/slow": slow, SHOP + "/broken": broken})
    with pytest.raises(ConnectionResetError):
        REFERENCES["level2"](SHOP + "/", web, workers=2)
    assert web.in_flight == 0 and SHOP + "/slow" in web.log


def test_pacing_includes_the_robots_txt_request():
    clock = FakeClock()
    web = FakeWeb({SHOP + "/": page("/a")}, clock=clock)
    crawl(SHOP + "/", web, delay=3.0, clock=clock, sleep=clock.sleep)
    assert [t for _, t in web.times] == [0.0, 3.0, 6.0]


def test_the_pacer_never_hands_out_a_slot_in_the_past():
    pacer, now = Pacer(interval=1.0, last_start=0.0), 0.0
    rng = random.Random(7)
    slots = []
    for _ in range(200):
        now += rng.choice([0.0, 0.3, 2.5])
        slots.append(pacer.next_slot(now))
        assert slots[-1] >= now
    assert all(b - a >= 1.0 for a, b in zip(slots, slots[1:]))


# --- complexity claims --------------------------------------------------------------

@pytest.mark.parametrize("workers", [1, 8])
@pytest.mark.parametrize("seed", range(6))
def test_fetches_are_one_per_page_plus_one_robots_txt(seed, workers):
    site = random_site(seed)
    web = FakeWeb(site.pages)
    result = crawl(SITE + "/", web, workers=workers)
    assert len(web.log) == len(result) + 1
    assert len(set(web.log)) == len(web.log)


def test_a_fully_connected_site_costs_one_fetch_per_page():
    # 60 pages, every page links to every page: 3,600 links, 60 fetches.
    paths = [f"/p{i}" for i in range(59)]
    web = FakeWeb({SHOP + p: page(*paths) for p in ["/", *paths]})
    assert len(crawl(SHOP + "/", web, workers=8)) == 60
    assert len(web.log) == 61


@pytest.mark.parametrize("seed", range(4))
def test_each_html_page_is_parsed_once_and_each_link_normalised_once(monkeypatch, seed):
    from snippets.coding.web_crawler import urls
    fed, normalised = [], []
    real_feed, real_normalise = urls._Anchors.feed, urls.normalise

    def feed(parser, data):
        fed.append(len(data))
        return real_feed(parser, data)

    def normalise_counted(href, base=None):
        normalised.append(href)
        return real_normalise(href, base)

    monkeypatch.setattr(urls._Anchors, "feed", feed)
    monkeypatch.setattr(urls, "normalise", normalise_counted)
    site = random_site(seed)
    result = crawl(SITE + "/", FakeWeb(site.pages), workers=4)
    bodies = [site.pages[url][2] for url in result
              if isinstance(site.pages.get(url), tuple) and site.pages[url][0] == 200
              and "html" in site.pages[url][1]]
    assert sorted(fed) == sorted(len(body) for body in bodies)  # O(B): every byte parsed once
    assert len(normalised) == sum(body.count("<a href=") for body in bodies)  # O(L)


def test_fetches_in_flight_are_bounded_by_workers_on_a_wide_site():
    paths = [f"/p{i}" for i in range(200)]
    web = FakeWeb({SHOP + "/": page(*paths)})
    crawl(SHOP + "/", web, workers=5)
    assert web.max_in_flight <= 5


# --- the fakes --------------------------------------------------------------------

def test_overlapping_sleeps_wake_together_and_sequential_ones_add_up():
    clock = FakeClock()
    clock()
    before, after = threading.Barrier(3, timeout=5), threading.Barrier(3, timeout=5)

    def sleeper():  # all three are alive together, so their thread ids differ
        before.wait()
        clock.sleep(1.0)
        after.wait()

    threads = [threading.Thread(target=sleeper) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert clock() == 1.0 and clock.sleeps == [1.0, 1.0, 1.0]
    clock.sleep(1.0)
    clock.sleep(1.0)
    assert clock.peek() == 3.0


def test_a_rendezvous_that_nobody_joins_gives_up_after_its_patience():
    clock = FakeClock(rendezvous=2, patience_s=0.01)
    clock.sleep(1.0)
    clock.sleep(1.0)
    assert clock() == 2.0


def test_a_negative_sleep_is_refused_like_time_sleep():
    with pytest.raises(ValueError):
        FakeClock().sleep(-1)


def test_a_fake_page_can_be_a_function_of_its_url():
    web = FakeWeb({SHOP + "/echo": lambda url: (200, "text/plain", url)})
    assert web(SHOP + "/echo") == (200, "text/plain", SHOP + "/echo")


# --- starter, practice declaration, budgets, follow-ups, benchmark -------------------

def test_the_starter_fails_loudly_until_the_reader_fills_it_in():
    with pytest.raises(NotImplementedError, match="level 1"):
        starter.crawl(SHOP + "/", FakeWeb({}))


def test_the_reference_passes_the_practice_probe():
    assert PRACTICE["entry"] == "crawl"
    result = crawl(*PRACTICE["probe"])
    assert result == {"http://probe.test/": 200, "http://probe.test/next": 404}
    assert check_outcomes(*PRACTICE["probe"], result) is None


def test_the_page_shows_the_budget_plans():
    text = (ROOT / "docs/coding/web-crawler.md").read_text(encoding="utf-8")
    for plan in (budget.LIVE, budget.SHORT, budget.DESIGN):
        for (part, minutes), (_, done) in zip(plan, budget.checkpoints(plan)):
            assert f"| {part.capitalize()} | {minutes} | {done} |" in text, part


@pytest.mark.parametrize("seed", range(5))
def test_near_duplicates_are_a_few_bits_apart_and_other_pages_far(seed):
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(3000)]
    article = " ".join(rng.choice(words) for _ in range(1000))
    stamped = article + " updated 12:05"
    edited = article.replace(article.split()[500], "edited", 1)
    other = " ".join(rng.choice(words) for _ in range(1000))
    base = followups.simhash(article)
    assert followups.hamming(base, followups.simhash(stamped)) <= 3
    assert followups.hamming(base, followups.simhash(edited)) <= 3
    assert followups.hamming(base, followups.simhash(other)) >= 20
    assert followups.fingerprint(article) != followups.fingerprint(stamped)


@pytest.mark.parametrize(("rules", "path", "allowed"), [
    ("User-agent: *\nDisallow: /a\nAllow: /a/b\n", "/a/b", True),
    ("User-agent: *\nAllow: /a/b\nDisallow: /a\n", "/a/b", True),
    ("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", True),  # a tie goes to Allow
    ("User-agent: *\nDisallow: /*/private/\n", "/x/private/y", False),
    ("User-agent: *\nDisallow: /*/private/\n", "/private/y", True),
    ("User-agent: *\nDisallow:\n", "/anything", True),
    ("User-agent: Other\nDisallow: /\n", "/anything", True),
    ("User-agent: LoopNotesCrawler\nUser-agent: Other\nDisallow: /x\n", "/x", False),
    ("User-agent: *\nDisallow: /\nUser-agent: loopnotescrawler\nAllow: /\n", "/x", True),
    ("Disallow: /orphan-rule\nUser-agent: *\nDisallow: /x # a comment\n", "/x", False),
    ("User-agent: *\nDisallow: /x\n", "/y", True),
])
def test_rfc9309_matching(rules, path, allowed):
    assert followups.rfc9309_allowed(rules, path) is allowed


def test_removing_a_node_moves_only_its_own_hosts():
    hosts = [f"site{i}.test" for i in range(2000)]
    nodes = ["n1", "n2", "n3", "n4"]
    before = {h: followups.owner(h, nodes) for h in hosts}
    after = {h: followups.owner(h, ["n1", "n2", "n4"]) for h in hosts}
    moved = [h for h in hosts if before[h] != after[h]]
    assert all(before[h] == "n3" for h in moved)
    assert sorted(moved) == sorted(h for h in hosts if before[h] == "n3")
    shares = [list(before.values()).count(n) for n in nodes]
    assert all(400 <= share <= 600 for share in shares), shares


def test_the_address_guard_refuses_what_our_own_tests_crawl():
    # The level 3 tests crawl 127.0.0.1, which is why the guard is a follow-up
    # for the fetch, not part of the crawler the tests run.
    assert not followups.safe_to_fetch("127.0.0.1")
    assert not followups.safe_to_fetch("fd00::1")


def test_the_benchmark_crawls_every_page_with_each_worker_count():
    timings = measure(pages=6, latency_s=0.0, workers=(1, 3), delay_s=0.0)
    assert set(timings) == {1, 3} and all(t >= 0 for t in timings.values())
