"""Make notebook pages (mkdocs-jupyter) behave like every other page.

* Front matter: a notebook keeps its front matter in the jupytext header
  (`# ---` block). MkDocs does not read it there, so this hook does: the title,
  description (the meta description) and taxonomy become `page.meta`.
* Front matter stays out of the page: nbconvert prints the header's raw cell as
  text at the top of the notebook, so it is removed from the HTML.
* Plots get alternative text: nbconvert labels every image "No description has
  been provided"; the notebook's `plot_alt` front matter lists one text per plot,
  in order, and a count that does not match is reported.
* Which files are notebooks: mkdocs-jupyter's `include` is set from the notebook
  kinds' folders in schema/kinds.yml, the one place they are written.
* No CDN loaders: nbconvert's HTML loads MathJax and mermaid from cdnjs. The site
  renders math with its own KaTeX and draws diagrams at build time, so those two
  loaders are removed from the notebook HTML.
* Math drawn at build time: hooks/lib/notebook_math.py runs the Markdown cells through
  KaTeX in the build's Chromium, so the reader's browser runs no math script;
  without Chromium, math.js draws it in the browser (logged at INFO).
* Plots as files: nbconvert embeds each plot as base64 in the page; they are
  written beside the page instead, sized and lazy (hooks/lib/notebook_images.py).
* Only the CSS it uses: nbconvert inlines all of JupyterLab's CSS (~570 KB) into
  the page; hooks/lib/notebook_css.py keeps the rules and variables the page can use.
* Searched once: the copy button's hidden text repeats every code cell, and cell
  outputs are tables and numbers; both are marked `data-search-exclude`, so the
  search index holds a notebook's prose and code once.
"""
from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks.lib import chromium, notebook_css, notebook_images, notebook_math
from hooks.lib.pages import is_notebook_page, notebook_globs, split_front_matter

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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Which files mkdocs-jupyter renders: the folders of notebook kinds in schema/kinds.yml."""
    config.plugins["mkdocs-jupyter"].config["include"] = notebook_globs()
    return config


@event_priority(100)  # first: tags, sources and the facts line read the front matter it sets
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if is_notebook_page(page.file.src_uri):
        meta, _ = split_front_matter(markdown, notebook=True)
        page.meta.update(meta)
        if meta.get("title"):
            page.title = meta["title"]
    return markdown


_UNSEARCHED = re.compile(r'<div class="(clipboard-copy-txt|jp-OutputArea jp-Cell-outputArea)"')


def unsearched(content: str) -> str:
    """Keep a notebook's copy-button text (a second copy of each code cell) and its cell
    outputs out of the search index: Material's search skips `data-search-exclude`.

    >>> unsearched('<div class="clipboard-copy-txt" id="cell-1">x = 1</div>')
    '<div data-search-exclude class="clipboard-copy-txt" id="cell-1">x = 1</div>'
    """
    return _UNSEARCHED.sub(lambda m: f'<div data-search-exclude class="{m.group(1)}"', content)


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if not is_notebook_page(page.file.src_uri):
        return content
    content = unsearched(content)
    alts = page.meta.get("plot_alt") or []
    content, images = with_alt_texts(content, alts)
    if images != len(alts):
        log.warning(f"docs/{page.file.src_uri}: plot_alt: {images} plots but {len(alts)} alt texts")
    content = without_front_matter(without_cdn_loaders(content))
    content, plots = notebook_images.extracted(content)
    folder = Path(config.site_dir) / Path(page.file.dest_uri).parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in plots.items():
        (folder / name).write_bytes(data)
    static = notebook_math.with_static_math(content)
    if static is None:
        log.info(f"docs/{page.file.src_uri}: math left to the reader's browser: "
                 f"no Chromium at {chromium.wanted()}")
        return content
    return static


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return notebook_css.slim_page(output)


def on_post_build(config: MkDocsConfig) -> None:
    chromium.close()


def on_build_error(error: Exception) -> None:
    chromium.close()
