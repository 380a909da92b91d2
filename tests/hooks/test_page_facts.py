"""hooks/page_facts.py: the facts line under the title, linked to the tags page."""
import re

from hooks import page_facts
from hooks.lib import trust
from tests.hooks.render import rendered

META = {"kind": "design", "difficulty": "medium", "minutes": 45, "roles": ["swe", "tpm"],
        "rounds": ["system-design"], "topics": ["networking"], "last_reviewed": "2026-11-22",
        "sources": ["prachub-swe-2026", "staff-prep-2026"], "reported_by": ["prachub-swe-2026"]}


def test_the_line_follows_the_title_in_the_promised_order():
    html, page = rendered("# Title\n\nFirst paragraph.\n", META)
    out = page_facts.on_page_content(html, page=page, config=None, files=None)
    line = re.search(r'<h1 id="title">Title</h1>\n<p class="ln-facts">(.*?)</p>', out).group(1)
    texts = [re.sub("<[^>]+>", "", part) for part in line.split(' <span aria-hidden="true">·</span> ')]
    assert texts == ["Design walkthrough", "Medium", "45 min", "Software Engineer",
                     "Technical Program Manager", "System design", "Reviewed 2026-11-22",
                     trust.describe(["prachub-swe-2026"])]


def test_facets_link_to_their_tag_and_confidence_to_its_rule():
    html, page = rendered("# T\n", META)
    out = page_facts.on_page_content(html, page=page, config=None, files=None)
    assert '<a href="../../tags/#tag:role/technical-program-manager">' in out
    assert '<a href="../../about/sources/#how-confidence-is-computed">' in out


def test_confidence_comes_from_reported_by_not_from_every_source_cited():
    facts = dict(page_facts.facts({**META, "reported_by": []}))
    assert trust.OURS in facts


def test_the_home_page_gets_no_line():
    html, page = rendered("# Home\n", {"kind": "home"})
    assert page_facts.on_page_content(html, page=page, config=None, files=None) == html


def test_a_page_with_minutes_but_no_difficulty_shows_its_time_once():
    facts = [text for text, _ in page_facts.facts({"kind": "round", "minutes": 45, "roles": ["swe"],
                                                    "rounds": ["system-design"], "sources": ["prachub-swe-2026"]})]
    assert facts.count("45 min") == 1
    assert facts[:3] == ["Round", "45 min", "Software Engineer"]
