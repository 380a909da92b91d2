"""Contributed pages cannot inject anything: each unsafe construct fails the page checks
(and so `mkdocs build --strict`), naming the page and the line; the same text quoted as
code passes. The rules are in hooks/lib/unsafe_html.py."""
from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest

from hooks import check_pages
from hooks.lib.validation import check_page

PAGE = "---\ntitle: A page\n---\n# A page\n\nSome text.\n{line}\n"
UNSAFE = {
    "script element": "<script>alert(1)</script>",
    "script, other case": "<SCRIPT src=x.js></SCRIPT>",
    "iframe": '<iframe src="https://example.com"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "form": '<form action="/x"><input></form>',
    "base": '<base href="https://example.com/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://example.com">',
    "event handler": '<img src="plot.png" alt="x" onerror="alert(1)">',
    "event handler in an admonition": '!!! note\n\n    <span onmouseover="x()">hover</span>',
    "javascript link": "[click](javascript:alert(1))",
    "javascript link with spaces": "[click]( javascript :alert(1))",
    "data image": "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "reference definition": "[ref]: javascript:alert(1)",
    "autolink": "<javascript:alert(1)>",
    "href attribute": '<a href="javascript:alert(1)">x</a>',
    "entity-encoded scheme": '<a href="jav&#x61;script:alert(1)">x</a>',
    "vbscript": "<a href='vbscript:msgbox(1)'>x</a>",
}
QUOTED = {
    "inline code": "Never write `<script>` or `onclick=` in a page.",
    "fenced code": "```html\n<script>alert(1)</script>\n```",
    "fenced code in an admonition": '!!! note\n\n    ```html\n    <a href="javascript:x()">x</a>\n    ```',
    "tilde fence": "~~~\n<iframe src=x></iframe>\n~~~",
    "plain html": '<span class="x">fine</span> and a [link](https://example.com) and <abbr title="t">t</abbr>',
    "words": "Talk about javascript: and data: in prose, and the onload event.",
}


def problems(tmp_path, text: str, name: str = "page.md") -> list[str]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / name).write_text(text, encoding="utf-8")
    return [str(p) for p in check_page(docs / name, docs) if p.field == "html"]


@pytest.mark.parametrize("case", UNSAFE)
def test_each_unsafe_construct_fails_naming_the_page_and_line(tmp_path, case):
    text = PAGE.format(line=UNSAFE[case])
    found = problems(tmp_path, text)
    line = text.splitlines().index(next(l for l in text.splitlines()[6:] if l.strip())) + 1
    assert found and all(p.startswith("docs/page.md: html: line ") for p in found), found
    assert any(p.startswith(f"docs/page.md: html: line {n}:") for p in found
               for n in range(line, line + 3)), found


@pytest.mark.parametrize("case", QUOTED)
def test_the_same_things_quoted_as_code_or_named_in_prose_pass(tmp_path, case):
    assert problems(tmp_path, PAGE.format(line=QUOTED[case])) == []


def test_a_notebook_is_checked_in_its_markdown_cells_and_its_displays(tmp_path):
    notebook = ("# ---\n# title: N\n# ---\n\n# %% [markdown]\n# # N\n#\n# <iframe src=x></iframe>\n\n"
                "# %%\nfrom IPython.display import HTML\nHTML('<script>x()</script>')\n"
                "# %%\ns = '<script>'  # a string in code is not output\n")
    found = problems(tmp_path, notebook, "nb.py")
    assert [p.split(":")[2].strip() for p in found] == ["line 8", "line 12"], found


def test_an_unsafe_page_fails_the_strict_build(tmp_path, caplog):
    """The page checks run in the build (hooks/check_pages.py); a warning fails --strict."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p.md").write_text(PAGE.format(line=UNSAFE["event handler"]), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.check_pages"):
        check_pages.on_files([], SimpleNamespace(docs_dir=str(docs)))
    assert "docs/p.md: html: line 7: an inline event handler (onerror=) is not allowed" in [
        r.getMessage() for r in caplog.records]
