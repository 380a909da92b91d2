"""The catalog: one table row for every catalogued page, from its front matter.

The catalog page holds the marker `<!-- ln:catalog -->`; this hook replaces it
with a table of every page whose kind has `catalog: true` in schema/kinds.yml,
one column per facet in schema/taxonomy.yml. Rows are grouped by kind, then
sorted by title. Adding a page adds its row.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks.lib import markers
from hooks.lib.definitions import as_list, facets, kinds, label
from hooks.lib.pages import pages, read_page


def rows(docs: Path) -> list[dict]:
    """Front matter of every catalogued page, with its docs-relative path as `path`."""
    found = []
    for path in pages(docs):
        meta, _ = read_page(path)
        if kinds().get(meta.get("kind"), {}).get("catalog"):
            found.append({**meta, "path": path.relative_to(docs).as_posix()})
    order = list(kinds())
    return sorted(found, key=lambda m: (order.index(m["kind"]), m["title"].lower()))


def table(entries: list[dict]) -> str:
    """A Markdown table of catalogue entries, labels taken from the taxonomy.

    >>> print(table([{"path": "coding/x.md", "title": "X", "kind": "coding", "roles": ["swe"],
    ...               "rounds": ["coding-screen"], "topics": ["testing"], "difficulty": "easy"}]))
    | Problem | Kind | Difficulty | Roles | Rounds | Topics |
    | --- | --- | --- | --- | --- | --- |
    | [X](/coding/x.md) | Coding problem | Easy | Software Engineer | Coding screen | Testing |
    """
    columns = ["Problem", "Kind", *(f["column"] for f in facets())]
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for e in entries:
        cells = [f"[{e['title']}](/{e['path']})", kinds()[e["kind"]]["label"]]
        cells += [", ".join(label(f["vocabulary"], v) for v in as_list(e.get(f["field"]))) or "–"
                  for f in facets()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return markers.replace(markdown, "catalog", lambda _: '<div class="ln-catalog" markdown>\n\n'
                           + table(rows(Path(config.docs_dir))) + "\n\n</div>")
