"""One compact line of facts under each page's title, from its front matter.

    Coding problem · Medium · 90 min · Software Engineer, Staff Engineer ·
    Coding screen, Onsite coding · Reviewed 2026-11-22 · low–medium confidence (1 of 5 sources)

It replaces the theme's tag pills (overrides/partials/tags.html renders none),
which filled a phone's first screen. Each facet links to its entry on the tags
page; the confidence comes from hooks/lib/trust.py, computed from `reported_by`
(coding and design pages) or `sources` (other kinds), never typed by hand.
"""
from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks.lib import trust
from hooks.lib.definitions import as_list, facets, kinds, taxonomy

_H1_END = re.compile(r"</h1>")


def tag_anchor(facet_tag: str, value_label: str) -> str:
    """The id the tags page gives a hierarchical tag.

    >>> tag_anchor("Role", "Software Engineer")
    'tag:role/software-engineer'
    """
    return f"tag:{slugify(facet_tag, '-')}/{slugify(value_label, '-')}"


def facts(meta: dict) -> list[tuple[str, str | None]]:
    """(text, tag anchor or None) for each fact a page's front matter gives.

    >>> facts({"kind": "coding", "difficulty": "medium", "minutes": 90, "roles": ["swe"],
    ...        "last_reviewed": "2026-11-22", "reported_by": []})  # doctest: +NORMALIZE_WHITESPACE
    [('Coding problem', None), ('Medium', 'tag:difficulty/medium'), ('90 min', None),
     ('Software Engineer', 'tag:role/software-engineer'), ('Reviewed 2026-11-22', None), ('our own material', None)]
    >>> facts({"kind": "reference", "last_reviewed": "2026-11-22"})
    [('Reviewed 2026-11-22', None)]
    >>> [text for text, _ in facts({"kind": "round", "minutes": 30, "rounds": ["values"],
    ...                             "reported_by": ["prachub-swe-2026"]})]
    ['Round', '30 min', 'Values and behavioral', 'medium confidence (1 of 5 sources)']
    """
    spec = kinds().get(meta.get("kind"), {})
    found: list[tuple[str, str | None]] = []
    if spec.get("headings"):
        found.append((spec["label"], None))
    for facet in facets():
        if facet["field"] == "topics":
            continue  # topics are many; the catalog and tags page list them
        vocabulary = taxonomy()[facet["vocabulary"]]
        labels = [vocabulary[v] for v in as_list(meta.get(facet["field"])) if v in vocabulary]
        found += [(text, tag_anchor(facet["tag"], text)) for text in labels]
        if facet["field"] == "difficulty" and labels and meta.get("minutes"):
            found.append((f"{meta['minutes']} min", None))  # kind · difficulty · time · roles ...
    if meta.get("minutes") and not meta.get("difficulty"):
        found.insert(1, (f"{meta['minutes']} min", None))
    if meta.get("last_reviewed"):
        found.append((f"Reviewed {meta['last_reviewed']}", None))
    if spec.get("headings") and ("reported_by" in spec["fields"] or meta.get("sources")):
        found.append((trust.describe(meta.get("reported_by", meta.get("sources")) or []), None))
    return found


def facts_html(meta: dict, tags_href: str, sources_href: str) -> str:
    """The line as HTML: tags link to the tags page, confidence to its rule."""
    parts = []
    for text, anchor in facts(meta):
        escaped = html.escape(text)
        if anchor:
            parts.append(f'<a href="{tags_href}#{anchor}">{escaped}</a>')
        elif "confidence" in text or text == trust.OURS:
            parts.append(f'<a href="{sources_href}#how-confidence-is-computed">{escaped}</a>')
        else:
            parts.append(f"<span>{escaped}</span>")
    return '<p class="ln-facts">' + ' <span aria-hidden="true">·</span> '.join(parts) + "</p>"


@event_priority(-10)
def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if not page.meta.get("kind") or page.meta.get("kind") == "home":
        return content
    line = facts_html(page.meta, get_relative_url("tags/", page.url), get_relative_url("about/sources/", page.url))
    return _H1_END.sub(lambda m: m.group(0) + "\n" + line, content, count=1)
