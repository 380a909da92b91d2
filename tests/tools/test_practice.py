"""The practice command: reader-facing errors are one line; the tests can fail."""
from __future__ import annotations

import subprocess
import sys

import pytest

from hooks.lib.definitions import ROOT

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
    assert result.returncode == 2 and "no problem 'no-such-problem'; known:" in result.stderr
    assert "in-memory-database" in result.stderr.split("known:")[1]


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


# A reader's file is untrusted input: every way it can go wrong ends in one short
# line and a non-zero status, within seconds (issue: practice never hangs).
REF = "from snippets.coding.in_memory_database.solution import solution as reference\n"
LONG = "len(queries) > 7"  # only the longer level-1 tests reach this, not the first small example
UNTRUSTED = {
    "endless loop on the first example": ("def solution(queries):\n    while True:\n        pass\n",
                                          2, "on a first small example, still running after 1 s: an endless loop?"),
    "endless loop in one test": (REF + f"def solution(queries):\n    while {LONG}:\n        pass\n"
                                 "    return reference(queries)\n",
                                 1, "level 1, test test_one_answer_per_query_in_order: still running after 1 s"),
    "sys.exit on import": ("import sys\nsys.exit(3)\n", 2, "importing it raised SystemExit(3)"),
    "KeyboardInterrupt in the function": ("def solution(queries):\n    raise KeyboardInterrupt\n",
                                          2, "solution raised KeyboardInterrupt() instead of returning"),
    "SystemExit in one test": (REF + f"def solution(queries):\n    if {LONG}:\n        raise SystemExit(4)\n"
                               "    return reference(queries)\n",
                               1, "level 1, test test_one_answer_per_query_in_order: solution raised SystemExit(4)"),
    "os._exit on the first example": ("import os\ndef solution(queries):\n    os._exit(7)\n",
                                      1, "the Python process ended with status 7"),
    "os._exit in one test": (REF + f"import os\ndef solution(queries):\n    if {LONG}:\n        os._exit(9)\n"
                             "    return reference(queries)\n",
                             1, "level 1, test test_one_answer_per_query_in_order: your code ended the test process (exit status 9"),
    "returns None": ("def solution(queries):\n    return None\n",
                     2, "solution returned None; it must return a list of strings, one per query"),
    "a memory hog": ("def solution(queries):\n    hog = bytearray(3 * 2**30)\n    return []\n",
                     2, "on a first small example, ran out of memory (the limit is 256 MiB"),
}


@pytest.mark.parametrize("case", UNTRUSTED)
def test_an_untrusted_file_fails_in_one_line_with_a_nonzero_status(tmp_path, case):
    content, status, message = UNTRUSTED[case]
    mine = tmp_path / "mine.py"
    mine.write_text(content)
    result = practice("in-memory-database", "--impl", str(mine), "--level", "1",
                      "--time-limit", "1", "--memory-limit", "256")
    assert result.returncode == status, result.stdout[-2000:] + result.stderr
    said = (result.stderr + result.stdout).count(message)
    assert said >= 1, f"wanted: {message!r}\n--- stdout\n{result.stdout[-2000:]}\n--- stderr\n{result.stderr}"
    if status == 2:
        assert result.stderr.count("\n") == 1, result.stderr


def test_what_a_file_prints_is_capped_and_shown_under_the_failure(tmp_path):
    mine = tmp_path / "mine.py"
    mine.write_text(REF + "def solution(queries):\n    for i in range(500):\n        print('debug', i)\n"
                    "    answers = reference(queries)\n    return answers[:-1] + ['wrong']\n")
    result = practice("in-memory-database", "--impl", str(mine), "--level", "1")
    assert result.returncode == 1
    assert "debug 9\n" in result.stdout and "debug 10\n" not in result.stdout
    assert "... and 490 more lines" in result.stdout


def test_the_memory_cap_still_lets_a_file_start_threads(tmp_path):
    mine = tmp_path / "mine.py"
    mine.write_text(REF + "import threading\n\ndef solution(queries):\n"
                    "    workers = [threading.Thread(target=len, args=([],)) for _ in range(16)]\n"
                    "    for w in workers:\n        w.start()\n    for w in workers:\n        w.join()\n"
                    "    return reference(queries)\n")
    result = practice("in-memory-database", "--impl", str(mine), "--level", "1")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
