"""Check every page's front matter and section headings against schema/.

The rules live in schema/kinds.yml and schema/taxonomy.yml; the checking code in
hooks/pagemeta.py, which the tests use too. Each problem is logged as a warning,
one line naming the file and the field, so `mkdocs build --strict` fails and
`mkdocs serve` shows it on the next save.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from hooks import pagemeta

log = logging.getLogger("mkdocs.hooks.page_schema")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for problem in pagemeta.check_all(Path(config.docs_dir)):
        log.warning(str(problem))
    return files
