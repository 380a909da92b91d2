"""The page pattern as a reader on a phone meets it: the title and first paragraph on
the first screen, nothing scrolling sideways, and the worked answer hidden until asked
for (but reachable by a link). Every page is checked, chosen by what it contains."""
from __future__ import annotations

import html
import re

import pytest

from hooks.lib.definitions import kinds
from hooks.lib.pages import read_page
from tests.pages import IDS, PAGES, answer_kinds, url_of
from tests.site.browsing import PHONE, open_page

pytestmark = pytest.mark.browser
ANSWER_PAGES = [p for p in PAGES if read_page(p)[0].get("kind") in answer_kinds()]
IDS_OF_ANSWER_PAGES = [IDS[PAGES.index(p)] for p in ANSWER_PAGES]


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


@pytest.mark.parametrize("source", ANSWER_PAGES, ids=IDS_OF_ANSWER_PAGES)
def test_the_worked_answer_is_hidden_until_the_reader_asks(visited, source):
    """On a phone, as loaded: one answer, at least two hints before it, its first heading
    hidden and the button saying so; one click shows it, a second hides it again."""
    seen = visited(source).answer
    assert seen.get("answers") == 1, "no worked answer, or more than one"
    assert seen["hints before it"] >= 2
    # (is the answer's first heading visible, the button's aria-expanded)
    assert [seen["at first"], seen["after a click"], seen["after another"]] == [
        (False, "false"), (True, "true"), (False, "false")]


@pytest.mark.parametrize("source", ANSWER_PAGES, ids=IDS_OF_ANSWER_PAGES)
def test_a_link_into_the_answer_reveals_it(page, site_dir, source):
    """A link to the answer's last heading, opened from elsewhere, shows that heading."""
    kind = read_page(source)[0]["kind"]
    last_answer = [h["title"] for h in kinds()[kind]["headings"] if h["answer"]][-1]
    built = (site_dir / url_of(source) / "index.html").read_text(encoding="utf-8")
    target = re.search(r'<h2\b[^>]*\bid="([^"]+)"[^>]*>' + re.escape(html.escape(last_answer, quote=False)), built)
    assert target, f"no heading {last_answer!r} on the built page"
    open_page(page, url_of(source) + "#" + target[1])
    assert page.locator(f"#{target[1]}").is_visible()
