"""The catalog: one table row for every catalogued page, from its front matter.

`<!-- ln:catalog -->` becomes a table of every page whose kind has
`catalog: true` in schema/kinds.yml, one column per facet in
schema/taxonomy.yml; `<!-- ln:catalog rounds values -->` keeps the pages of
those ids and drops that facet's column (hooks/lib/listing.py says which pages;
the page checks reject a filter that is wrong; one that lists no page becomes a
sentence saying so). Rows are
grouped by kind, then sorted by title. Adding a page adds its rows.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks.lib import listing, markers
from hooks.lib.definitions import DOCS, as_list, facet, facets, kinds, label


def table(entries: list[dict], without: str | None = None) -> str:
    """A Markdown table of catalogue entries, labels taken from the taxonomy.

    >>> entry = {"path": "coding/x.md", "title": "X", "kind": "coding", "roles": ["swe"],
    ...          "rounds": ["coding-screen"], "topics": ["testing"], "difficulty": "easy"}
    >>> print(table([entry]))
    | Problem | Kind | Difficulty | Roles | Rounds | Topics |
    | --- | --- | --- | --- | --- | --- |
    | [X](/coding/x.md) | Coding problem | Easy | Software Engineer | Coding screen | Testing |
    >>> print(table([entry], without="rounds").splitlines()[-1])
    | [X](/coding/x.md) | Coding problem | Easy | Software Engineer | Testing |
    """
    shown = [f for f in facets() if f["field"] != without]
    columns = ["Problem", "Kind", *(f["column"] for f in shown)]
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for e in entries:
        cells = [f"[{e['title']}](/{e['path']})", kinds()[e["kind"]]["label"]]
        cells += [", ".join(label(f["vocabulary"], v) for v in as_list(e.get(f["field"]))) or "–"
                  for f in shown]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render(args: list[str], docs: Path) -> str:
    """The table for a marker's arguments, or one sentence when it lists no page.

    >>> render(["rounds", "values"], DOCS).startswith('<div class="ln-catalog" markdown>')
    True
    >>> render(["difficulty", "easy"], Path("/nonexistent"))
    '*No page in the catalog is tagged Difficulty/Easy.*'
    """
    entries = listing.select(listing.rows(docs), args)
    if not entries:
        found = facet(args[0])
        tags = " or ".join(f"{found['tag']}/{label(found['vocabulary'], i)}" for i in args[1:])
        return f"*No page in the catalog is tagged {tags}.*"
    return ('<div class="ln-catalog" markdown>\n\n'
            + table(entries, without=args[0] if args else None) + "\n\n</div>")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return markers.replace(markdown, "catalog", lambda args: render(args, Path(config.docs_dir)))
