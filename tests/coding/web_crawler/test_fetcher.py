"""UrlFetcher, the real fetch, against a server on 127.0.0.1 started by each
test (tests/coding/web_crawler/server.py). Our code only: a reader's crawler
is handed a fetch and never needs to write one."""
import time

import pytest

from snippets.coding.web_crawler.fetcher import USER_AGENT, UrlFetcher
from tests.coding.web_crawler.server import DROP, HANG, LocalSite, closed_port

ANSWERS_WITHIN_S = 30  # a local page answers at once; a short limit could only flake on a busy machine

ROUTES = {
    "/": (200, "text/html; charset=utf-8", '<a href="/a">café</a>'),
    "/latin": (200, "text/html; charset=latin-1", "café".encode("latin-1")),
    "/gone": (404, "text/html", "<p>gone</p>"),
    "/broken": (500, "text/plain", "boom"),
    "/moved": ("redirect", 301, "/"),
    "/big": (200, "text/plain", "x" * 300_000),
    "/slow": HANG,
    "/drop": DROP,
}


@pytest.fixture
def site():
    with LocalSite(ROUTES) as running:
        yield running


def test_a_page_comes_back_as_status_type_and_text(site):
    got = UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + "/")
    assert got == (200, "text/html; charset=utf-8", '<a href="/a">café</a>')


def test_the_charset_of_the_page_is_used(site):
    assert UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + "/latin")[2] == "café"


@pytest.mark.parametrize(("path", "status"), [("/gone", 404), ("/broken", 500), ("/moved", 301)])
def test_an_error_status_is_an_answer_not_an_exception(site, path, status):
    got = UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + path)
    assert got[0] == status and got[2] == ""


def test_a_redirect_is_not_followed(site):
    UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + "/moved")
    assert site.paths() == ["/moved"]


def test_it_says_who_it_is(site):
    UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + "/")
    assert site.requests[0][2] == USER_AGENT


def test_a_page_that_never_answers_times_out(site):
    began = time.monotonic()
    with pytest.raises(TimeoutError):
        UrlFetcher(timeout=0.3)(site.origin + "/slow")
    assert time.monotonic() - began < 5


def test_the_time_limit_covers_the_whole_body_not_each_read(site):
    ticks = iter([0.0, 100.0])  # the clock jumps past the deadline while the body is read
    with pytest.raises(TimeoutError, match="no complete answer"):
        UrlFetcher(timeout=10, clock=lambda: next(ticks))(site.origin + "/big")


def test_a_dropped_connection_is_an_error_but_not_a_timeout(site):
    with pytest.raises(OSError) as caught:
        UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + "/drop")
    assert not isinstance(caught.value, TimeoutError)


def test_a_refused_connection_raises_connection_refused():
    with pytest.raises(ConnectionRefusedError):
        UrlFetcher(timeout=ANSWERS_WITHIN_S)(f"http://127.0.0.1:{closed_port()}/")


def test_a_url_urllib_cannot_open_is_a_connection_error():
    with pytest.raises(ConnectionError, match="unknown url type"):
        UrlFetcher(timeout=ANSWERS_WITHIN_S)("nope://shop.test/")


def test_the_body_is_capped(site):
    status, _, body = UrlFetcher(timeout=ANSWERS_WITHIN_S, max_bytes=100_000)(site.origin + "/big")
    assert status == 200 and len(body) == 100_000


def test_a_proxy_in_the_environment_is_ignored(site, monkeypatch):
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{closed_port()}")
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{closed_port()}")
    assert UrlFetcher(timeout=ANSWERS_WITHIN_S)(site.origin + "/")[0] == 200
