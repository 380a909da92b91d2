"""Show a page's sources where it says `<!-- sources -->`.

A page names its sources by id in front matter (`sources: [prachub-swe-2026]`);
the citation text and the date we read each one live once, in
schema/taxonomy.yml, and what each source is and how far to trust it lives on
about/sources.md. This hook turns the ids into a list linking there: in the
Markdown of ordinary pages, and in the rendered HTML of notebook pages, whose
Markdown cells MkDocs never sees.
"""
from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks import pagemeta


def sources_list(ids: list[str]) -> str:
    """Markdown list of citations for source ids, linked to the sources page.

    >>> print(sources_list(["prachub-swe-2026"]))
    - [PracHub SWE guide (2026)](/about/sources.md#prachub-swe-2026), read 2026-11-22
    """
    known = pagemeta.taxonomy()["sources"]
    return "\n".join(
        f"- [{known[i]['citation']}](/about/sources.md#{i}), read {known[i]['read']}"
        for i in ids if i in known  # unknown ids are reported by page_schema
    )


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if pagemeta.SOURCES_MARKER not in markdown:
        return markdown
    return markdown.replace(pagemeta.SOURCES_MARKER, sources_list(page.meta.get("sources") or []))


def sources_html(ids: list[str], page_url: str) -> str:
    """The same list as HTML, for notebook pages, with links relative to the page.

    >>> print(sources_html(["prachub-swe-2026"], "notebooks/x/"))
    <ul>
    <li><a href="../../about/sources/#prachub-swe-2026">PracHub SWE guide (2026)</a>, read 2026-11-22</li>
    </ul>
    """
    known = pagemeta.taxonomy()["sources"]
    href = get_relative_url("about/sources/", page_url)
    items = [f'<li><a href="{href}#{i}">{html.escape(known[i]["citation"])}</a>, read {known[i]["read"]}</li>'
             for i in ids if i in known]
    return "\n".join(["<ul>", *items, "</ul>"])


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if pagemeta.is_notebook_page(page.file.src_uri) and pagemeta.SOURCES_MARKER in content:
        return content.replace(pagemeta.SOURCES_MARKER,
                               sources_html(page.meta.get("sources") or [], page.url))
    return content
