"""Spelling: codespell finds no known misspelling in the pages, notebooks, snippets or the
code around them. Its word list (words it is wrong about) is `[tool.codespell]` in
pyproject.toml."""
from __future__ import annotations

import contextlib
import io

from codespell_lib import main as codespell

from hooks.lib.definitions import ROOT

CHECKED = ["docs", "snippets", "tests", "hooks", "tools", "schema", "overrides",
           "README.md", "CONTRIBUTING.md", "mkdocs.yml"]


def misspellings(*paths: str) -> list[str]:
    """codespell's findings, one line each ("file:line: wrong ==> right")."""
    out = io.StringIO()
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(out):
        codespell("--toml", "pyproject.toml", *paths)
    return out.getvalue().splitlines()


def test_no_known_misspelling_anywhere_a_reader_or_contributor_reads():
    assert misspellings(*CHECKED) == []


def test_the_check_would_notice_one(tmp_path):
    page = tmp_path / "page.md"
    wrong = "recie" + "ver"  # spelt out whole, this file would fail the check above
    page.write_text(f"The {wrong} acknowledges each message.\n", encoding="utf-8")
    assert [line.split(": ", 1)[1] for line in misspellings(str(page))] == [f"{wrong} ==> receiver"]
