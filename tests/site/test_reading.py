"""A link into a page's worked answer, followed from elsewhere, reveals the answer (on
every page that has one). The rest of the page as a reader meets it (the first screen on
a phone, nothing scrolling sideways, the answer hidden until asked for) is checked in
tests/site/test_pages.py."""
from __future__ import annotations

import html
import re

import pytest

from hooks.lib.definitions import kinds
from hooks.lib.pages import read_page
from tests.pages import IDS, PAGES, answer_kinds, url_of
from tests.site.browsing import open_page

pytestmark = pytest.mark.browser
ANSWER_PAGES = [p for p in PAGES if read_page(p)[0].get("kind") in answer_kinds()]
IDS_OF_ANSWER_PAGES = [IDS[PAGES.index(p)] for p in ANSWER_PAGES]


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
