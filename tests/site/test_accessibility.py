"""Accessibility budget: no WCAG 2.1 A or AA violation that axe-core rates serious or
critical, on any page, in either colour scheme, with its hints and worked answer open.

axe-core is pinned and integrity-checked like the site's own libraries
(hooks/vendor_assets.py) but never published. Moderate findings and axe's
best-practice rules (such as landmark-unique in the theme's nav) are not gated.

Each page is loaded once for this and the other per-page checks (`visited`): every
WCAG rule runs in the light scheme; then the page switches to the dark scheme and the
one rule whose result depends on the scheme, colour contrast, runs again.
"""
from __future__ import annotations

import pytest

from tests.pages import IDS, PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("source", PAGES, ids=IDS)
def test_no_serious_wcag_violation_in_either_scheme(visited, source):
    """Hints and worked answer open, at 1280 px (tests/site/browsing.py `visit`)."""
    assert visited(source).axe == {"light": [], "dark": []}
