"""The site's search, as a reader uses it: typing a round's name finds its round page
first (round pages are boosted in their front matter, see docs/_templates/round.md)."""
from __future__ import annotations

import pytest

from hooks.lib.definitions import label
from hooks.lib.pages import read_page
from tests.pages import PAGES, url_of
from tests.site.browsing import open_page

pytestmark = pytest.mark.browser
ROUND_PAGES = [p for p in PAGES if read_page(p)[0].get("kind") == "round"]


def first_result(page, query: str) -> str:
    """The address of the first search result for `query`, typed into the header's box."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.type(query)
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for()
    # wait until the list answers this query, not the previous one
    page.wait_for_function("q => document.querySelector('.md-search-result__meta')?.textContent"
                           " && document.querySelector('input.md-search__input').value === q", arg=query)
    return first.get_attribute("href")


def test_a_round_name_finds_its_round_page_first(page):
    if not ROUND_PAGES:
        pytest.skip("no round pages yet")
    open_page(page, "")
    wrong = {}
    for source in ROUND_PAGES:
        round_id = read_page(source)[0]["rounds"][0]
        name = label("rounds", round_id)
        href = first_result(page, name)
        if not href.rstrip("/").endswith(url_of(source).rstrip("/")):
            wrong[name] = href
    assert wrong == {}, f"searches whose first result is not the round page: {wrong}"
