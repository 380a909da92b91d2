"""Accessibility budget: no WCAG 2.1 A or AA violation that axe-core rates serious or
critical, on any page, in either colour scheme, with its hints and worked answer open.

axe-core is pinned and integrity-checked like the site's own libraries
(hooks/vendor_assets.py) but never published. Moderate findings and axe's
best-practice rules (such as landmark-unique in the theme's nav) are not gated.

Each page is loaded once: every WCAG rule runs in the light scheme; then the page
switches to the dark scheme and the one rule whose result depends on the scheme,
colour contrast, runs again.
"""
from __future__ import annotations

import pytest

from hooks import vendor_assets
from tests.pages import IDS, PAGES, url_of
from tests.site.browsing import open_page

pytestmark = pytest.mark.browser
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPEN_EVERYTHING = """() => {
    document.querySelectorAll("details").forEach(d => d.open = true)
    document.getElementById("ln-answer")?.removeAttribute("hidden")
}"""


@pytest.fixture(scope="session")
def axe_script() -> str:
    return str(vendor_assets.ensure_package("axe-core") / "axe.min.js")


def serious(page, options: dict) -> list[str]:
    result = page.evaluate("options => axe.run(document, options)", {**options, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in {"serious", "critical"}]


@pytest.mark.parametrize("source", PAGES, ids=IDS)
def test_no_serious_wcag_violation_in_either_scheme(page, axe_script, source):
    open_page(page, url_of(source))
    page.evaluate(OPEN_EVERYTHING)
    page.add_script_tag(path=axe_script)
    found = {"light": serious(page, {"runOnly": {"type": "tag", "values": WCAG}})}
    # the theme fades colours over a few hundred ms: measure the end state, not the fade
    page.add_style_tag(content="*, *::before, *::after { transition: none !important }")
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    found["dark"] = serious(page, {"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    assert found == {"light": [], "dark": []}
