"""Every page as a reader meets it, in headless Chromium: one load per page (a phone,
then a desktop, then a phone again: tests/site/browsing.py `visit`), and what it showed
checked four ways, each reported on its own (pytest's `subtests`):

- **offline**: one title, no request to a host other than 127.0.0.1, no console error;
- **accessibility**: no WCAG 2.1 A or AA violation that axe-core rates serious or
  critical, with the hints and the worked answer open, in either colour scheme (every
  WCAG rule in the light scheme, then colour contrast again in the dark one). axe-core is
  pinned and integrity-checked like the site's libraries (hooks/vendor_assets.py) but
  never published; moderate findings and axe's best-practice rules (such as
  landmark-unique in the theme's nav) are not gated;
- **on a phone** (390 x 844): the title and the first paragraph fit the first screen, and
  neither the page nor any table in it (hints and answer open) is wider than the screen;
  code blocks and diagrams may scroll inside their own box;
- **the worked answer**, on pages that have one: hidden at first, with at least two hints
  before it; one click of its button shows it, a second hides it again.

One test per page, rather than one per check, so that parallel workers never load a
page twice.
"""
from __future__ import annotations

import pytest

from hooks.lib.pages import read_page
from tests.pages import IDS, PAGES, answer_kinds, url_of
from tests.site.browsing import PHONE, visit

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("source", PAGES, ids=IDS)
def test_a_reader_meets_the_page(tab, source, subtests):
    seen = visit(tab, url_of(source))
    with subtests.test("offline"):
        assert seen.first_screen["titles"] == 1
        assert seen.outside == [], f"requests left 127.0.0.1: {seen.outside}"
        assert seen.console_errors == [], f"console errors: {seen.console_errors}"
    with subtests.test("accessibility"):
        assert seen.axe == {"light": [], "dark": []}
    with subtests.test("on a phone"):
        bottoms = seen.first_screen
        assert bottoms["title"] <= PHONE["height"], "the title is below the first screen"
        assert bottoms["paragraph"] is not None, "no paragraph follows the title"
        assert bottoms["paragraph"] <= PHONE["height"], (
            f"the first paragraph ends at {bottoms['paragraph']:.0f} px, below the first screen")
        assert seen.too_wide == []
    if read_page(source)[0].get("kind") in answer_kinds():
        with subtests.test("the worked answer"):
            answer = seen.answer
            assert answer.get("answers") == 1, "no worked answer, or more than one"
            assert answer["hints before it"] >= 2
            # (is the answer's first heading visible, the button's aria-expanded)
            assert [answer["at first"], answer["after a click"], answer["after another"]] == [
                (False, "false"), (True, "true"), (False, "false")]
