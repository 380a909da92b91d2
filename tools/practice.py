"""Run a problem's level tests against your own code.

    python3 dev.py practice                                    # list the problems
    python3 dev.py practice in-memory-database                 # the tests, on our reference
    python3 dev.py practice in-memory-database --impl my_db.py --level 2

`--level N` runs the tests of levels 1 to N (a level builds on the ones before
it); without it, every level runs. Your file must define `solution(queries)`.
The same tests run in CI against the reference, so a failure here is about your
code, and the test's name and message say which rule it broke.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
SNIPPETS = ROOT / "snippets"


class PracticeError(Exception):
    """A problem with the reader's file, said in one line."""


@dataclass(frozen=True)
class Problem:
    slug: str          # as in the page's address: in-memory-database
    section: str       # coding
    key: str           # as in snippets/ and tests/: in_memory_database

    @property
    def test_dir(self) -> Path:
        return TESTS / self.section / self.key

    @property
    def levels(self) -> list[int]:
        return sorted(int(p.stem.removeprefix("test_level")) for p in self.test_dir.glob("test_level*.py"))

    @property
    def starter(self) -> Path:
        return SNIPPETS / self.section / self.key / "starter.py"


def problems() -> dict[str, Problem]:
    """Every problem that has level tests, by slug.

    >>> problems()["in-memory-database"].levels
    [1, 2, 3, 4]
    """
    found = {}
    for level_one in sorted(TESTS.glob("*/*/test_level1.py")):
        key, section = level_one.parent.name, level_one.parent.parent.name
        found[key.replace("_", "-")] = Problem(key.replace("_", "-"), section, key)
    return found


def load_solution(path: str | Path) -> Callable[[list[list[str]]], list[str]]:
    """Import the reader's file and return its `solution`; PracticeError if it can't.

    >>> load_solution("no/such/file.py")
    Traceback (most recent call last):
    ...
    tools.practice.PracticeError: no/such/file.py: no such file
    """
    file = Path(path)
    if not file.is_file():
        raise PracticeError(f"{path}: no such file")
    name = f"practice_{file.stem}_{abs(hash(file.resolve()))}"
    spec = importlib.util.spec_from_file_location(name, file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look modules up here
    sys.path.insert(0, str(file.resolve().parent))  # so it can import files next to it
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        del sys.modules[name]
        raise PracticeError(f"{path}:{error.lineno}: syntax error: {error.msg}") from None
    except Exception as error:  # anything the reader's module raises on import
        del sys.modules[name]
        raise PracticeError(f"{path}: importing it raised {type(error).__name__}: {error}") from None
    finally:
        sys.path.remove(str(file.resolve().parent))
    solution = getattr(module, "solution", None)
    if not callable(solution):
        raise PracticeError(f"{path}: defines no function solution(queries), which the tests call")
    return solution


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py practice", description=__doc__.split("\n\n")[0])
    parser.add_argument("problem", nargs="?", help="a problem's slug, as listed with no arguments")
    parser.add_argument("--impl", help="your file defining solution(queries); default: our reference")
    parser.add_argument("--level", type=int, help="run levels 1..LEVEL (default: all)")
    args = parser.parse_args(argv)
    known = problems()
    if args.problem is None:
        print("Problems with level tests:")
        for problem in known.values():
            print(f"  {problem.slug:<24} levels {problem.levels[0]}-{problem.levels[-1]}, "
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
            load_solution(args.impl)
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
