"""Everything a reader does on the site works from the keyboard alone: search, content
tabs, hints, and the worked-answer reveal (the catalog's filters: tests/site/test_catalog.py).
Each test starts from a freshly loaded page and moves focus only with keys."""
from __future__ import annotations

import pytest

from tests.site.browsing import first_page_with, open_page

pytestmark = pytest.mark.browser
MAX_TABS = 400


def tab_until(page, selector: str) -> None:
    """Press Tab until the focused element matches `selector` (fails if it never does)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {selector}")


def test_search_opens_with_a_key_and_a_result_opens_with_enter(page):
    open_page(page, "")
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("makespan")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.closest('.md-search-result__item a')?.pathname")
    assert focused and focused != "/"  # a result, not the page we are on
    page.keyboard.press("Enter")  # instant navigation: no load event, so watch the address
    page.wait_for_function("path => location.pathname === path", arg=focused)
    assert "makespan" in page.locator("article.md-content__inner").inner_text().lower()


def test_content_tabs_switch_with_the_arrow_keys(page, site_dir):
    if 'class="tabbed-set' not in (site_dir / "index.html").read_text(encoding="utf-8"):
        pytest.skip("the home page has no content tabs")
    open_page(page, "")  # the reading paths, one tab per role
    tab_until(page, ".tabbed-set input")
    first = page.evaluate("() => document.activeElement.id")
    page.keyboard.press("ArrowRight")
    now = page.evaluate("() => [document.activeElement.id, document.activeElement.checked]")
    assert now[0] != first and now[1] is True
    block = page.locator(f"#{now[0]}").locator("xpath=..").locator(".tabbed-block").nth(1)
    assert block.is_visible()


def test_a_hint_opens_and_closes_with_enter(page, site_dir):
    open_page(page, first_page_with(site_dir, 'data-ln-reveal'))
    tab_until(page, "details.tip > summary")
    hint = page.evaluate_handle("() => document.activeElement.parentElement")
    assert hint.get_property("open").json_value() is False
    page.keyboard.press("Enter")
    assert hint.get_property("open").json_value() is True
    page.keyboard.press("Enter")
    assert hint.get_property("open").json_value() is False


def test_the_worked_answer_is_revealed_with_the_keyboard(page, site_dir):
    open_page(page, first_page_with(site_dir, 'data-ln-reveal'))
    answer = page.locator("#ln-answer h2").first
    assert not answer.is_visible()
    tab_until(page, "[data-ln-reveal]")
    page.keyboard.press("Enter")
    assert answer.is_visible()
    assert page.locator("[data-ln-reveal]").get_attribute("aria-expanded") == "true"
    page.keyboard.press(" ")
    assert not answer.is_visible()
