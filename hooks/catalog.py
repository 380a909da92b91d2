"""The catalog: one table row for every catalogued page, from its front matter.

`<!-- ln:catalog -->` becomes a table of every page whose kind has
`catalog: true` in schema/kinds.yml, one column per facet in
schema/taxonomy.yml, with a filter form (role, round, kind, topic, difficulty, free
text) and sortable columns that docs/assets/javascripts/catalog.js switches on; each
row carries its ids as data attributes, so the script filters on the same front matter
the table was built from. Without the script, the full table shows.
`<!-- ln:catalog rounds values -->` keeps the pages of
those ids and drops that facet's column (hooks/lib/listing.py says which pages;
the page checks reject a filter that is wrong; one that lists no page becomes a
sentence saying so). Rows are
grouped by kind, then sorted by title. Adding a page adds its rows.
"""
from __future__ import annotations

import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks.lib import listing, markers
from hooks.lib.definitions import DOCS, as_list, facet, facets, kinds, label, taxonomy


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


DIFFICULTY_ORDER = ["easy", "medium", "hard"]


def _attribute(value: str) -> str:
    return html.escape(value, quote=True)


def filter_form(entries: list[dict]) -> str:
    """The form that filters the full catalog (hidden until the script shows it); a
    select per facet, and kind, offering only the ids some page uses.

    >>> form = filter_form([{"kind": "coding", "roles": ["swe"], "difficulty": "easy"}])
    >>> '<option value="swe">Software Engineer</option>' in form, 'name="q"' in form
    (True, True)
    """
    def select(name: str, caption: str, options: list[tuple[str, str]]) -> str:
        items = "".join(f'<option value="{_attribute(v)}">{html.escape(t)}</option>' for v, t in options)
        return (f'<label>{caption} <select name="{name}"><option value="">Any</option>{items}'
                "</select></label>")

    used = {f["field"]: {v for e in entries for v in as_list(e.get(f["field"]))} for f in facets()}
    kinds_used = [k for k in kinds() if any(e["kind"] == k for e in entries)]
    parts = ['<label>Text <input type="search" name="q" autocomplete="off"></label>',
             select("kind", "Kind", [(k, kinds()[k]["label"]) for k in kinds_used])]
    for f in facets():
        vocabulary = taxonomy()[f["vocabulary"]]
        parts.append(select(f["field"], f["column"], [(i, label(f["vocabulary"], i))
                                                      for i in vocabulary if i in used[f["field"]]]))
    return ('<form class="ln-filter" hidden aria-label="Filter the catalog" role="search">'
            + "".join(parts) + '<button type="reset" class="md-button">Clear</button></form>\n'
            '<p class="ln-filter-count" role="status" aria-live="polite"></p>')


def interactive_table(entries: list[dict]) -> str:
    """The full catalog as an HTML table: each row's ids as data attributes, each column
    header a sort button; the title cell stays Markdown so its link is checked.

    >>> entry = {"path": "coding/x.md", "title": "X", "kind": "coding", "roles": ["swe", "staff"],
    ...          "rounds": [], "topics": ["testing"], "difficulty": "easy"}
    >>> text = interactive_table([entry])
    >>> 'data-roles="swe staff"' in text, '<td markdown="span">[X](/coding/x.md)</td>' in text
    (True, True)
    >>> 'data-sort="difficulty"' in text, 'data-rank="0"' in text
    (True, True)
    """
    columns = [("title", "Problem"), ("kind", "Kind"), *((f["field"], f["column"]) for f in facets())]
    head = "".join(f'<th scope="col" aria-sort="none"><button type="button" data-sort="{key}">'
                   f"{caption}</button></th>" for key, caption in columns)
    body = []
    for e in entries:
        data = {"kind": e["kind"], "title": e["title"].lower(),
                "rank": str(DIFFICULTY_ORDER.index(e["difficulty"])) if e.get("difficulty") in DIFFICULTY_ORDER else ""}
        data.update({f["field"]: " ".join(as_list(e.get(f["field"]))) for f in facets()})
        attributes = " ".join(f'data-{k}="{_attribute(v)}"' for k, v in data.items())
        cells = [f'<td markdown="span">[{e["title"]}](/{e["path"]})</td>',
                 f"<td>{html.escape(kinds()[e['kind']]['label'])}</td>"]
        cells += [f"<td>{html.escape(', '.join(label(f['vocabulary'], v) for v in as_list(e.get(f['field']))) or '–')}</td>"
                  for f in facets()]
        body.append(f'<tr {attributes} markdown="1">{"".join(cells)}</tr>')
    # md_in_html parses the title cells only if every element above them asks for it
    # no class: Material styles (and wraps for scrolling) only tables without one
    return (f'<table markdown="1"><thead><tr>{head}</tr></thead>\n'
            '<tbody markdown="1">\n' + "\n".join(body) + "\n</tbody></table>")


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
    if not args:  # the whole catalog: filterable and sortable
        return ('<div class="ln-catalog ln-catalog--all" markdown>\n\n' + filter_form(entries) + "\n\n"
                + interactive_table(entries) + "\n\n</div>")
    return ('<div class="ln-catalog" markdown>\n\n'
            + table(entries, without=args[0]) + "\n\n</div>")


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    return markers.replace(markdown, "catalog", lambda args: render(args, Path(config.docs_dir)))
