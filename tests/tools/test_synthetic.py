"""tools/synthetic.py: a copy of the site grown from the templates passes the page checks."""
from __future__ import annotations

from hooks.lib.pages import pages
from hooks.lib.validation import check_all
from tools import synthetic


def test_a_grown_copy_has_the_pages_asked_for_and_every_one_passes_the_checks(tmp_path):
    real = len(list(pages()))
    copy, added = synthetic.site_copy(tmp_path, real + 3)
    assert added == 3 and len(list(pages(copy / "docs"))) == real + 3
    assert check_all(copy / "docs") == []
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert all(f"behavioral/synthetic-{n}.md" in config for n in (1, 2, 3))


def test_a_copy_is_never_smaller_than_the_site(tmp_path):
    copy, added = synthetic.site_copy(tmp_path, 5)
    assert added == 0 and len(list(pages(copy / "docs"))) == len(list(pages()))


def test_generated_pages_differ_from_each_other():
    assert synthetic.page_text(1) != synthetic.page_text(2)
    assert "write:" not in synthetic.page_text(3)
