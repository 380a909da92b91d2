"""Which pages a catalog marker lists: every catalogued page, or those of some facet ids.

`<!-- ln:catalog -->` lists every page whose kind has `catalog: true` in
schema/kinds.yml; `<!-- ln:catalog rounds coding-screen -->` lists those whose
`rounds` include `coding-screen` (any facet field of schema/taxonomy.yml, one or
more ids). A round page lists its practice problems this way, so a new problem
appears there from its own front matter. Read by hooks/catalog.py (the table)
and hooks/lib/validation.py (a filter with a wrong facet or id fails).
"""
from __future__ import annotations

from pathlib import Path

from hooks.lib.definitions import DOCS, as_list, facet, facets, kinds, taxonomy
from hooks.lib.pages import pages, read_page


def rows(docs: Path = DOCS) -> list[dict]:
    """Front matter of every catalogued page, with its docs-relative path as `path`,
    grouped by kind (in kinds.yml order), then by title."""
    found = []
    for path in pages(docs):
        meta, _ = read_page(path)
        if kinds().get(meta.get("kind"), {}).get("catalog"):
            found.append({**meta, "path": path.relative_to(docs).as_posix()})
    order = list(kinds())
    return sorted(found, key=lambda m: (order.index(m["kind"]), m["title"].lower()))


def filter_problem(args: list[str]) -> str | None:
    """What is wrong with a catalog marker's arguments, or None.

    >>> filter_problem([]), filter_problem(["rounds", "coding-screen"])
    (None, None)
    >>> filter_problem(["round", "coding-screen"])
    "'round' is not a facet (use one of: difficulty, roles, rounds, topics)"
    >>> filter_problem(["rounds"])
    'name at least one rounds id after the facet'
    >>> filter_problem(["rounds", "coding"])
    "'coding' is not a rounds id in schema/taxonomy.yml"
    """
    if not args:
        return None
    field, *ids = args
    found = facet(field)
    if found is None:
        return f"{field!r} is not a facet (use one of: {', '.join(f['field'] for f in facets())})"
    if not ids:
        return f"name at least one {field} id after the facet"
    unknown = [i for i in ids if i not in taxonomy()[found["vocabulary"]]]
    return f"{unknown[0]!r} is not a {field} id in schema/taxonomy.yml" if unknown else None


def select(entries: list[dict], args: list[str]) -> list[dict]:
    """The entries a marker with these (valid) arguments lists.

    >>> entries = [{"title": "A", "rounds": ["values"]}, {"title": "B", "difficulty": "easy"}]
    >>> [e["title"] for e in select(entries, [])], [e["title"] for e in select(entries, ["rounds", "values"])]
    (['A', 'B'], ['A'])
    >>> [e["title"] for e in select(entries, ["difficulty", "easy", "hard"])]
    ['B']
    """
    if not args:
        return entries
    field, *ids = args
    return [e for e in entries if set(as_list(e.get(field))) & set(ids)]
