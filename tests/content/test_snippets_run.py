"""Smoke test: every snippet file runs as a script without raising."""
from __future__ import annotations

import contextlib
import io
import runpy

import pytest

from hooks.lib.definitions import ROOT

FILES = sorted(p for p in (ROOT / "snippets").rglob("*.py") if p.name != "__init__.py")
# A benchmark run as a script measures at full size (seconds each): not in `--fast`.
RUNS = [pytest.param(p, marks=pytest.mark.slow) if p.name == "benchmark.py" else p for p in FILES]


def test_there_are_snippets_to_run():
    assert len(FILES) >= 6


@pytest.mark.parametrize("path", RUNS, ids=lambda p: p.relative_to(ROOT / "snippets").as_posix())
def test_snippet_runs(path):
    with contextlib.redirect_stdout(io.StringIO()):
        runpy.run_path(str(path), run_name="__main__")


def test_the_starter_fails_loudly_until_the_reader_fills_it_in():
    from snippets.coding.in_memory_database.starter import solution

    with pytest.raises(NotImplementedError, match="level 1"):
        solution([["SET", "A", "B", "C"]])
