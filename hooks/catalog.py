"""Build the catalog: one table row for every problem page, from its front matter.

The catalog page holds the line `<!-- catalog -->`; this hook replaces it with
a table of every page whose kind has `catalog: true` in schema/kinds.yml. Rows
are grouped by kind, then sorted by title. Adding a page adds its row.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import pagemeta

MARKER = "<!-- catalog -->"


def rows(docs: Path) -> list[dict]:
    """Front matter of every catalogued page, with its docs-relative path as `path`."""
    kinds = pagemeta.kinds()
    found = []
    for path in pagemeta.pages(docs):
        meta, _ = pagemeta.read_page(path)
        if kinds.get(meta.get("kind"), {}).get("catalog"):
            found.append({**meta, "path": path.relative_to(docs).as_posix()})
    order = list(kinds)
    return sorted(found, key=lambda m: (order.index(m["kind"]), m["title"].lower()))


def table(entries: list[dict]) -> str:
    """A Markdown table of catalogue entries, labels taken from the taxonomy.

    >>> print(table([{"path": "coding/x.md", "title": "X", "kind": "coding", "roles": ["swe"],
    ...               "rounds": ["coding-screen"], "topics": ["testing"], "difficulty": "easy"}]))
    | Problem | Kind | Roles | Rounds | Topics | Difficulty |
    | --- | --- | --- | --- | --- | --- |
    | [X](/coding/x.md) | Coding problem | Software Engineer | Coding screen | Testing | Easy |
    """
    taxonomy, kinds = pagemeta.taxonomy(), pagemeta.kinds()

    def labels(vocabulary: str, ids) -> str:
        ids = [ids] if isinstance(ids, str) else ids or []
        return ", ".join(taxonomy[vocabulary].get(i, i) for i in ids) or "–"

    lines = ["| Problem | Kind | Roles | Rounds | Topics | Difficulty |",
             "| --- | --- | --- | --- | --- | --- |"]
    for e in entries:
        lines.append(f"| [{e['title']}](/{e['path']}) | {kinds[e['kind']]['label']} | "
                     f"{labels('roles', e.get('roles'))} | {labels('rounds', e.get('rounds'))} | "
                     f"{labels('topics', e.get('topics'))} | "
                     f"{labels('difficulties', e.get('difficulty'))} |")
    return "\n".join(lines)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, table(rows(Path(config.docs_dir))))
