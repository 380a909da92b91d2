"""Opening a page of the built site in the browser tests, and the one visit per page
that the per-page checks (offline, accessibility, reading on a phone, the worked answer:
tests/site/test_pages.py) share.

A page is loaded once for all four: `visit` records what each check needs into a
`Visit`. Most of its cost is axe-core (about 1 to 3 s of a big page's 2 to 4 s).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

FIRST_SCREEN = """() => {
    const h1 = document.querySelector("article h1")
    const paragraphs = [...document.querySelectorAll("article p")].filter(p =>
        !p.closest(".ln-facts, .ln-ours-note, details, .admonition, nav, table")
        && (h1.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING)
        && p.innerText.trim().length > 40)
    const box = (e) => e.getBoundingClientRect()
    return {titles: document.querySelectorAll("article h1").length, title: box(h1).bottom,
            paragraph: paragraphs.length ? box(paragraphs[0]).bottom : null}
}"""
OPEN_EVERYTHING = """() => {
    document.querySelectorAll("details").forEach(d => d.open = true)
    document.getElementById("ln-answer")?.removeAttribute("hidden")
}"""
TOO_WIDE = """() => {
    document.querySelectorAll('[hidden]').forEach(e => e.removeAttribute('hidden'))
    const found = []
    const root = document.documentElement
    if (root.scrollWidth > root.clientWidth + 1) found.push(`the page: ${root.scrollWidth} px`)
    for (const table of document.querySelectorAll("article table")) {
        const box = table.closest(".md-typeset__scrollwrap") || table.parentElement
        if (table.scrollWidth > box.clientWidth + 1)
            found.push(`table "${table.innerText.slice(0, 40).replace(/\\s+/g, " ")}": `
                       + `${table.scrollWidth} px in ${box.clientWidth} px`)
    }
    return found
}"""


def open_page(page, path: str, until: str = "load") -> None:
    """Load `path`. By the load event the theme and the site's scripts have run (they are
    plain scripts at the end of the page), so the page is ready for a reader."""
    page.goto(page.base_url + path)
    page.wait_for_load_state(until)


def first_page_with(site_dir: Path, marker: str) -> str:
    """The site path of the first built page whose HTML contains `marker` (pages are
    chosen by what they contain, not by their titles, which change)."""
    for html in sorted(site_dir.rglob("index.html")):
        if marker in html.read_text(encoding="utf-8"):
            folder = html.parent.relative_to(site_dir).as_posix()
            return "" if folder == "." else folder + "/"
    pytest.skip(f"no built page contains {marker!r}")


def mark_the_article(page) -> None:
    """Put a probe in the current article, so `wait_for_the_swap` can tell it has gone."""
    page.evaluate("""() => { const a = document.createElement("a"); a.dataset.lnProbe = ""
                             document.querySelector("article.md-content__inner").append(a) }""")


def wait_for_the_swap(page, path: str) -> None:
    """Wait until the page at `path` is in place after an instant navigation. The address
    changes before the theme swaps the content in; the probe lives in the old article, so
    its absence means the new page is there."""
    page.wait_for_function("""path => location.pathname === path
                                      && !document.querySelector("[data-ln-probe]")""", arg=path)
    page.wait_for_load_state("networkidle")


def go_instantly(page, path: str) -> None:
    """Follow a link the way a reader does, so Material's instant navigation swaps the
    page in place; fails if the browser loaded a new document instead."""
    # the theme takes over links only once it has fetched the sitemap after loading
    page.wait_for_load_state("networkidle")
    page.evaluate("() => { window.__same_document = true }")
    mark_the_article(page)
    page.evaluate("""href => { const a = document.createElement("a"); a.href = href
                               document.querySelector("article.md-content__inner").append(a); a.click() }""",
                  page.base_url + path)
    wait_for_the_swap(page, urlparse(page.base_url + path).path)
    assert page.evaluate("() => window.__same_document === true"), "not an instant navigation"


@dataclass
class Visit:
    """What one load of a page showed."""
    outside: list[str] = field(default_factory=list)         # requests that left 127.0.0.1
    console_errors: list[str] = field(default_factory=list)
    first_screen: dict = field(default_factory=dict)         # on a phone, as loaded
    too_wide: list[str] = field(default_factory=list)        # on a phone, everything open
    axe: dict[str, list[str]] = field(default_factory=dict)  # serious findings by scheme
    answer: dict = field(default_factory=dict)               # the reveal, clicked twice


def serious(page, options: dict) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    result = page.evaluate("options => axe.run(document, options)", {**options, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in {"serious", "critical"}]


def reveal_twice(page) -> dict:
    """What a reader sees of the worked answer: before asking, after one click of the
    button and after a second."""
    first_heading, button = page.locator("#ln-answer h2").first, page.locator("[data-ln-reveal]")
    state = lambda: (first_heading.is_visible(), button.get_attribute("aria-expanded"))
    seen = {"answers": page.locator("#ln-answer").count(),
            "hints before it": page.locator("details.tip").count(), "at first": state()}
    button.click()
    seen["after a click"] = state()
    button.click()
    seen["after another"] = state()
    page.mouse.move(0, 0)  # leave the page as loaded: nothing hovered, at the top
    page.evaluate("() => window.scrollTo(0, 0)")
    return seen


def visit(page, path: str) -> Visit:
    """Load `path` on a phone and try the worked answer's button, then check the page at
    desktop width with axe in both schemes, then everything opened on a phone again.
    `page` is a tracked page (conftest) whose context loads axe-core into every page; it
    may have shown other pages before."""
    page.outside, page.console_errors = [], []  # what this page does, not the last one
    seen = Visit(outside=page.outside, console_errors=page.console_errors)
    page.set_viewport_size(PHONE)
    open_page(page, path)
    seen.first_screen = page.evaluate(FIRST_SCREEN)
    # The theme fades colours and the navigation over a few hundred ms after a hover,
    # a resize or a scheme switch: measure end states, not fades.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important }")
    if page.locator("#ln-answer").count():
        seen.answer = reveal_twice(page)
    # Accessibility at desktop width: every WCAG rule in the light scheme, then the one
    # rule whose result depends on the scheme, colour contrast, in the dark scheme.
    page.set_viewport_size(DESKTOP)
    page.evaluate(OPEN_EVERYTHING)
    seen.axe["light"] = serious(page, {"runOnly": {"type": "tag", "values": WCAG}})
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    seen.axe["dark"] = serious(page, {"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    page.set_viewport_size(PHONE)
    seen.too_wide = page.evaluate(TOO_WIDE)
    return seen
