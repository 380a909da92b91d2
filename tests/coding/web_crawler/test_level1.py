"""Level 1: one page at a time, breadth first, one site. One test per rule of
the page's problem statement, then random sites compared with a naive model.

Runs against every reference state (level1.py, level2.py, solution.py), or
against a reader's file with `python3 dev.py practice web-crawler --impl FILE`.
Every test calls `crawl(start_url, fetch)` with a fake web (no network).
A request for robots.txt is ignored here: level 3 adds it.
"""
import pytest

from snippets.coding.web_crawler.fakes import FakeWeb, page
from tests.coding.web_crawler.checks import pages_fetched
from tests.coding.web_crawler.oracle import SITE, random_site

LEVEL = 1
SHOP = "http://shop.test"


def test_our_worked_example(crawl):
    web = FakeWeb({
        SHOP + "/": page("/shoes", "bags/", "/shoes#reviews", "mailto:sales@shop.test",
                         "http://elsewhere.test/"),
        SHOP + "/shoes": page("/", "bags/"),
        SHOP + "/bags/": page("../shoes", "small"),
    })
    assert crawl("http://Shop.Test/", web) == {
        SHOP + "/": 200, SHOP + "/shoes": 200, SHOP + "/bags/": 200, SHOP + "/bags/small": 404}
    assert pages_fetched(web.log) == [SHOP + "/", SHOP + "/shoes", SHOP + "/bags/", SHOP + "/bags/small"]


def test_a_site_of_one_page(crawl):
    assert crawl(SHOP + "/", FakeWeb({SHOP + "/": page()})) == {SHOP + "/": 200}


def test_each_page_is_fetched_once_however_often_it_is_linked(crawl):
    everyone = ["/", "/a", "/b", "/c", "/a", "/b"]
    web = FakeWeb({SHOP + p: page(*everyone) for p in ["/", "/a", "/b", "/c"]})
    assert set(crawl(SHOP + "/", web)) == {SHOP + p for p in ["/", "/a", "/b", "/c"]}
    assert max(web.counts().values()) == 1


