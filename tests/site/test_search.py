"""The site's search, as a reader uses it: a round's name finds its round page first
(round pages are boosted in their front matter, see docs/_templates/round.md, and tags
split on "/" as well as spaces, see mkdocs.yml)."""
from __future__ import annotations

from urllib.parse import quote_plus, urlsplit

import pytest

from hooks.lib.definitions import label
from hooks.lib.pages import read_page
from tests.pages import PAGES, url_of

pytestmark = pytest.mark.browser
ROUND_PAGES = [p for p in PAGES if read_page(p)[0].get("kind") == "round"]


def first_result(page, query: str) -> str:
    """The site path of the first result for `query`, opened the way a shared search link
    opens it (`?q=`, Material's search.share), so the list is drawn once, for the whole query."""
    page.goto(f"{page.base_url}?q={quote_plus(query)}")
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for()
    path = urlsplit(first.evaluate("a => a.href")).path
    return path.removeprefix(urlsplit(page.base_url).path)


def test_a_round_name_finds_its_round_page_first(page):
    if not ROUND_PAGES:
        pytest.skip("no round pages yet")
    expected = {label("rounds", read_page(s)[0]["rounds"][0]): url_of(s) for s in ROUND_PAGES}
    found = {name: first_result(page, name) for name in expected}
    wrong = {name: path for name, path in found.items() if path != expected[name]}
    assert wrong == {}, f"searches whose first result is not the round page: {wrong}"
