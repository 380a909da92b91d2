"""The scaffold: page + snippet + test under one key, in the nav, guarded until written."""
from __future__ import annotations

import shutil

import pytest

from hooks.lib import validation
from hooks.lib.definitions import ROOT, kinds
from tools import new


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(ROOT / "docs" / "_templates", tmp_path / "docs" / "_templates")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_every_kind_with_an_anatomy_can_be_scaffolded():
    assert new.scaffolded_kinds() == sorted(k for k, s in kinds().items() if s["headings"])


@pytest.mark.parametrize("kind", new.scaffolded_kinds())
def test_each_kind_scaffolds_its_files_under_one_key(repo, kind, capsys):
    assert new.main([kind, "an-example", "--title", 'A "quoted" example'], root=repo) == 0
    created = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*")
                     if p.is_file() and "_templates" not in p.parts and p.name != "mkdocs.yml")
    spec = kinds()[kind]
    assert f"docs/{spec['section']}/an-example{spec['suffix']}" in created
    for path in created:
        if path.startswith(("snippets/", "tests/")) and not path.endswith("__init__.py"):
            assert "an_example" in path, path
    for path in repo.rglob("*.py"):
        if "_templates" not in path.parts:
            compile(path.read_text(), str(path), "exec")  # the templates expand to valid Python
    nav = (repo / "mkdocs.yml").read_text()
    assert f"  - {spec['nav']}:\n" in nav and f"      - {spec['section']}/an-example{spec['suffix']}" in nav


@pytest.mark.parametrize("kind", new.scaffolded_kinds())
def test_a_fresh_scaffold_cannot_be_published_until_written(repo, kind):
    new.main([kind, "an-example", "--title", "An example"], root=repo)
    spec = kinds()[kind]
    page = repo / "docs" / spec["section"] / f"an-example{spec['suffix']}"
    fields = {p.field for p in validation.check_page(page, repo / "docs")}
    assert {"body", "description", "sources"} <= fields
    assert "headings" not in fields, "a fresh scaffold must already follow its kind's anatomy"


def test_a_scaffolded_coding_problem_is_practisable(repo):
    new.main(["coding", "an-example", "--title", "An example"], root=repo)
    init = (repo / "snippets" / "coding" / "an_example" / "__init__.py").read_text()
    assert "PRACTICE" in init and "solution" in init


def test_it_refuses_to_overwrite_and_rejects_bad_slugs(repo, capsys):
    assert new.main(["design", "twice", "--title", "Twice"], root=repo) == 0
    assert new.main(["design", "twice", "--title", "Twice"], root=repo) == 2
    assert "already exists" in capsys.readouterr().err
    assert new.main(["design", "Not_A_Slug", "--title", "X"], root=repo) == 2
