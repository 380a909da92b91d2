"""Page, snippet and test share one naming key; pages include only their own code.

    docs/<section>/<page-key>.md  <->  snippets/<section>/<page_key>/
                                  <->  tests/<section>/test_<page_key>.py or tests/<section>/<page_key>/

A section is the folder of a kind in schema/kinds.yml; the page's suffix is the kind's.
"""
from __future__ import annotations

import re

import pytest

from hooks.lib.definitions import ROOT, kind_of_section, kinds
from hooks.lib.pages import read_page
from tests.pages import IDS, PAGES

INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
SNIPPET_DIRS = sorted(p for p in (ROOT / "snippets").glob("*/*") if p.is_dir() and p.name != "__pycache__")


@pytest.mark.parametrize("folder", SNIPPET_DIRS, ids=lambda p: p.relative_to(ROOT / "snippets").as_posix())
def test_each_snippet_folder_has_its_page_and_its_tests(folder):
    section, key = folder.parent.name, folder.name
    kind = kind_of_section(section)
    assert kind, f"snippets/{section}/ is not the folder of any kind in schema/kinds.yml"
    page = ROOT / "docs" / section / (key.replace("_", "-") + kinds()[kind]["suffix"])
    assert page.exists(), f"no page {page.relative_to(ROOT)} for snippets/{section}/{key}/"
    tests = [ROOT / "tests" / section / f"test_{key}.py", ROOT / "tests" / section / key]
    assert any(t.exists() for t in tests), f"no tests/{section}/test_{key}.py or tests/{section}/{key}/"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_a_page_of_a_kind_lives_in_its_kinds_folder(page):
    kind = read_page(page)[0].get("kind")
    section = kinds()[kind]["section"]
    if section:
        assert page.parent == ROOT / "docs" / section, f"a {kind} page belongs in docs/{section}/"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_a_page_includes_only_code_from_its_own_snippet_folder(page):
    relative = page.relative_to(ROOT / "docs")
    own = f"{relative.parent.as_posix()}/{relative.stem.replace('-', '_')}/"
    for path in INCLUDE.findall(page.read_text(encoding="utf-8")):
        assert path.startswith(own), f"{relative} includes {path}; its code lives in snippets/{own}"


GUIDANCE = re.compile(r"(<!--|#)\s*write:")


def test_no_template_guidance_is_left_in_pages_snippets_or_tests():
    """Scaffolded files carry `write:` notes; none may reach main unreplaced."""
    left = []
    for top in ("docs", "snippets", "tests"):
        for path in sorted((ROOT / top).rglob("*")):
            if path.suffix not in {".md", ".py"} or "_templates" in path.parts or path.name == "test_structure.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if GUIDANCE.search(line):
                    left.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:60]}")
    assert left == []
