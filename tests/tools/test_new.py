"""The scaffold: page + snippet + test under one key, in the nav, guarded until written."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hooks import pagemeta
from tools import new

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(ROOT / "docs" / "_templates", tmp_path / "docs" / "_templates")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("kind", sorted(new.FILES))
def test_each_kind_scaffolds_its_files_under_one_key(repo, kind, capsys):
    assert new.main([kind, "an-example", "--title", 'A "quoted" example'], root=repo) == 0
    created = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*")
                     if p.is_file() and "_templates" not in p.parts and p.name != "mkdocs.yml")
    section = new.SECTIONS[kind][0]
    assert any(c.startswith(f"docs/{section}/an-example.") for c in created)
    for path in created:
        if path.startswith(("snippets/", "tests/")) and not path.endswith("__init__.py"):
            assert "an_example" in path, path
    for path in repo.rglob("*.py"):
        if "_templates" not in path.parts:
            compile(path.read_text(), str(path), "exec")  # the templates expand to valid Python
    nav = (repo / "mkdocs.yml").read_text()
    assert f"      - {section}/an-example." in nav


@pytest.mark.parametrize("kind", sorted(new.FILES))
def test_a_fresh_scaffold_cannot_be_published_until_written(repo, kind):
    new.main([kind, "an-example", "--title", "An example"], root=repo)
    page = next((repo / "docs").glob(f"{new.SECTIONS[kind][0]}/an-example.*"))
    fields = {p.field for p in pagemeta.check_page(page, repo / "docs")}
    assert {"body", "description", "sources"} <= fields


def test_it_refuses_to_overwrite_and_rejects_bad_slugs(repo, capsys):
    assert new.main(["design", "twice", "--title", "Twice"], root=repo) == 0
    assert new.main(["design", "twice", "--title", "Twice"], root=repo) == 2
    assert "already exists" in capsys.readouterr().err
    assert new.main(["design", "Not_A_Slug", "--title", "X"], root=repo) == 2
