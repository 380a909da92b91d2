"""Code blocks as light as they look: no stray annotation markers, no needless spans.

Code annotations live in the snippet files as `# (1)!` comments; Material turns
them into clickable markers when a numbered list follows the code block. A page
that also shows a whole file (the complete reference of a coding problem) repeats
those comments with no list after them, where they would read as `# (1)!`. This
hook removes marker comments from every code block that no list follows.

Pygments also wraps every plain name (`n`) and every run of whitespace (`w`) in
its own span, which Material's theme draws in the code's ordinary colour in both
schemes (`--md-code-hl-name-color` is the foreground colour; `w` has no style).
Those spans are about a fifth of a coding page's elements and change nothing a
reader sees, so they are unwrapped to their text; the same goes for notebook cells
(`highlight-ipynb`, whose stylesheet gives `n` no colour and `w` only a colour
for blank space).

Material mounts code blocks only when they scroll into view (`content.lazy`,
which keeps a long page's start-up work small) and makes a block that scrolls
sideways keyboard-focusable when it mounts. So that no block is ever out of
keyboard reach, every block's `<code>` is focusable from the start.

Long listings (more than SEARCHED_LINES lines: whole reference files, most of
which the page also shows in annotated parts) are left out of the search index
with `data-search-exclude`; the prose, short blocks and the parts stay searchable.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_BLOCK = re.compile(r'(<div class="language-[^"]*highlight">.*?</code></pre></div>)(\s*<ol>)?', re.S)
_MARKER = re.compile(r'[ \t]*<span class="c1">#\s*\(\d+\)!</span>')
_PLAIN = re.compile(r'<span class="[nw]">([^<]*)</span>')
_CODE = re.compile(r"(<pre>(?:<span></span>)?)<code>")
SEARCHED_LINES = 40
_CELL = re.compile(r'<div class="highlight-ipynb[^"]*"><pre>.*?</pre></div>', re.S)


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


def lighter(block: str) -> str:
    """One code block without plain spans, its code focusable.

    >>> lighter('<div class="language-text highlight"><pre><span></span><code>a</code></pre></div>')
    '<div class="language-text highlight"><pre><span></span><code tabindex="0">a</code></pre></div>'
    """
    block = _CODE.sub(r'\1<code tabindex="0">', _PLAIN.sub(r"\1", block), count=1)
    if block.count("\n") > SEARCHED_LINES:
        block = block.replace("<div ", "<div data-search-exclude ", 1)
    return block


def without_plain_spans(html: str) -> str:
    """Unwrap Pygments' plain-name and whitespace spans inside code blocks and notebook
    cells only.

    >>> without_plain_spans('<div class="highlight-ipynb hl-python"><pre><span class="n">x</span></pre></div>')
    '<div class="highlight-ipynb hl-python"><pre>x</pre></div>'

    >>> block = ('<div class="language-python highlight"><pre><code><span class="n">total</span>'
    ...          '<span class="w"> </span><span class="o">=</span> <span class="mi">1</span></code></pre></div>')
    >>> without_plain_spans(block + '<p><span class="n">kept</span></p>')
    '<div class="language-python highlight"><pre><code tabindex="0">total <span class="o">=</span> <span class="mi">1</span></code></pre></div><p><span class="n">kept</span></p>'
    """
    html = _CELL.sub(lambda m: _PLAIN.sub(r"\1", m.group(0)), html)
    return _BLOCK.sub(lambda m: lighter(m.group(1)) + (m.group(2) or ""), html)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return without_plain_spans(without_orphan_markers(html))
