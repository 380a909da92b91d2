"""Derive each page's tags from its facets (roles, rounds, topics, difficulty).

Pages never list `tags:` themselves (the schema rejects it): the facets in front
matter are the one record, and the tags plugin gets them as hierarchical tags
such as "Role/Software Engineer". The facets table in schema/taxonomy.yml says
which fields count and how each is prefixed. The tags plugin reads
`page.meta["tags"]` in its own on_page_markdown (priority -50), so this runs
before it; notebook front matter must already be read (notebook_pages, 100).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from hooks.lib.definitions import as_list, facets, taxonomy

RUNS_AFTER = {"on_page_markdown": ["notebook_pages"]}  # the front matter of notebooks


def tags_for(meta: dict) -> list[str]:
    """Hierarchical tag names for a page's front matter.

    >>> tags_for({"roles": ["swe"], "difficulty": "medium", "topics": ["networking"]})
    ['Difficulty/Medium', 'Role/Software Engineer', 'Topic/Networking']
    """
    tags = []
    for facet in facets():
        vocabulary = taxonomy()[facet["vocabulary"]]
        for value in as_list(meta.get(facet["field"])):
            if value in vocabulary:  # unknown ids are reported by check_pages, not here
                tags.append(f"{facet['tag']}/{vocabulary[value]}")
    return tags


@event_priority(50)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    page.meta["tags"] = tags_for(page.meta)
    return markdown
