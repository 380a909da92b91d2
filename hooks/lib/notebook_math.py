"""Notebook math drawn at build time (called by hooks/notebook_pages.py).

A notebook's Markdown cells keep Jupyter's `$...$` and `$$...$$`. Instead of
loading KaTeX in every reader's browser, each Markdown cell that has math is run
once through the site's own KaTeX (hooks/vendor_assets.py) and its auto-render, in
the build's Chromium (hooks/lib/chromium.py), with the same delimiters and options
as docs/assets/javascripts/math.js, into MathML (`output: "mathml"`), which every
current browser lays out itself: the page needs no KaTeX stylesheet, font or
script, and is about a third lighter in elements than with KaTeX's HTML.
Results are cached in `.cache/math/` by a hash of the cells, KaTeX's version and
the options, so a rebuild needs no browser.

Without Chromium the cells are left as they are, and math.js renders them in the
browser as before (overrides/main.html loads KaTeX for that page). The wrapper of
a notebook whose math is drawn says so: `data-math="static"`.
"""
from __future__ import annotations

import hashlib
import json
import re

from hooks import vendor_assets
from hooks.lib import chromium
from hooks.lib.definitions import ROOT

CACHE = ROOT / ".cache" / "math"
WRAPPER = '<div class="jupyter-wrapper">'
STATIC = '<div class="jupyter-wrapper" data-math="static">'
_CELL = re.compile(r'<div class="[^"]*\bjp-RenderedMarkdown\b[^"]*"[^>]*>')
_DIV = re.compile(r"<div\b|</div>")
OPTIONS = {"delimiters": [{"left": "$$", "right": "$$", "display": True},
                          {"left": "$", "right": "$", "display": False}],
           "throwOnError": False, "output": "mathml"}
RENDER_JS = """([cells, options]) => cells.map(html => {
  const box = document.createElement("div")
  box.innerHTML = html
  renderMathInElement(box, options)
  return box.querySelector(".katex") ? box.innerHTML : null
})"""


def markdown_cells(content: str) -> list[tuple[int, int]]:
    """(start, end) of the inner HTML of each Markdown cell's output.

    >>> html = '<div class="jp-RenderedMarkdown x"><p>$a$</p><div>b</div></div><p>after</p>'
    >>> [html[s:e] for s, e in markdown_cells(html)]
    ['<p>$a$</p><div>b</div>']
    """
    spans = []
    for match in _CELL.finditer(content):
        depth, position = 1, match.end()
        for tag in _DIV.finditer(content, position):
            depth += 1 if tag[0] == "<div" else -1
            if depth == 0:
                spans.append((match.end(), tag.start()))
                break
    return spans


def may_have_math(cell: str) -> bool:
    """Worth sending to KaTeX: it has a `$` outside code (KaTeX decides the rest).

    >>> may_have_math("<p>costs $5 or $6</p>"), may_have_math("<pre><code>x = '$'</code></pre>")
    (True, False)
    """
    return "$" in re.sub(r"<(pre|code)\b.*?</\1>", "", cell, flags=re.S)


def cache_key(cells: list[str]) -> str:
    text = json.dumps([cells, vendor_assets.PACKAGES["katex"]["version"], OPTIONS, RENDER_JS])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _load_katex(page) -> None:
    katex = vendor_assets.ensure_package("katex")
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(katex / "katex.min.js"))
    page.add_script_tag(path=str(katex / "contrib" / "auto-render.min.js"))


def render(cells: list[str]) -> list[str | None]:
    """Each cell's HTML with its math drawn by KaTeX, or None where it has none."""
    return chromium.page("katex", _load_katex).evaluate(RENDER_JS, [cells, OPTIONS])


def with_static_math(content: str) -> str | None:
    """The notebook HTML with its math drawn, or None when that needs a browser and
    there is none (the reader's browser draws it then)."""
    if WRAPPER not in content:
        return content
    spans = [(s, e) for s, e in markdown_cells(content) if may_have_math(content[s:e])]
    cells = [content[s:e] for s, e in spans]
    if cells:
        cached = CACHE / f"{cache_key(cells)}.json"
        if cached.exists():
            drawn = json.loads(cached.read_text(encoding="utf-8"))
        elif chromium.path():
            drawn = render(cells)
            CACHE.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(drawn), encoding="utf-8")
        else:
            return None
        for (start, end), html in reversed(list(zip(spans, drawn))):
            if html is not None:
                content = content[:start] + focusable_displays(html) + content[end:]
    return content.replace(WRAPPER, STATIC, 1)


_DISPLAY = re.compile(r'<span class="katex">(?=<math [^>]*display="block")')


def focusable_displays(html: str) -> str:
    """A displayed equation may scroll sideways (site.css), so its box can take focus
    and be scrolled from the keyboard.

    >>> focusable_displays('<span class="katex"><math xmlns="m" display="block"></math></span>'
    ...                    '<span class="katex"><math xmlns="m"></math></span>')
    '<span class="katex" tabindex="0"><math xmlns="m" display="block"></math></span><span class="katex"><math xmlns="m"></math></span>'
    """
    return _DISPLAY.sub('<span class="katex" tabindex="0">', html)
