"""Run a problem's level tests against your own code.

    python3 dev.py practice                                    # list the problems
    python3 dev.py practice in-memory-database                 # the tests, on our reference
    python3 dev.py practice in-memory-database --impl my_db.py --level 2

`--level N` runs the tests of levels 1 to N (a level builds on the ones before
it); without it, every level runs. Your file must define the problem's entry
point (listed with no arguments; declared in its snippet package's PRACTICE).
The same tests run in CI against the reference, so a failure here is about your
code, and the test's name and message say which rule it broke.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.harness import ROOT, PracticeError, load, problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py practice", description=__doc__.split("\n\n")[0])
    parser.add_argument("problem", nargs="?", help="a problem's slug, as listed with no arguments")
    parser.add_argument("--impl", help="your file defining the entry point; default: our reference")
    parser.add_argument("--level", type=int, help="run levels 1..LEVEL (default: all)")
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
        print(f"practice: no problem {args.problem!r}; known: {', '.join(known)}", file=sys.stderr)
        return 2
    levels = [n for n in problem.levels if args.level is None or n <= args.level]
    if not levels:
        print(f"practice: {problem.slug} has levels {problem.levels}", file=sys.stderr)
        return 2
    pytest_args = [str(problem.test_dir / f"test_level{n}.py") for n in levels]
    if args.impl:
        try:
            load(args.impl, problem)
        except PracticeError as error:
            hint = f" (start from {problem.starter.relative_to(ROOT)})" if "no such file" in str(error) else ""
            print(f"practice: {error}{hint}", file=sys.stderr)
            return 2
        pytest_args.append(f"--impl={Path(args.impl).resolve()}")
    import pytest

    status = pytest.main(["-q", "--no-header", *pytest_args])
    if status == 0 and levels[-1] < problem.levels[-1] and args.impl:
        print(f"practice: levels 1-{levels[-1]} pass; next: --level {levels[-1] + 1}")
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
