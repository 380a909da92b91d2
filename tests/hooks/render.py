"""Render a small Markdown page the way MkDocs does, for the hook tests."""
from __future__ import annotations

from types import SimpleNamespace

import markdown
from mkdocs.structure.toc import get_toc


def rendered(text: str, meta: dict, src_uri: str = "coding/x.md", url: str = "coding/x/") -> tuple[str, SimpleNamespace]:
    """(HTML, a page-like object with meta, toc, file and url) for `text`."""
    md = markdown.Markdown(extensions=["toc", "attr_list", "admonition", "pymdownx.details"])
    html = md.convert(text)
    page = SimpleNamespace(meta=dict(meta), toc=get_toc(md.toc_tokens), url=url,
                           file=SimpleNamespace(src_uri=src_uri), title=meta.get("title"))
    return html, page
