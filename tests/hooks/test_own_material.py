"""hooks/own_material.py: the site's own sections say so, sourced ones do not."""
import re

from hooks import own_material
from tests.hooks.render import rendered


def test_marked_headings_and_own_sections_of_the_kind_are_labelled():
    text = "# T\n\n## The prompt\n\nx\n\n## Hints\n\ny\n\n### Extra { .ours }\n\nz\n\n## Sources\n"
    html, page = rendered(text, {"kind": "design"})
    out = own_material.on_page_content(html, page=page, config=None, files=None)
    labelled = [re.findall(r"<h[23][^>]*>(.*?)</h[23]>", part)[-1] for part in out.split(own_material.NOTE)[:-1]]
    assert labelled == ["Hints", "Extra"]
