"""The story bank: the questions behavioral pages list in front matter, shown and downloadable.

A page names the interview questions it covers in its front matter (`questions:`,
schema/kinds.yml), in our own words. From that one list:

* `<!-- ln:questions -->` shows the page's own questions, numbered;
* `story-bank.md` and `story-bank.csv`, written into the built site, gather the
  questions of every catalogued page that has some (hooks/lib/listing.py), with room
  to map the reader's own stories to each, so a new page adds its questions there;
* `<!-- ln:story-bank -->` links to both files, relative to the page, so they are
  served by the site itself and work offline.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks.lib import listing, markers
from hooks.lib.definitions import as_list, facets, label

FILES = {"story-bank.md": "Markdown", "story-bank.csv": "CSV"}
STORY_SLOTS = 6  # the Staff prep guide suggests drafting four or five stories; room for six
READER_COLUMNS = ["Best story", "Backup story", "Notes"]  # left empty for the reader


def numbered(questions: list[str]) -> str:
    """A page's questions as a numbered Markdown list.

    >>> print(numbered(["Why this team?", "Why now?"]))
    1. Why this team?
    2. Why now?
    """
    return "\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1))


def entries(config: MkDocsConfig) -> list[dict]:
    """Every catalogued page with questions, with `url`: its address on the site."""
    found = [e for e in listing.rows(Path(config.docs_dir)) if e.get("questions")]
    for e in found:
        page = File(e["path"], config.docs_dir, config.site_dir, config.use_directory_urls)
        e["url"] = urljoin(config.site_url or "", page.url)
    return found


def facet_cells(entry: dict) -> dict[str, str]:
    """The page's facets (schema/taxonomy.yml) as labels, by catalog column; empty ones left out.

    >>> facet_cells({"roles": ["swe", "tpm"], "topics": ["testing"]})
    {'Roles': 'Software Engineer; Technical Program Manager', 'Topics': 'Testing'}
    """
    cells = {f["column"]: "; ".join(label(f["vocabulary"], v) for v in as_list(entry.get(f["field"])))
             for f in facets()}
    return {column: text for column, text in cells.items() if text}


def worksheet_csv(found: list[dict]) -> str:
    """One row per question: the page, the question, the page's facets, its address,
    and the reader's columns left empty."""
    shown = [f["column"] for f in facets() if any(f["field"] in e for e in found)]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Page", "No.", "Question", *shown, "Address", *READER_COLUMNS])
    for e in found:
        cells = facet_cells(e)
        for n, question in enumerate(e["questions"], start=1):
            writer.writerow([e["title"], n, question, *(cells.get(c, "") for c in shown), e["url"],
                             *[""] * len(READER_COLUMNS)])
    return out.getvalue()


def worksheet_markdown(found: list[dict], site_url: str) -> str:
    """Story slots to fill in, then every question with room for the stories that answer it."""
    count = sum(len(e["questions"]) for e in found)
    lines = ["# Story bank", "",
             f"An unofficial worksheet from Loop Notes ({site_url}), generated from the questions on its",
             f"behavioral pages: {count} questions from {len(found)} pages. Not affiliated with Anthropic.", "",
             "1. Fill in the story slots with real situations of your own.",
             "2. Under each question, write the slot that answers it best, and a backup.",
             "3. A question with no story is a gap: find one, or be ready to say plainly that you have",
             "   not faced it and how you would go about it.", "", "## My stories", ""]
    for slot in range(1, STORY_SLOTS + 1):
        lines += [f"### S{slot}", "", "- Title:", "- When, where, and my role:",
                  "- Situation, and what was at stake:", "- What I did (I, not we):",
                  "- Result I can defend three questions deep:",
                  "- What it cost, and what I would do differently:", ""]
    lines += ["## The questions", ""]
    for e in found:
        lines += [f"### {e['title']}", "", " · ".join([e["url"], *facet_cells(e).values()]), ""]
        for n, question in enumerate(e["questions"], start=1):
            lines += [f"{n}. {question}", "    - Best story:", "    - Backup:", "    - Notes:", ""]
    return "\n".join(lines)


def links(found: list[dict], page_url: str) -> str:
    """The download links, relative to the page, and what the files hold."""
    count = sum(len(e["questions"]) for e in found)
    anchors = " ".join(f'<a class="md-button" href="{get_relative_url(name, page_url)}" download>'
                       f"Story bank ({form})</a>" for name, form in FILES.items())
    return (f'<p class="ln-story-bank">{anchors}</p>\n\n'
            f"Both files hold the same {count} questions from {len(found)} pages.")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    def own(_: list[str]) -> str:
        if not page.meta.get("questions"):
            raise PluginError(f"{page.file.src_uri}: <!-- ln:questions --> on a page with no `questions`")
        return numbered(page.meta["questions"])

    markdown = markers.replace(markdown, "questions", own)
    return markers.replace(markdown, "story-bank", lambda _: links(entries(config), page.url))


def on_post_build(config: MkDocsConfig) -> None:
    found = entries(config)
    markdown, table = FILES
    site = Path(config.site_dir)
    (site / markdown).write_text(worksheet_markdown(found, config.site_url or ""), encoding="utf-8")
    # utf-8-sig: a byte-order mark, so spreadsheet programs read dashes and quotes right
    (site / table).write_text(worksheet_csv(found), encoding="utf-8-sig", newline="")