def test_a_cycle_ends(crawl):
    web = FakeWeb({SHOP + "/": page("/a"), SHOP + "/a": page("/b"), SHOP + "/b": page("/")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 200, SHOP + "/b": 200}


def test_pages_are_fetched_breadth_first_in_the_order_links_were_found(crawl):
    # Depth first would fetch /a, then /a/1, before /b.
    web = FakeWeb({SHOP + "/": page("/a", "/b", "/c"), SHOP + "/a": page("/a/1", "/a/2"),
                   SHOP + "/b": page("/b/1", "/a/1"), SHOP + "/a/1": page("/deep")})
    crawl(SHOP + "/", web)
    assert pages_fetched(web.log) == [SHOP + p for p in
                                      ["/", "/a", "/b", "/c", "/a/1", "/a/2", "/b/1", "/deep"]]


def test_every_fetched_page_is_in_the_result_with_its_status(crawl):
    web = FakeWeb({SHOP + "/": page("/gone", "/broken", "/moved", "/teapot"),
                   SHOP + "/broken": (500, "text/html", ""), SHOP + "/moved": (301, "text/html", ""),
                   SHOP + "/teapot": (418, "text/plain", "")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/gone": 404, SHOP + "/broken": 500,
                                      SHOP + "/moved": 301, SHOP + "/teapot": 418}


def test_the_start_url_is_normalised_too(crawl):
    web = FakeWeb({SHOP + "/": page()})
    assert crawl("HTTP://SHOP.test:80", web) == {SHOP + "/": 200}
    assert web.log[-1] == SHOP + "/"


def test_a_fragment_does_not_make_another_page(crawl):
    web = FakeWeb({SHOP + "/": page("/a#top", "/a#bottom", "#self", "/a")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404}
    assert max(web.counts().values()) == 1


@pytest.mark.parametrize(("page_path", "href", "target"), [
    ("/docs/guide/", "intro", "/docs/guide/intro"),
    ("/docs/guide", "intro", "/docs/intro"),
    ("/docs/guide/", "../api", "/docs/api"),
    ("/docs/guide/", "./", "/docs/guide/"),
    ("/docs/guide/", "/top", "/top"),
    ("/docs/guide/", "?page=2", "/docs/guide/?page=2"),
    ("/docs/guide/", "//shop.test/x", "/x"),
    ("/docs/guide/", "../../../..", "/"),
])
def test_relative_links_resolve_against_the_url_of_their_page(crawl, page_path, href, target):
    web = FakeWeb({SHOP + "/": page(page_path), SHOP + page_path: page(href)})
    assert SHOP + target in crawl(SHOP + "/", web)


def test_a_trailing_slash_makes_a_different_page(crawl):
    web = FakeWeb({SHOP + "/": page("/a", "/a/"), SHOP + "/a": page(), SHOP + "/a/": page()})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 200, SHOP + "/a/": 200}


def test_the_root_is_one_page_with_or_without_its_slash(crawl):
    web = FakeWeb({SHOP + "/": page("http://shop.test", "/", "http://shop.test/")})
    assert crawl(SHOP, web) == {SHOP + "/": 200}
    assert pages_fetched(web.log) == [SHOP + "/"]


def test_dot_segments_are_removed_from_absolute_links_too(crawl):
    web = FakeWeb({SHOP + "/": page("http://shop.test/x/../y", "/p/./q", "http://shop.test/y")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/y": 404, SHOP + "/p/q": 404}


def test_scheme_and_host_ignore_case_and_the_default_port_is_dropped(crawl):
    web = FakeWeb({SHOP + "/": page("HTTP://SHOP.TEST/a", "http://shop.test:80/a", "http://Shop.Test/a")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404}


def test_path_and_query_are_kept_as_written(crawl):
    web = FakeWeb({SHOP + "/": page("/A", "/a", "/s?b=2&a=1", "/s?a=1&b=2")})
    assert set(crawl(SHOP + "/", web)) == {SHOP + p for p in ["/", "/A", "/a", "/s?b=2&a=1", "/s?a=1&b=2"]}


@pytest.mark.parametrize("elsewhere", [
    "http://other.test/", "https://shop.test/", "http://shop.test:8080/", "http://www.shop.test/",
    "//other.test/x"])
def test_links_to_another_site_are_not_followed(crawl, elsewhere):
    web = FakeWeb({SHOP + "/": page(elsewhere)})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200}
    assert pages_fetched(web.log) == [SHOP + "/"]


def test_the_site_is_the_start_urls_site_whatever_it_is(crawl):
    start = "https://shop.test:8443"
    web = FakeWeb({start + "/": page("/a", "http://shop.test/b"), start + "/a": page()})
    assert crawl(start + "/", web) == {start + "/": 200, start + "/a": 200}


@pytest.mark.parametrize("href", ["mailto:sales@shop.test", "javascript:void(0)", "tel:+100",
                                  "ftp://shop.test/f", "data:text/html,hi"])
def test_links_that_are_not_http_are_skipped(crawl, href):
    web = FakeWeb({SHOP + "/": page(href)})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200}


@pytest.mark.parametrize("href", ["http://shop.test:abc/", "http://shop.test:99999/", "http://[::1/x"])
def test_a_malformed_link_is_skipped_and_the_crawl_goes_on(crawl, href):
    web = FakeWeb({SHOP + "/": page(href, "/next")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/next": 404}


def test_spaces_around_a_link_are_ignored(crawl):
    web = FakeWeb({SHOP + "/": page("  /a\n", "/a")})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/a": 404}


@pytest.mark.parametrize("content_type", ["text/html", "text/html; charset=utf-8", "TEXT/HTML",
                                          "application/xhtml+xml"])
def test_html_pages_are_parsed_whatever_the_case_and_parameters(crawl, content_type):
    web = FakeWeb({SHOP + "/": (200, content_type, '<a href="/a">a</a>')})
    assert SHOP + "/a" in crawl(SHOP + "/", web)


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "image/png", ""])
def test_links_in_pages_that_are_not_html_are_not_followed(crawl, content_type):
    web = FakeWeb({SHOP + "/": page("/notes"), SHOP + "/notes": (200, content_type, '<a href="/x">x</a>')})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/notes": 200}


@pytest.mark.parametrize("status", [301, 404, 410, 500, 503])
def test_links_on_an_unsuccessful_page_are_not_followed(crawl, status):
    web = FakeWeb({SHOP + "/": page("/bad"), SHOP + "/bad": (status, "text/html", '<a href="/x">x</a>')})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/bad": status}


def test_links_on_any_2xx_html_page_are_followed(crawl):
    web = FakeWeb({SHOP + "/": (203, "text/html", '<a href="/x">x</a>')})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 203, SHOP + "/x": 404}


def test_only_the_href_of_an_a_element_is_a_link(crawl):
    body = ('<link href="/style.css"><img src="/logo.png"><script src="/app.js"></script>'
            '<a name="anchor-only">no href</a><A HREF="/upper">upper case</A>'
            '<a href="/s?x=1&amp;y=2">an entity</a>')
    web = FakeWeb({SHOP + "/": (200, "text/html", body)})
    assert crawl(SHOP + "/", web) == {SHOP + "/": 200, SHOP + "/upper": 404, SHOP + "/s?x=1&y=2": 404}


@pytest.mark.parametrize("seed", range(25))
def test_agrees_with_a_naive_model_on_random_sites(crawl, seed):
    site = random_site(seed)
    web = FakeWeb(site.pages)
    expected, order = site.expected()
    assert crawl(SITE + "/", web) == expected
    assert pages_fetched(web.log) == order
