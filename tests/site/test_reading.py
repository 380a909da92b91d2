"""The page pattern as a reader on a phone meets it: the title and first paragraph on
the first screen, nothing scrolling sideways, and the worked answer hidden until asked
for (but reachable by a link). Every page is checked, chosen by what it contains."""
from __future__ import annotations

import pytest

from hooks.lib.definitions import kinds
from hooks.lib.pages import read_page
from tests.pages import IDS, PAGES, answer_kinds, url_of
from tests.site.browsing import PHONE, open_page

pytestmark = pytest.mark.browser
ANSWER_PAGES = [p for p in PAGES if read_page(p)[0].get("kind") in answer_kinds()]


@pytest.mark.parametrize("source", PAGES, ids=IDS)
def test_on_a_phone_the_first_screen_shows_the_title_and_nothing_scrolls_sideways(visited, source):
    """At 390 x 844: the title and first paragraph fit the first screen; neither the page
    nor any table in it (hints and the answer opened) is wider than the screen. Code
    blocks and diagrams may scroll inside their own box. (tests/site/browsing.py `visit`)"""
    seen = visited(source)
    bottoms = seen.first_screen
    assert bottoms["title"] <= PHONE["height"], "the title is below the first screen"
    assert bottoms["paragraph"] is not None, "no paragraph follows the title"
    assert bottoms["paragraph"] <= PHONE["height"], (
        f"the first paragraph ends at {bottoms['paragraph']:.0f} px, below the first screen")
    assert seen.too_wide == []


@pytest.mark.parametrize("source", ANSWER_PAGES, ids=lambda p: url_of(p))
def test_the_worked_answer_is_hidden_until_the_reader_asks(page, source):
    open_page(page, url_of(source), until="load")
    answer = page.locator("#ln-answer")
    first = answer.locator("h2").first
    assert answer.count() == 1 and not first.is_visible()
    assert page.locator("details.tip").count() >= 2  # the hints come before it, collapsed
    button = page.locator("[data-ln-reveal]")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert first.is_visible() and button.get_attribute("aria-expanded") == "true"
    button.click()
    assert not first.is_visible()


@pytest.mark.parametrize("source", ANSWER_PAGES, ids=lambda p: url_of(p))
def test_a_link_into_the_answer_reveals_it(page, source):
    kind = read_page(source)[0]["kind"]
    open_page(page, url_of(source), until="load")
    last_answer = [h["title"] for h in kinds()[kind]["headings"] if h["answer"]][-1]
    heading = page.locator("#ln-answer h2", has_text=last_answer).first
    target = heading.get_attribute("id")
    open_page(page, url_of(source) + "#" + target, until="load")
    assert heading.is_visible()
