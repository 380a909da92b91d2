"""The built site in headless Chromium, served on 127.0.0.1, as a reader meets it.

Every test runs through the `page` fixture (tests/site/conftest.py), which aborts and
records any request to a host other than 127.0.0.1 and fails the test if there was
one, or any console error. Screenshots land in test-artifacts/.
"""
from __future__ import annotations

import pytest

from hooks import pagemeta
from tests.site.browsing import open_page, url_of

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("source", list(pagemeta.pages()), ids=url_of)
def test_every_page_loads_offline_without_console_errors(page, source):
    open_page(page, url_of(source))
    assert page.locator("article h1").count() == 1
    # the fixture's teardown asserts: no request left 127.0.0.1, no console error


def test_the_home_page_renders_and_says_it_is_unofficial(page):
    open_page(page, "")
    assert page.title().startswith("Loop Notes")
    assert page.locator(".unofficial").is_visible()
    assert "not affiliated" in page.locator(".unofficial").inner_text()
    assert "not affiliated with or endorsed by Anthropic" in page.locator("footer").inner_text()
    assert page.locator(".grid.cards li").count() >= 4


def test_search_finds_the_page_about_a_term(page):
    open_page(page, "")
    page.locator("input.md-search__input").click()
    page.keyboard.type("makespan")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("stream-file-to-1000-hosts" in h for h in hrefs), hrefs


def test_a_mermaid_diagram_renders_to_svg(page):
    open_page(page, "design/stream-file-to-1000-hosts/")
    svg = page.locator(".mermaid svg").first  # shadow root forced open by the fixture
    svg.wait_for(timeout=15_000)
    assert "Object store" in svg.text_content()
    assert svg.bounding_box()["height"] > 100


def test_diagrams_and_math_also_render_after_instant_navigation(page):
    """Instant navigation swaps the page without a reload; the libraries that only some
    pages load (overrides/main.html) must still arrive and run."""
    open_page(page, "")
    page.locator(".grid.cards a", has_text="Streaming a very large file").click()
    page.wait_for_url("**/design/stream-file-to-1000-hosts/")
    page.locator(".mermaid svg").first.wait_for(timeout=15_000)
    page.locator(".md-nav a", has_text="Makespan against chunk size").first.click()
    page.wait_for_url("**/notebooks/makespan-vs-chunk-size/")
    page.locator(".katex-display").first.wait_for(timeout=10_000)


def test_math_renders_with_katex(page):
    open_page(page, "notebooks/makespan-vs-chunk-size/")
    page.locator(".katex").first.wait_for(timeout=10_000)
    assert page.locator(".katex-display").count() >= 2
    assert "$$" not in page.locator(".jupyter-wrapper").inner_text()


def test_the_notebook_page_shows_its_plot(page):
    open_page(page, "notebooks/makespan-vs-chunk-size/")
    plot = page.locator(".jp-OutputArea-output img[src^='data:image/png']").first
    plot.scroll_into_view_if_needed()
    assert plot.evaluate("img => img.complete && img.naturalWidth > 300")


def test_dark_mode_toggles(page):
    open_page(page, "")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    light = body.evaluate("b => getComputedStyle(b).backgroundColor")
    page.locator("[title='Switch to dark mode']").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert body.evaluate("b => getComputedStyle(b).backgroundColor") != light


def test_code_blocks_have_copy_buttons_and_annotations(page):
    open_page(page, "coding/in-memory-database/")
    assert page.locator("button[title='Copy to clipboard']").count() >= 8
    annotation = page.locator(".md-annotation").first
    assert annotation.locator(".md-tooltip").is_hidden()
    annotation.locator(".md-annotation__index").scroll_into_view_if_needed()
    annotation.locator(".md-annotation__index").click(force=True)  # the marker pulses
    assert "half-open" in annotation.locator(".md-tooltip").inner_text()


def test_hints_are_collapsed_until_opened(page):
    open_page(page, "coding/in-memory-database/")
    hint = page.locator("details.tip").first
    assert hint.get_attribute("open") is None
    hint.locator("summary").click()
    assert hint.get_attribute("open") is not None
