"""The rules every hook follows (hooks/README.md): one concern, its own test module,
and a declared order where one hook needs another's result."""
from __future__ import annotations

import importlib
import re

import pytest

from hooks.lib.definitions import ROOT

LISTED = re.findall(r"^  - hooks/(\w+)\.py", (ROOT / "mkdocs.yml").read_text(), re.M)
EVENTS = ["on_config", "on_files", "on_page_markdown", "on_page_content", "on_post_page", "on_post_build"]


def test_every_hook_file_is_listed_in_mkdocs_yml_and_every_listed_one_exists():
    files = sorted(p.stem for p in (ROOT / "hooks").glob("*.py") if p.stem != "__init__")
    assert sorted(LISTED) == files


@pytest.mark.parametrize("name", LISTED)
def test_each_hook_has_a_docstring_and_its_own_test_module(name):
    module = importlib.import_module(f"hooks.{name}")
    assert (module.__doc__ or "").strip(), f"hooks/{name}.py: say its one concern in a docstring"
    assert (ROOT / "tests" / "hooks" / f"test_{name}.py").exists(), f"no tests/hooks/test_{name}.py"


def priority(function) -> float:
    return getattr(function, "mkdocs_priority", 0)


@pytest.mark.parametrize("name", LISTED)
def test_a_hook_runs_after_the_hooks_it_needs(name):
    """`RUNS_AFTER = {event: [hooks]}` names, per event, the hooks whose results this
    one reads; mkdocs runs higher priorities first, so this hook's must be lower."""
    module = importlib.import_module(f"hooks.{name}")
    for event, needed in getattr(module, "RUNS_AFTER", {}).items():
        assert event in EVENTS and hasattr(module, event), f"hooks/{name}.py: RUNS_AFTER names {event}"
        for other_name in needed:
            assert other_name in LISTED, f"hooks/{name}.py needs hooks/{other_name}.py, which is not listed"
            other = getattr(importlib.import_module(f"hooks.{other_name}"), event)
            assert priority(getattr(module, event)) < priority(other), (
                f"{name}.{event} must run after {other_name}.{event}: give it a lower event_priority")
