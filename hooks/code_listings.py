"""Whole-file listings show no stray annotation markers.

Code annotations live in the snippet files as `# (1)!` comments; Material turns
them into clickable markers when a numbered list follows the code block. A page
that also shows a whole file (the complete reference of a coding problem) repeats
those comments with no list after them, where they would read as `# (1)!`. This
hook removes marker comments from every code block that no list follows.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_BLOCK = re.compile(r'(<div class="language-[^"]*highlight">.*?</code></pre></div>)(\s*<ol>)?', re.S)
_MARKER = re.compile(r'[ \t]*<span class="c1">#\s*\(\d+\)!</span>')


def without_orphan_markers(html: str) -> str:
    """Drop `# (n)!` comments from code blocks that have no annotation list.

    >>> block = '<div class="language-python highlight"><pre><code>x = 1  <span class="c1"># (1)!</span></code></pre></div>'
    >>> without_orphan_markers(block + "<p>next</p>")
    '<div class="language-python highlight"><pre><code>x = 1</code></pre></div><p>next</p>'
    >>> without_orphan_markers(block + "\\n<ol>") == block + "\\n<ol>"
    True
    """
    def clean(match: re.Match) -> str:
        block, annotations = match.group(1), match.group(2)
        return block + annotations if annotations else _MARKER.sub("", block)

    return _BLOCK.sub(clean, html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return without_orphan_markers(html)
