"""The built site in headless Chromium, served on 127.0.0.1, as a reader meets it.

Every test runs through the `page` fixture (tests/site/conftest.py), which aborts and
records any request to a host other than 127.0.0.1 and fails the test if there was
one, or any console error; the per-page checks (tests/site/test_pages.py) use the same
tracking. Screenshots of failures land in test-artifacts/.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.site.browsing import first_page_with, go_instantly, open_page

pytestmark = pytest.mark.browser


def test_the_content_security_policy_refuses_what_no_page_should_do(page):
    """Every page carries the policy (hooks/content_security.py); here it refuses an
    injected inline script and a connection elsewhere, and the refusal reaches the
    console, which every browser test gates on, so a page that breaks the policy fails."""
    open_page(page, "")
    refused = page.evaluate("""() => new Promise(resolve => {
        const seen = []
        document.addEventListener("securitypolicyviolation", e => seen.push(e.effectiveDirective))
        const script = document.createElement("script")
        script.textContent = "window.__ranInline = true"
        document.body.append(script)
        fetch("http://127.0.0.2:9/").catch(() => {})
        setTimeout(() => resolve(seen), 500)
    })""")
    assert sorted(refused) == ["connect-src", "script-src-elem"]
    assert page.evaluate("() => window.__ranInline") is None
    assert any("Content Security Policy" in e for e in page.console_errors), page.console_errors
    page.console_errors.clear()  # expected here; anywhere else the fixture fails the test


def test_the_home_page_renders_and_says_it_is_unofficial(page):
    open_page(page, "")
    assert page.title().startswith("Loop Notes")
    assert page.locator(".unofficial").is_visible()
    assert "not affiliated" in page.locator(".unofficial").inner_text()
    assert "not affiliated with or endorsed by Anthropic" in page.locator("footer").inner_text()


def test_search_finds_the_page_about_a_term(page):
    open_page(page, "")
    page.locator("input.md-search__input").click()
    page.keyboard.type("makespan")
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("stream-file-to-1000-hosts" in h for h in hrefs), hrefs


def reveal_answers(page) -> None:
    """Open the worked answer (hooks/answer_gate.py) as a reader would, where a page has one.

    After an instant navigation the page's scripts bind the button when Material announces
    the new page, which on a loaded machine can come after the click: click until it opens."""
    for button in page.locator("[data-ln-reveal]").all():
        for _ in range(20):
            if button.get_attribute("aria-expanded") == "true":
                break
            button.click()
            page.wait_for_timeout(250)
        expect(button).to_have_attribute("aria-expanded", "true")


def switch_scheme(page) -> None:
    page.locator("form[data-md-component=palette] label:visible").first.click()


DIAGRAM_STYLE = """svg => {
    const edge = svg.querySelector(".flowchart-link, .edgePath .path, .relation, .transition")
    const label = svg.querySelector(".nodeLabel, .label, text")
    return {edge: edge && getComputedStyle(edge).stroke, text: getComputedStyle(label).color,
            height: svg.getBoundingClientRect().height}
}"""


def test_a_diagram_is_an_accessible_inline_svg_in_both_schemes(page, site_dir):
    path = first_page_with(site_dir, 'class="diagram"')
    open_page(page, path)
    reveal_answers(page)
    assert page.locator("script[src*=mermaid]").count() == 0
    svg = page.locator(".diagram svg").first
    expect(svg).to_have_attribute("role", "img")
    expect(svg).to_have_accessible_name(re.compile(r"\w{3}"))
    light = svg.evaluate(DIAGRAM_STYLE)
    assert light["height"] > 100
    switch_scheme(page)
    dark = svg.evaluate(DIAGRAM_STYLE)
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert dark["text"] != light["text"]  # labels and lines follow the colour scheme
    assert dark["edge"] is None or dark["edge"] != light["edge"]


def test_on_a_phone_a_diagram_fits_or_scrolls_in_its_own_box(page, site_dir):
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, first_page_with(site_dir, 'class="diagram"'))
    reveal_answers(page)
    box = page.locator(".diagram").first
    box.scroll_into_view_if_needed()
    assert box.bounding_box()["width"] <= 390
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert box.locator("svg").bounding_box()["height"] > 100


def test_diagrams_and_math_also_render_after_instant_navigation(page, site_dir):
    """Instant navigation swaps the page without a reload: the diagram (inline SVG) and
    the math (MathML drawn at build time, which the browser lays out itself) must be
    there and drawn, in both schemes."""
    diagram_page = first_page_with(site_dir, 'class="diagram"')
    math_page = first_page_with(site_dir, "<math ")
    open_page(page, "")
    go_instantly(page, diagram_page)
    reveal_answers(page)
    svg = page.locator(".diagram svg").first
    expect(svg).to_have_accessible_name(re.compile(r"\w{3}"))
    assert svg.evaluate(DIAGRAM_STYLE)["height"] > 100
    go_instantly(page, math_page)
    math = page.locator("math").first
    math.wait_for()
    assert math.evaluate(MATH_LAYOUT)["display"] in ("math", "block math")  # inline is "math"
    light = math.evaluate("e => getComputedStyle(e).color")
    switch_scheme(page)
    assert math.evaluate("e => getComputedStyle(e).color") != light
    go_instantly(page, diagram_page)
    reveal_answers(page)
    assert page.locator(".diagram svg").first.evaluate(DIAGRAM_STYLE)["height"] > 100


MATH_LAYOUT = "e => ({display: getComputedStyle(e).display, height: e.getBoundingClientRect().height})"


def test_notebook_math_is_drawn_and_styled(page, site_dir):
    open_page(page, first_page_with(site_dir, "<mfrac"))  # a page whose math has a fraction
    wrapper = page.locator(".jupyter-wrapper").first
    fraction = page.locator('.jupyter-wrapper math[display="block"]:has(mfrac)')
    assert fraction.count() >= 1
    layout = fraction.first.evaluate(MATH_LAYOUT)
    # laid out as math (a fraction is taller than a line), not as a run of letters
    assert layout["display"] == "block math" and layout["height"] > 30
    assert "$$" not in wrapper.inner_text()


def notebook_pages(site_dir: Path) -> list[str]:
    return [html.parent.relative_to(site_dir).as_posix() + "/"
            for html in sorted(site_dir.rglob("index.html"))
            if 'class="jupyter-wrapper' in html.read_text(encoding="utf-8")]


def test_a_wide_equation_scrolls_sideways_on_a_phone_and_can_be_focused(page, site_dir):
    page.set_viewport_size({"width": 390, "height": 844})
    widths = []
    for path in notebook_pages(site_dir):
        open_page(page, path)
        boxes = page.locator(".jupyter-wrapper .katex:has(> math[display=block])")
        widths += [boxes.nth(i).evaluate("e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX,"
                                         " e.tabIndex]") for i in range(boxes.count())]
    assert any(scroll > client for scroll, client, *_ in widths), "no equation is wider than a phone"
    assert all(overflow == "auto" and tab == 0 for _, _, overflow, tab in widths)


def test_the_notebook_page_shows_its_plots(page, site_dir):
    open_page(page, first_page_with(site_dir, 'class="jupyter-wrapper"'))
    plots = page.locator(".jp-OutputArea-output img")
    assert plots.count() >= 1
    for index in range(plots.count()):
        plot = plots.nth(index)
        plot.scroll_into_view_if_needed()  # plots load lazily
        expect(plot).to_have_js_property("complete", True)
        assert plot.evaluate("img => img.naturalWidth > 300")
        assert plot.get_attribute("alt") and plot.get_attribute("width")


def test_dark_mode_toggles(page):
    open_page(page, "")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    light = body.evaluate("b => getComputedStyle(b).backgroundColor")
    page.locator("[title='Switch to dark mode']").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert body.evaluate("b => getComputedStyle(b).backgroundColor") != light


def test_code_blocks_have_copy_buttons_and_annotations(page):
    open_page(page, "coding/in-memory-database/")
    reveal_answers(page)
    # Blocks mount as they scroll into view (content.lazy): every block a reader can
    # see gets its copy button (blocks in a closed tab mount when the tab opens).
    blocks = page.locator("article div.highlight")
    shown = [blocks.nth(i) for i in range(blocks.count()) if blocks.nth(i).is_visible()]
    assert len(shown) >= 8
    for block in shown:
        block.scroll_into_view_if_needed()
        expect(block.locator("button[title='Copy to clipboard']")).to_have_count(1)
    annotation = page.locator(".md-annotation").first
    assert annotation.locator(".md-tooltip").is_hidden()
    annotation.locator(".md-annotation__index").scroll_into_view_if_needed()
    annotation.locator(".md-annotation__index").click(force=True)  # the marker pulses
    assert "half-open" in annotation.locator(".md-tooltip").inner_text()


def test_hints_are_collapsed_until_opened(page):
    open_page(page, "coding/in-memory-database/")
    hint = page.locator("details.tip").first
    assert hint.get_attribute("open") is None
    hint.locator("summary").click()
    assert hint.get_attribute("open") is not None
