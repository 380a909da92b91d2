"""Label what is the site's own material, so it never reads as if a source said it.

A heading with the class `ours` (`## What a strong answer covers { .ours }`),
or a section its kind marks `ours: true` in schema/kinds.yml, gets a short note
right under it. An admonition `!!! ours "..."` is styled the same way
(docs/assets/stylesheets/site.css) for a table or a paragraph inside a sourced section.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks.lib.definitions import kinds

NOTE = ('<p class="ln-ours-note"><span class="ln-ours-badge">Our own material</span> '
        'Not reported by any source; written by this site.</p>')
_HEADING = re.compile(r'(<h([23])([^>]*)>.*?</h\2>)', re.S)


def label_own_sections(content: str, own_ids: set[str]) -> str:
    """Add the note under headings with class `ours` or whose id is in `own_ids`.

    >>> label_own_sections('<h2 class="ours" id="a">A</h2><p>x</p><h3 id="b">B</h3>', set()).count("ln-ours-note")
    1
    >>> label_own_sections('<h2 id="hints">Hints</h2>', {"hints"}).endswith(NOTE)
    True
    """
    def note(match: re.Match) -> str:
        ids = re.search(r'\bid="([^"]*)"', match.group(3))
        classes = re.search(r'\bclass="([^"]*)"', match.group(3))
        own = (ids and ids.group(1) in own_ids) or (classes and "ours" in classes.group(1).split())
        return match.group(1) + NOTE if own else match.group(1)

    return _HEADING.sub(note, content)


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    anatomy = kinds().get(page.meta.get("kind"), {}).get("headings", [])
    own_titles = {h["title"] for h in anatomy if h["ours"]}
    own_ids = {item.id for top in page.toc.items for item in [top, *top.children]
               if item.title in own_titles and item.level == 2}
    return label_own_sections(content, own_ids)
