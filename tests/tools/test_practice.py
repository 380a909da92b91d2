"""The practice command: reader-facing errors are one line; the tests can fail."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "snippets" / "coding" / "in_memory_database" / "solution.py"

pytestmark = pytest.mark.slow


def practice(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tools.practice", *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_without_arguments_it_lists_the_problems():
    result = practice()
    assert result.returncode == 0 and "in-memory-database" in result.stdout and "levels 1-4" in result.stdout


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file (start from snippets/coding/in_memory_database/starter.py)"),
    ("def solution(q):\n    return [\n", ":2: syntax error:"),
    ("x = 1\n", "defines no function solution(queries: list[list[str]]) -> list[str], which the tests call"),
    ("raise RuntimeError('boom')\n", "importing it raised RuntimeError: boom"),
])
def test_a_broken_file_gets_a_one_line_error(tmp_path, content, message):
    mine = tmp_path / "mine.py"
    if content is not None:
        mine.write_text(content)
    result = practice("in-memory-database", "--impl", str(mine))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr


def test_an_unknown_problem_is_named():
    result = practice("no-such-problem")
    assert result.returncode == 2 and "known: in-memory-database" in result.stderr


def test_a_copy_of_the_reference_passes_every_level(tmp_path):
    mine = tmp_path / "mine.py"
    mine.write_text(REFERENCE.read_text())
    result = practice("in-memory-database", "--impl", str(mine))
    assert result.returncode == 0, result.stdout[-2000:]


def test_the_untouched_starter_fails_level_one():
    result = practice("in-memory-database", "--impl",
                      str(ROOT / "snippets/coding/in_memory_database/starter.py"), "--level", "1")
    assert result.returncode == 1 and "NotImplementedError" in result.stdout


def test_an_off_by_one_ttl_passes_levels_one_and_two_but_fails_three(tmp_path):
    mine = tmp_path / "mine.py"
    buggy = REFERENCE.read_text().replace("at < self.expires_at", "at <= self.expires_at")
    assert buggy != REFERENCE.read_text()
    mine.write_text(buggy)
    assert practice("in-memory-database", "--impl", str(mine), "--level", "2").returncode == 0
    result = practice("in-memory-database", "--impl", str(mine), "--level", "3")
    assert result.returncode == 1 and "test_a_ttl_value_lives_from_its_timestamp" in result.stdout


def test_pytest_itself_reports_a_bad_impl_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/coding/in_memory_database",
                             f"--impl={tmp_path / 'missing.py'}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 4 and "--impl:" in result.stderr and "no such file" in result.stderr
