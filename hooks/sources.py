"""Show a page's sources, and the confidence of a claim, from source ids.

A page names its sources by id in front matter (`sources: [prachub-swe-2026]`);
the citation, the date we read it and its trust rating live once, in
schema/taxonomy.yml. Two markers turn ids into text:

* `<!-- ln:sources -->`: the list of the page's sources, linking to about/sources.md;
* `<!-- ln:confidence id ... -->`: the computed confidence of a claim reported by
  those sources (hooks/lib/trust.py), e.g. "medium confidence (2 of 5 sources)";
* `<!-- ln:claims -->`: the claim register of schema/claims.yml, a table per group,
  each claim with its sources, confidence, disagreements and the anchor
  `claim-<id>` that pages link to.

Ordinary pages are handled in their Markdown; notebook pages in their HTML,
because MkDocs never sees a notebook's Markdown cells.
"""
from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hooks.lib import markers, trust
from hooks.lib.definitions import claims, taxonomy
from hooks.lib.pages import is_notebook_page

RUNS_AFTER = {"on_page_markdown": ["notebook_pages"]}  # the front matter of notebooks


def sources_list(ids: list[str]) -> str:
    """Markdown list of citations for source ids, linked to the sources page.

    >>> print(sources_list(["prachub-swe-2026"]))
    - [PracHub SWE guide (2026)](/about/sources.md#prachub-swe-2026), read 2026-11-22
    """
    known = taxonomy()["sources"]
    return "\n".join(
        f"- [{known[i]['citation']}](/about/sources.md#{i}), read {known[i]['read']}"
        for i in ids if i in known  # unknown ids are reported by check_pages
    )


def sources_html(ids: list[str], page_url: str) -> str:
    """The same list as HTML, for notebook pages, with links relative to the page.

    >>> print(sources_html(["prachub-swe-2026"], "notebooks/x/"))
    <ul>
    <li><a href="../../about/sources/#prachub-swe-2026">PracHub SWE guide (2026)</a>, read 2026-11-22</li>
    </ul>
    """
    known = taxonomy()["sources"]
    href = get_relative_url("about/sources/", page_url)
    items = [f'<li><a href="{href}#{i}">{html.escape(known[i]["citation"])}</a>, read {known[i]["read"]}</li>'
             for i in ids if i in known]
    return "\n".join(["<ul>", *items, "</ul>"])


def confidence_text(ids: list[str]) -> str:
    """The confidence of a claim, linked to the rule that computes it.

    >>> confidence_text(["candidate-report-swe-2026"])
    '[low–medium confidence (1 of 5 sources)](/about/sources.md#how-confidence-is-computed)'
    """
    return f"[{trust.describe(ids)}](/about/sources.md#how-confidence-is-computed)"


def register(register: dict | None = None) -> str:
    """The claim register as Markdown tables, one per group, in the order of `groups`.

    Each claim links to itself (a link a reader can copy) and carries the anchor
    `claim-<id>` that pages link to.

    >>> print(register({"groups": {"loop": "The loop"}, "claims": [
    ...     {"id": "a", "group": "loop", "claim": "Four rounds.", "sources": ["prachub-swe-2026"], "differs": ["b"]},
    ...     {"id": "b", "group": "loop", "claim": "Five rounds.", "sources": ["staff-prep-2026"], "differs": ["a"]}]}))
    ### The loop
    <BLANKLINE>
    | Claim | Reported by | Confidence |
    | --- | --- | --- |
    | [Four rounds.](#claim-a){ #claim-a } Disagrees with: [Five rounds.](#claim-b) | [PracHub SWE guide (2026)](#prachub-swe-2026) | medium confidence (1 of 5 sources) |
    | [Five rounds.](#claim-b){ #claim-b } Disagrees with: [Four rounds.](#claim-a) | [Staff engineer prep guide (2026)](#staff-prep-2026) | medium confidence (1 of 5 sources) |
    """
    register = claims() if register is None else register
    known = taxonomy()["sources"]
    text = {c["id"]: c["claim"] for c in register["claims"]}
    out = []
    for group, heading in register["groups"].items():
        rows = [c for c in register["claims"] if c["group"] == group]
        if not rows:
            continue
        out += [f"### {heading}", "", "| Claim | Reported by | Confidence |", "| --- | --- | --- |"]
        for c in rows:
            differs = "".join(f" Disagrees with: [{text[o]}](#claim-{o})" for o in c.get("differs") or [])
            by = ", ".join(f"[{known[i]['citation']}](#{i})" for i in c["sources"])
            out.append(f"| [{c['claim']}](#claim-{c['id']}){{ #claim-{c['id']} }}{differs} | {by} "
                       f"| {trust.describe(c['sources'])} |")
        out.append("")
    return "\n".join(out).rstrip("\n")


@event_priority(-10)  # after notebook_pages has read a notebook's front matter
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str:
    markdown = markers.replace(markdown, "sources", lambda _: sources_list(page.meta.get("sources") or []))
    markdown = markers.replace(markdown, "claims", lambda _: register())
    return markers.replace(markdown, "confidence", confidence_text)


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if not is_notebook_page(page.file.src_uri):
        return content
    href = get_relative_url("about/sources/", page.url) + "#how-confidence-is-computed"
    content = markers.replace(content, "sources",
                              lambda _: sources_html(page.meta.get("sources") or [], page.url))
    return markers.replace(content, "confidence",
                           lambda ids: f'<a href="{href}">{html.escape(trust.describe(ids))}</a>')
