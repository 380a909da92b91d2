"""What contributed pages may not contain: HTML that runs code or pulls in another document.

The site takes pull requests from strangers. A page (Markdown, or a jupytext notebook's
Markdown cells) may use plain HTML for layout, but not:

- elements that run or embed something: <script>, <iframe>, <frame>, <object>, <embed>,
  <base>, <form>, <meta http-equiv>;
- inline event handlers (`onclick=` and every other `on...=` attribute);
- `javascript:`, `vbscript:` or `data:` URLs, in a Markdown link or image, a reference
  definition, an autolink, or any HTML attribute (entities are decoded first, so
  `jav&#x61;script:` is caught too).

A notebook's code cells may not display raw HTML or scripts (`IPython.display.HTML`,
`Javascript`, `IFrame`, `display_html`, `display_javascript`): their output would land
in the page unchecked. Text inside code (fenced blocks, indented or not, and inline
`code spans`) is ignored: pages quote these things in order to teach.

`problems(text, notebook)` returns (line number in the file, message) pairs; the page
checks (hooks/lib/validation.py) turn them into build failures naming the page.
"""
from __future__ import annotations

import html
import re

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_ELEMENT = re.compile(r"<\s*(script|iframe|frame|object|embed|base|form)\b", re.I)
_META_REFRESH = re.compile(r"<\s*meta\b[^>]*\bhttp-equiv\b", re.I)
_HANDLER = re.compile(r"<\s*[a-z][\w:-]*\b[^>]*?\s(on[a-z]+)\s*=", re.I)
_SCHEME = r"\s*(javascript|vbscript|data)\s*:"
_URL_PLACES = [
    re.compile(r"\]\(\s*<?" + _SCHEME, re.I),                      # [text](url), ![alt](url)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?" + _SCHEME, re.I),       # [ref]: url
    re.compile(r"<" + _SCHEME, re.I),                              # <javascript:...>
    re.compile(r"\b(?:href|src|srcset|action|formaction|xlink:href|poster|background)\s*=\s*[\"']?"
               + _SCHEME, re.I),
]
_NOTEBOOK_DISPLAY = re.compile(r"\b(HTML|Javascript|IFrame|display_html|display_javascript)\s*\(")
_CELL = re.compile(r"^# %%(.*)$")


def _markdown_problems(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    found, fence = [], None
    for number, line in lines:
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        text = html.unescape(_CODE_SPAN.sub("", line))
        if element := _ELEMENT.search(text):
            found.append((number, f"<{element.group(1).lower()}> is not allowed in a page"))
        if _META_REFRESH.search(text):
            found.append((number, "<meta http-equiv> is not allowed in a page"))
        if handler := _HANDLER.search(text):
            found.append((number, f"an inline event handler ({handler.group(1).lower()}=) is not allowed"))
        for place in _URL_PLACES:
            if url := place.search(text):
                found.append((number, f"a {url.group(1).lower()}: URL is not allowed in a link"))
                break
    return found


def problems(text: str, notebook: bool = False) -> list[tuple[int, str]]:
    """(line, message) for each unsafe construct in a page's source.

    >>> problems("Fine <span>text</span> and `<script>` in code.\\n<script>alert(1)</script>")
    [(2, '<script> is not allowed in a page')]
    >>> problems("```html\\n<iframe src=x></iframe>\\n```\\n[go](JavaScript:alert(1))")
    [(4, 'a javascript: URL is not allowed in a link')]
    >>> problems('<img src="x.png" onerror="alert(1)">')
    [(1, 'an inline event handler (onerror=) is not allowed')]
    >>> problems('<a href="jav&#x61;script:alert(1)">x</a>')
    [(1, 'a javascript: URL is not allowed in a link')]
    >>> problems("# %% [markdown]\\n# <iframe src=x>\\n\\n# %%\\nfrom IPython.display import HTML\\nHTML('<b>')\\n",
    ...          notebook=True)
    [(2, '<iframe> is not allowed in a page'), (6, 'a notebook may not display raw HTML or scripts (HTML(...))')]
    """
    lines = list(enumerate(text.splitlines(), start=1))
    if not notebook:
        return _markdown_problems(lines)
    markdown, found, cell = [], [], "code"
    for number, line in lines:
        if header := _CELL.match(line):
            cell = "markdown" if "[markdown]" in header.group(1) else "code"
            continue
        if cell == "markdown":
            markdown.append((number, line[2:] if line.startswith("# ") else line.lstrip("#")))
        elif (call := _NOTEBOOK_DISPLAY.search(line)) and not line.lstrip().startswith("#"):
            found.append((number, f"a notebook may not display raw HTML or scripts ({call.group(1)}(...))"))
    return sorted(_markdown_problems(markdown) + found)
