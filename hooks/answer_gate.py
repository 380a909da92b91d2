"""Practice before spoilers: the worked answer stays hidden until the reader asks.

The sections a kind marks `answer: true` in schema/kinds.yml (the approach,
solution and complexity of a coding page; requirements to alternatives on a
design page) are wrapped in one region with `hidden="until-found"`, after a
button that reveals it. Find-in-page and links into the region reveal it too
(the browser fires `beforematch`); docs/assets/javascripts/answer.js handles the
button and browsers without `until-found`. Authors write ordinary sections; the
page checks make sure nothing of the answer comes before the hints.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from hooks.lib.definitions import kinds

GATE = ('<div class="ln-gate">'
        '<p>Attempt the problem first. The worked answer is below, hidden until you ask for it.</p>'
        '<button type="button" class="md-button md-button--primary" data-ln-reveal aria-controls="ln-answer" '
        'aria-expanded="false">Show the worked answer</button></div>\n'
        '<div id="ln-answer" class="ln-answer" hidden="until-found">\n')


def wrap_answer(content: str, ids: list[str], after_ids: list[str]) -> str:
    """Wrap the HTML from the first answer heading up to the next later heading.

    `ids` are the answer sections' heading ids; `after_ids` the ids of the
    sections after the answer, the first of which ends it.

    >>> html = '<h2 id="p">P</h2><p>x</p><h2 id="a">A</h2><p>y</p><h2 id="t">T</h2>'
    >>> print(wrap_answer(html, ["a"], ["t"]).replace(GATE, "[GATE]"))
    <h2 id="p">P</h2><p>x</p>[GATE]<h2 id="a">A</h2><p>y</p></div>
    <h2 id="t">T</h2>
    >>> wrap_answer(html, [], ["t"]) == html
    True
    """
    def at(heading_id: str) -> re.Match | None:
        return re.search(rf'<h2[^>]*\bid="{re.escape(heading_id)}"', content)

    starts = [m.start() for i in ids if (m := at(i))]
    if not starts:
        return content
    start = min(starts)
    ends = [m.start() for i in after_ids if (m := at(i))]
    ends = [e for e in ends if e > start]
    end = min(ends) if ends else len(content)
    return content[:start] + GATE + content[start:end] + "</div>\n" + content[end:]


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    anatomy = kinds().get(page.meta.get("kind"), {}).get("headings", [])
    answer = {h["title"] for h in anatomy if h["answer"]}
    if not answer or not page.toc.items:
        return content
    top = page.toc.items[0].children if page.toc.items[0].level == 1 else page.toc.items
    ids = [item.id for item in top if item.title in answer]
    seen_answer, after = False, []
    for item in top:
        seen_answer |= item.title in answer
        if seen_answer and item.title not in answer:
            after.append(item.id)
    return wrap_answer(content, ids, after)
