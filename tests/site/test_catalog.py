"""The catalog as a reader uses it (hooks/catalog.py, docs/assets/javascripts/catalog.js):
filtered and sorted with the keyboard alone, announced to a screen reader, shared by its
address, and working after instant navigation."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from hooks.lib import listing
from hooks.lib.definitions import DOCS
from tests.site.browsing import go_instantly, open_page

pytestmark = pytest.mark.browser
ENTRIES = listing.rows(DOCS)


def visible_titles(page) -> list[str]:
    return page.locator(".ln-catalog--all tbody tr:not([hidden]) td:first-child").all_inner_texts()


def expected(role: str = "", words: str = "") -> list[dict]:
    return [e for e in ENTRIES if (not role or role in e.get("roles", []))
            and all(w.lower() in e["title"].lower() for w in words.split())]


def test_filters_and_sorting_work_from_the_keyboard_alone(page):
    open_page(page, "catalog/")
    status = page.locator(".ln-catalog--all [role=status]")
    assert status.inner_text() == f"All {len(ENTRIES)} problems shown."
    page.locator(".ln-filter input[name=q]").focus()  # where a reader's Tab lands first in the form
    page.keyboard.type("level")
    wanted = expected(words="level")
    assert 0 < len(wanted) < len(ENTRIES)
    assert sorted(visible_titles(page)) == sorted(e["title"] for e in wanted)
    assert status.inner_text() == f"{len(wanted)} of {len(ENTRIES)} problems shown."
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    # Tab to the Kind select, then to Difficulty, then Roles; choose a role with the arrows
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.name") == "roles"
    page.keyboard.press("ArrowDown")
    role = page.evaluate("() => document.activeElement.value")
    assert role and status.inner_text() == f"{len(expected(role))} of {len(ENTRIES)} problems shown."
    assert sorted(visible_titles(page)) == sorted(e["title"] for e in expected(role))
    # sort by title with the header's button: Enter, then Enter again to reverse
    button = page.locator(".ln-catalog--all th button[data-sort=title]")
    button.focus()
    page.keyboard.press("Enter")
    titles = visible_titles(page)
    assert titles == sorted(titles, key=str.lower)
    assert button.locator("xpath=..").get_attribute("aria-sort") == "ascending"
    page.keyboard.press("Enter")
    assert visible_titles(page) == titles[::-1]
    assert button.locator("xpath=..").get_attribute("aria-sort") == "descending"
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"roles": [role], "sort": ["title"], "order": ["descending"]}


def test_a_shared_address_opens_the_same_view(page):
    open_page(page, "catalog/?roles=tpm&sort=difficulty&order=ascending")
    assert page.locator(".ln-filter select[name=roles]").input_value() == "tpm"
    rows = page.locator(".ln-catalog--all tbody tr:not([hidden])")
    ranks = rows.evaluate_all("rows => rows.map(r => r.dataset.rank)")
    assert len(ranks) == len(expected("tpm"))
    ranked = [r for r in ranks if r]
    assert ranked == sorted(ranked) and ranks[:len(ranked)] == ranked  # unranked rows last


def test_clear_shows_everything_again(page):
    open_page(page, "catalog/?difficulty=hard&q=x")
    page.locator(".ln-filter button[type=reset]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search")
    assert len(visible_titles(page)) == len(ENTRIES)


def test_the_filters_work_after_instant_navigation(page):
    open_page(page, "")
    go_instantly(page, "catalog/")
    form = page.locator(".ln-filter")
    assert form.is_visible()
    form.locator("select[name=roles]").select_option("staff")
    assert sorted(visible_titles(page)) == sorted(e["title"] for e in expected("staff"))
