"""The one list of pages the tests parametrise over, its id scheme, and page addresses."""
from __future__ import annotations

from pathlib import Path

from hooks.lib.definitions import DOCS, kinds
from hooks.lib.pages import page_id, pages

PAGES = list(pages())
IDS = [page_id(p) for p in PAGES]


def url_of(source: Path) -> str:
    """The site path of a page's source file.

    >>> url_of(DOCS / "index.md"), url_of(DOCS / "about" / "index.md")
    ('', 'about/')
    >>> url_of(DOCS / "notebooks" / "makespan-vs-chunk-size.py")
    'notebooks/makespan-vs-chunk-size/'
    """
    relative = source.relative_to(DOCS).with_suffix("").as_posix()
    if relative == "index":
        return ""
    return relative.removesuffix("/index") + "/"


def answer_kinds() -> list[str]:
    """Kinds whose worked answer the build hides (schema/kinds.yml `answer: true`)."""
    return [name for name, spec in kinds().items() if any(h["answer"] for h in spec["headings"])]
