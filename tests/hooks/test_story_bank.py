"""hooks/story_bank.py: a page's questions from its front matter, and the story-bank
worksheet (Markdown and CSV) gathered from every page that has questions."""
from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import story_bank
from hooks.lib import listing, markers
from hooks.lib.definitions import DOCS
from hooks.lib.pages import read_page
from tests.hooks.render import rendered
from tests.pages import IDS, PAGES

PAGE = """---
title: {title}
kind: behavioral
roles: [swe]
rounds: [{round}]
questions: {questions}
---
# {title}
"""


def config(docs, site, site_url="https://example.org/notes/"):
    return SimpleNamespace(docs_dir=str(docs), site_dir=str(site), site_url=site_url,
                           use_directory_urls=True)


@pytest.fixture
def docs(tmp_path):
    """Two pages with questions (titles out of order) and one catalogued page without."""
    folder = tmp_path / "docs" / "behavioral"
    folder.mkdir(parents=True)
    (folder / "b.md").write_text(PAGE.format(title="Beta", round="values",
                                             questions='["Why this team, and why now?", "What would you change first?"]'))
    (folder / "a.md").write_text(PAGE.format(title="Alpha, with a comma", round="hiring-manager",
                                             questions='["Tell me about a time, with \\"quotes\\", that you were wrong."]'))
    (tmp_path / "docs" / "coding").mkdir()
    (tmp_path / "docs" / "coding" / "c.md").write_text("---\ntitle: Code\nkind: coding\n---\n# Code\n")
    return tmp_path / "docs"


def test_the_questions_marker_becomes_the_pages_numbered_questions_and_nothing_else_changes(docs):
    _, page = rendered("", {"questions": ["First question here?", "Second one?"]})
    out = story_bank.on_page_markdown("before\n\n<!-- ln:questions -->\n\nafter <!-- ln:sources -->",
                                      page=page, config=config(docs, docs.parent / "site"), files=None)
    assert out == "before\n\n1. First question here?\n2. Second one?\n\nafter <!-- ln:sources -->"


def test_the_questions_marker_on_a_page_without_questions_fails_the_build(docs):
    _, page = rendered("", {"title": "No questions"}, src_uri="behavioral/x.md")
    with pytest.raises(PluginError, match="behavioral/x.md"):
        story_bank.on_page_markdown("<!-- ln:questions -->", page=page,
                                    config=config(docs, docs.parent / "site"), files=None)


def test_only_pages_with_questions_are_gathered_each_with_its_address_on_the_site(docs):
    found = story_bank.entries(config(docs, docs.parent / "site"))
    assert [(e["title"], e["url"]) for e in found] == [
        ("Alpha, with a comma", "https://example.org/notes/behavioral/a/"),
        ("Beta", "https://example.org/notes/behavioral/b/")]


def test_the_csv_has_one_row_per_question_that_a_spreadsheet_reads_back(docs):
    text = story_bank.worksheet_csv(story_bank.entries(config(docs, docs.parent / "site")))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["Page"], r["No."], r["Question"]) for r in rows] == [
        ("Alpha, with a comma", "1", 'Tell me about a time, with "quotes", that you were wrong.'),
        ("Beta", "1", "Why this team, and why now?"),
        ("Beta", "2", "What would you change first?")]
    assert rows[0]["Rounds"] == "Hiring manager conversation" and rows[1]["Roles"] == "Software Engineer"
    assert rows[2]["Address"] == "https://example.org/notes/behavioral/b/"
    assert all(r[c] == "" for r in rows for c in story_bank.READER_COLUMNS)
    assert "Difficulty" not in rows[0]  # no page with questions has one


def test_the_markdown_worksheet_has_story_slots_then_every_question_under_its_page(docs):
    text = story_bank.worksheet_markdown(story_bank.entries(config(docs, docs.parent / "site")), "https://x/")
    assert text.count("\n### S") == story_bank.STORY_SLOTS
    assert "3 questions from 2 pages" in text
    alpha, beta = text.index("### Alpha, with a comma"), text.index("### Beta")
    assert text.index("## My stories") < text.index("## The questions") < alpha < beta
    assert text.index("2. What would you change first?\n    - Best story:") > beta
    assert "https://example.org/notes/behavioral/b/ · Software Engineer · Values and behavioral" in text


def test_the_build_writes_both_files_into_the_site_and_a_new_page_adds_its_questions(docs, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    story_bank.on_post_build(config(docs, site))
    before = (site / "story-bank.csv").read_text(encoding="utf-8-sig")
    (docs / "behavioral" / "c.md").write_text(PAGE.format(title="Gamma", round="values",
                                                          questions='["A question only Gamma asks?"]'))
    story_bank.on_post_build(config(docs, site))
    after = (site / "story-bank.csv").read_text(encoding="utf-8-sig")
    assert "A question only Gamma asks?" not in before and "A question only Gamma asks?" in after
    assert "A question only Gamma asks?" in (site / "story-bank.md").read_text(encoding="utf-8")
    assert (site / "story-bank.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_story_bank_marker_links_both_files_relative_to_the_page(docs):
    _, page = rendered("", {}, src_uri="behavioral/index.md", url="behavioral/")
    out = story_bank.on_page_markdown("<!-- ln:story-bank -->", page=page,
                                      config=config(docs, docs.parent / "site"), files=None)
    assert 'href="../story-bank.md" download' in out and 'href="../story-bank.csv" download' in out
    assert "same 3 questions from 2 pages" in out


def test_every_page_of_the_site_with_questions_shows_them_with_the_marker():
    with_questions = [e["path"] for e in listing.rows(DOCS) if e.get("questions")]
    for path in with_questions:
        _, body = read_page(DOCS / path)
        assert ("questions", []) in markers.find(body), f"{path}: add <!-- ln:questions -->"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_no_page_without_questions_uses_the_marker(page):
    meta, body = read_page(page)
    if not meta.get("questions"):
        assert ("questions", []) not in markers.find(body)
