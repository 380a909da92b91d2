"""Check every page against schema/ before anything is rendered.

Front matter, the `##` anatomy of its kind, hints before the worked answer, and
markers; the rules are in schema/ and the checking code in hooks/lib/validation.py,
which the tests use too. Each problem is logged as a warning, one line naming the
file and the field, so `mkdocs build --strict` fails and `mkdocs serve` shows it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hooks.lib import validation

log = logging.getLogger("mkdocs.hooks.check_pages")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for problem in validation.check_all(Path(config.docs_dir)):
        log.warning(str(problem))
    return files
