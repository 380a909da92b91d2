"""hooks/check_pages.py: every problem becomes one warning, so --strict fails."""
import logging
from types import SimpleNamespace

from hooks import check_pages


def test_each_problem_is_logged_as_one_warning(tmp_path, caplog):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p.md").write_text("---\ntitle: P\n---\n# P\n")
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.check_pages"):
        check_pages.on_files([], SimpleNamespace(docs_dir=str(docs)))
    messages = [r.getMessage() for r in caplog.records]
    assert "docs/p.md: description: missing" in messages and all(r.levelno == logging.WARNING for r in caplog.records)
