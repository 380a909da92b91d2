"""Make notebook pages (mkdocs-jupyter) behave like every other page.

* Front matter: a notebook keeps its front matter in the jupytext header
  (`# ---` block). MkDocs does not read it there, so this hook does: the title,
  description (the meta description) and taxonomy become `page.meta`.
* Front matter stays out of the page: nbconvert prints the header's raw cell as
  text at the top of the notebook, so it is removed from the HTML.
* Plots get alternative text: nbconvert labels every image "No description has
  been provided"; the notebook's `plot_alt` front matter lists one text per plot,
  in order, and a count that does not match is reported.
* No CDN loaders: nbconvert's HTML loads MathJax and mermaid from cdnjs. The site
  renders math with its own KaTeX and diagrams with its own mermaid, so those two
  loaders are removed from the notebook HTML.
"""
from __future__ import annotations

import html
import logging
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import pagemeta

log = logging.getLogger("mkdocs.hooks.notebook_pages")

_MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
_RAW_FRONT_MATTER = re.compile(r"(<div class=\"jp-Notebook\"[^>]*>\s*)---\n.*?\n---\n", re.S)
_NO_ALT = 'alt="No description has been provided for this image"'
_MERMAID = re.compile(r"<script type=\"module\">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>", re.S)


def without_cdn_loaders(content: str) -> str:
    """Drop nbconvert's MathJax and mermaid loaders from notebook HTML.

    >>> without_cdn_loaders('<p>a</p><!-- Load mathjax --><script src="x"></script>'
    ...                     '<!-- End of mathjax configuration --><p>b</p>')
    '<p>a</p><p>b</p>'
    >>> without_cdn_loaders('<script type="module">import("mermaid.mjs")</script><p>c</p>')
    '<p>c</p>'
    """
    return _MERMAID.sub("", _MATHJAX.sub("", content))


def without_front_matter(content: str) -> str:
    """Drop the front matter that nbconvert prints as the notebook's first raw cell.

    >>> without_front_matter('<div class="jp-Notebook" x="1">\\n---\\ntitle: T\\n---\\n<div>body')
    '<div class="jp-Notebook" x="1">\\n<div>body'
    """
    return _RAW_FRONT_MATTER.sub(r"\1", content, count=1)


def with_alt_texts(content: str, alts: list[str]) -> tuple[str, int]:
    """Give the notebook's images their alternative texts; return (html, images found).

    >>> with_alt_texts('<img alt="No description has been provided for this image" src="a">', ["A <plot>"])
    ('<img alt="A &lt;plot&gt;" src="a">', 1)
    """
    parts = content.split(_NO_ALT)
    out = [parts[0]]
    for index, rest in enumerate(parts[1:]):
        text = alts[index] if index < len(alts) else "Plot without a description"
        out.append(f'alt="{html.escape(text)}"' + rest)
    return "".join(out), len(parts) - 1


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if pagemeta.is_notebook_page(page.file.src_uri):
        meta, _ = pagemeta.split_front_matter(markdown, notebook=True)
        page.meta.update(meta)
        if meta.get("title"):
            page.title = meta["title"]
    return markdown


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if not pagemeta.is_notebook_page(page.file.src_uri):
        return content
    alts = page.meta.get("plot_alt") or []
    content, images = with_alt_texts(content, alts)
    if images != len(alts):
        log.warning(f"docs/{page.file.src_uri}: plot_alt: {images} plots but {len(alts)} alt texts")
    return without_front_matter(without_cdn_loaders(content))
