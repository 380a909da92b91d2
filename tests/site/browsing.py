"""Helpers for the browser tests: where a page is served, and opening it."""
from __future__ import annotations

from pathlib import Path

from hooks import pagemeta


def url_of(source: Path) -> str:
    """The site path of a page's source file.

    >>> url_of(pagemeta.DOCS / "index.md"), url_of(pagemeta.DOCS / "about" / "index.md")
    ('', 'about/')
    >>> url_of(pagemeta.DOCS / "notebooks" / "makespan-vs-chunk-size.py")
    'notebooks/makespan-vs-chunk-size/'
    """
    relative = source.relative_to(pagemeta.DOCS).with_suffix("").as_posix()
    if relative == "index":
        return ""
    return relative.removesuffix("/index") + "/"


def open_page(page, path: str) -> None:
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
