"""Accessibility budget: no WCAG 2.1 A or AA violation that axe-core rates serious or
critical, on any page, in either colour scheme.

axe-core is pinned and integrity-checked like the site's own libraries
(hooks/vendor_assets.py) but never published. Moderate findings and axe's
best-practice rules (such as landmark-unique in the theme's nav) are not gated.
"""
from __future__ import annotations

import pytest

from hooks import vendor_assets
from tests.pages import IDS, PAGES, url_of
from tests.site.browsing import open_page

pytestmark = pytest.mark.browser
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_script() -> str:
    return str(vendor_assets.ensure_package("axe-core") / "axe.min.js")


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("source", PAGES, ids=IDS)
def test_no_serious_wcag_violation(page, axe_script, source, scheme):
    open_page(page, url_of(source))
    page.evaluate(f"""() => {{
        document.body.setAttribute("data-md-color-scheme", "{scheme}");
    }}""")
    page.wait_for_timeout(300)  # let diagrams and math settle in the new scheme
    page.add_script_tag(path=axe_script)
    result = page.evaluate(f"axe.run(document, {{runOnly: {WCAG}, resultTypes: ['violations']}})")
    serious = [f"{v['id']} ({v['impact']}): {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
               for v in result["violations"] if v["impact"] in {"serious", "critical"}]
    assert serious == []
