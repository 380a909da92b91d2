"""The practice harness: hand a problem's entry point to its level tests.

Shared by `python3 dev.py practice` and pytest (a plugin, registered in
pyproject.toml's addopts). A multi-level problem is

    docs/coding/<slug>.md                     the page
    snippets/coding/<key>/__init__.py         PRACTICE: the entry point readers define
    snippets/coding/<key>/level1.py ...       each level's state of the reference,
    snippets/coding/<key>/solution.py         ... and the whole of it
    snippets/coding/<key>/starter.py          where a reader starts
    tests/coding/<key>/test_levelN.py         `LEVEL = N`; tests take the entry point
                                              as an argument named after it

By default each level's tests run against every kept state of the reference
that reached that level; with `--impl FILE`, against the reader's file.
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hooks.lib.definitions import ROOT

TESTS = ROOT / "tests"
SNIPPETS = ROOT / "snippets"
FINAL_LEVEL = 99  # solution.py has every level
DEFAULT_ENTRY = {"entry": "solution", "kind": "function",
                 "signature": "solution(queries: list[list[str]]) -> list[str]"}


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
    def snippet_dir(self) -> Path:
        return SNIPPETS / self.section / self.key

    @property
    def levels(self) -> list[int]:
        return sorted(int(p.stem.removeprefix("test_level")) for p in self.test_dir.glob("test_level*.py"))

    @property
    def starter(self) -> Path:
        return self.snippet_dir / "starter.py"

    @property
    def entry(self) -> dict[str, Any]:
        """What a reader's file must define, from the snippet package's PRACTICE.

        >>> problems()["in-memory-database"].entry["entry"]
        'solution'
        """
        package = importlib.import_module(f"snippets.{self.section}.{self.key}")
        return {**DEFAULT_ENTRY, **getattr(package, "PRACTICE", {})}

    def references(self) -> dict[str, tuple[Path, int]]:
        """The kept states of the reference, with the level each one reaches.

        >>> sorted(problems()["in-memory-database"].references())
        ['level1', 'level2', 'level3', 'solution']
        """
        found = {}
        for path in sorted(self.snippet_dir.glob("*.py")):
            if match := re.fullmatch(r"level(\d+)", path.stem):
                found[path.stem] = (path, int(match.group(1)))
            elif path.stem == "solution":
                found[path.stem] = (path, FINAL_LEVEL)
        return found


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


def problem_of(test_dir: Path) -> Problem:
    """The problem whose level tests live in `test_dir`."""
    key, section = test_dir.name, test_dir.parent.name
    return Problem(key.replace("_", "-"), section, key)


def load_module(path: str | Path) -> ModuleType:
    """Import a reader's (or a reference) file; PracticeError, in one line, if it can't be.

    >>> load_module("no/such/file.py")
    Traceback (most recent call last):
    ...
    tools.harness.PracticeError: no/such/file.py: no such file
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
    return module


def entry_point(module: ModuleType, entry: dict[str, Any], path: str | Path) -> Any:
    """The function or class the tests call, checked against its declaration."""
    found = getattr(module, entry["entry"], None)
    wanted = entry.get("signature", entry["entry"])
    if entry["kind"] == "class":
        if not isinstance(found, type):
            raise PracticeError(f"{path}: defines no class {wanted}, which the tests use")
        missing = [m for m in entry.get("methods", []) if not callable(getattr(found, m, None))]
        if missing:
            raise PracticeError(f"{path}: class {entry['entry']} has no method {missing[0]}, which the tests call")
    elif not callable(found):
        raise PracticeError(f"{path}: defines no function {wanted}, which the tests call")
    return found


def load(path: str | Path, problem: Problem) -> Any:
    return entry_point(load_module(path), problem.entry, path)


# ---------------------------------------------------------------------------
# pytest plugin
# ---------------------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--impl", metavar="FILE",
                     help="run the level tests against FILE (a reader's solution) instead of the reference")


def pytest_configure(config: pytest.Config) -> None:
    impl = config.getoption("--impl")
    if impl:
        try:
            load_module(impl)
        except PracticeError as error:
            raise pytest.UsageError(f"--impl: {error}") from None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    level = getattr(metafunc.module, "LEVEL", None)
    if level is None:
        return
    problem = problem_of(Path(metafunc.module.__file__).parent)
    name = problem.entry["entry"]
    if name not in metafunc.fixturenames:
        return
    impl = metafunc.config.getoption("--impl")
    if impl:
        try:
            found = load(impl, problem)
        except PracticeError as error:
            raise pytest.UsageError(f"--impl: {error}") from None
        metafunc.parametrize(name, [found], ids=[Path(impl).name])
        return
    chosen = {n: path for n, (path, reached) in problem.references().items() if reached >= level}
    metafunc.parametrize(name, [load(p, problem) for p in chosen.values()], ids=list(chosen))
