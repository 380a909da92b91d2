"""Derive each page's tags from its roles, rounds, topics and difficulty.

Pages never list `tags:` themselves (the schema rejects it): the taxonomy in
front matter is the one record, and the tags plugin gets it as hierarchical tags
such as "Role/Software Engineer" or "Topic/Distributed systems". Runs before the
tags plugin, which reads `page.meta["tags"]` at a later priority.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks import pagemeta

FACETS = [("roles", "roles", "Role"), ("rounds", "rounds", "Round"),
          ("topics", "topics", "Topic"), ("difficulty", "difficulties", "Difficulty")]


def tags_for(meta: dict) -> list[str]:
    """Hierarchical tag names for a page's front matter.

    >>> tags_for({"roles": ["swe"], "difficulty": "medium", "topics": ["networking"]})
    ['Role/Software Engineer', 'Topic/Networking', 'Difficulty/Medium']
    """
    taxonomy = pagemeta.taxonomy()
    tags = []
    for field, vocabulary, facet in FACETS:
        values = meta.get(field) or []
        for value in [values] if isinstance(values, str) else values:
            label = taxonomy[vocabulary].get(value)
            if label:  # unknown ids are reported by page_schema, not here
                tags.append(f"{facet}/{label}")
    return tags


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    page.meta["tags"] = tags_for(page.meta)
    return markdown
