"""What pytest collects: every module and page, except files that are not modules.

Registered in pyproject.toml's addopts (`-p tests.plugin`). Notebook pages are
jupytext scripts that plot and print; tests/content/test_notebooks.py runs them.
Templates hold `$placeholders`. Both folders come from schema/kinds.yml.
"""
from __future__ import annotations

from pathlib import Path

from hooks.lib.definitions import DOCS, TEMPLATES, notebook_sections


def pytest_ignore_collect(collection_path: Path, config) -> bool | None:
    skipped = [TEMPLATES, *(DOCS / section for section in notebook_sections())]
    if any(collection_path == folder or folder in collection_path.parents for folder in skipped):
        return True
    return None
