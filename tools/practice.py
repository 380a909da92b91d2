"""Run a problem's level tests against your own code.

    python3 dev.py practice                                    # list the problems
    python3 dev.py practice in-memory-database                 # the tests, on our reference
    python3 dev.py practice in-memory-database --impl my_db.py --level 2

`--level N` runs the tests of levels 1 to N (a level builds on the ones before
it); without it, every level runs. Your file must define the problem's entry
point (listed with no arguments; declared in its snippet package's PRACTICE).
The same tests run in CI against the reference, so a failure here is about your
code, and the test's name and message say which rule it broke.

Your file is run in child processes, never in this one: first it is imported and
tried on one small example, then the level tests run. Each test of your code stops
after --time-limit seconds, may use --memory-limit MiB more memory (Linux), and
what it prints is kept out of the way (the first lines appear under a failure).
Exiting (sys.exit, os._exit, KeyboardInterrupt) or returning the wrong shape is
reported in one line, with a non-zero status.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.harness import MEMORY_LIMIT_MIB, PROGRESS, ROOT, TIME_LIMIT_S, Problem, problems

# pytest's own exit statuses; anything else means the reader's code ended the process
PYTEST_STATUSES = {0, 1, 2, 3, 4, 5}


def say(message: str) -> None:
    print(f"practice: {message}", file=sys.stderr)


def check_file(problem: Problem, impl: str, time_limit_s: float, memory_mib: int) -> int:
    """Import the reader's file and try one small example in a child process; 0 if fine."""
    budget = (time_limit_s or 600) + 10
    try:
        child = subprocess.run([sys.executable, "-m", "tools.harness", problem.slug, impl,
                                str(time_limit_s), str(memory_mib)],
                               cwd=ROOT, capture_output=True, text=True, timeout=budget)
    except subprocess.TimeoutExpired:
        say(f"{impl}: still running after {budget:g} s while importing it: an endless loop?")
        return 1
    if child.returncode == 0:
        return 0
    lines = child.stderr.strip().splitlines()
    if child.returncode == 2 and lines:
        hint = f" (start from {problem.starter.relative_to(ROOT)})" if "no such file" in lines[-1] else ""
        say(lines[-1] + hint)
        return 2
    say(f"{impl}: the Python process ended with status {child.returncode} while importing it or "
        "running a first small example (os._exit, or a crash)")
    return 1


def run_tests(args: argparse.Namespace, problem: Problem, levels: list[int]) -> int:
    tests = [str(problem.test_dir / f"test_level{n}.py") for n in levels]
    command = [sys.executable, "-m", "pytest", "-q", "--no-header", "-p", "no:cacheprovider", *tests]
    if args.impl:
        command += [f"--impl={Path(args.impl).resolve()}", f"--time-limit={args.time_limit}",
                    f"--memory-limit={args.memory_limit}", "--show-capture=no", "--tb=short"]
    with tempfile.TemporaryDirectory() as folder:
        progress = Path(folder) / "progress"
        child = subprocess.run(command, cwd=ROOT, env=dict(os.environ, **{PROGRESS: str(progress)}))
        steps = progress.read_text(encoding="utf-8").splitlines() if progress.exists() else []
    if child.returncode in PYTEST_STATUSES and steps[-1:] == ["finished"]:
        return child.returncode
    started = [s.removeprefix("start ") for s in steps if s.startswith("start ")]
    test = started[-1].split("::")[-1].split("[")[0] if started else "before the first test"
    level = next((n for n in levels if f"test_level{n}.py" in (started or [""])[-1]), "?")
    say(f"level {level}, test {test}: your code ended the test process "
        f"(exit status {child.returncode}; os._exit, or a crash)")
    return 1


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py practice", description=__doc__.split("\n\n")[0])
    parser.add_argument("problem", nargs="?", help="a problem's slug, as listed with no arguments")
    parser.add_argument("--impl", help="your file defining the entry point; default: our reference")
    parser.add_argument("--level", type=int, help="run levels 1..LEVEL (default: all)")
    parser.add_argument("--time-limit", type=float, default=TIME_LIMIT_S, metavar="SECONDS",
                        help=f"stop any one test of your code after this long (default {TIME_LIMIT_S:g}; 0: none)")
    parser.add_argument("--memory-limit", type=int, default=MEMORY_LIMIT_MIB, metavar="MIB",
                        help=f"memory your code may use (default {MEMORY_LIMIT_MIB}; 0: no limit; Linux only)")
    args = parser.parse_args(argv)
    known = problems()
    if args.problem is None:
        print("Problems with level tests:")
        for problem in known.values():
            print(f"  {problem.slug:<24} levels {problem.levels[0]}-{problem.levels[-1]}, "
                  f"define {problem.entry.get('signature', problem.entry['entry'])}, "
                  f"starter: {problem.starter.relative_to(ROOT)}")
        return 0
    problem = known.get(args.problem)
    if problem is None:
        say(f"no problem {args.problem!r}; known: {', '.join(known)}")
        return 2
    levels = [n for n in problem.levels if args.level is None or n <= args.level]
    if not levels:
        say(f"{problem.slug} has levels {problem.levels}")
        return 2
    if args.impl and (status := check_file(problem, args.impl, args.time_limit, args.memory_limit)):
        return status
    status = run_tests(args, problem, levels)
    if status == 0 and levels[-1] < problem.levels[-1] and args.impl:
        print(f"practice: levels 1-{levels[-1]} pass; next: --level {levels[-1] + 1}")
    return status

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
