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
that reached that level; with `--impl FILE`, against the reader's file, which is
untrusted input: each test has a time limit, SystemExit and KeyboardInterrupt from
the reader's code are reported as such, memory is capped where the platform allows,
a result of the wrong shape is named in one line, and printed output is capped.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import re
import signal
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
                 "signature": "solution(queries: list[list[str]]) -> list[str]",
                 "check": "one_string_per_query"}


TIME_LIMIT_S = 5.0      # per test, with --impl; `dev.py practice --time-limit` overrides
MEMORY_LIMIT_MIB = 1024  # extra address space the reader's code may use, with --impl
SHOWN_OUTPUT_LINES = 10
PROGRESS = "LOOPNOTES_PRACTICE_PROGRESS"  # file the test process writes its progress to


class PracticeError(Exception):
    """A problem with the reader's file, said in one line."""


class ReaderProblem(BaseException):
    """Something the reader's code did other than answer: ran too long, exited, returned
    the wrong shape. A BaseException, so that `except Exception` in their code cannot
    swallow the time limit."""


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
    except ReaderProblem as error:
        del sys.modules[name]
        raise PracticeError(f"{path}: importing it {error}") from None
    except (Exception, SystemExit, KeyboardInterrupt) as error:  # whatever the module raises on import
        del sys.modules[name]
        raise PracticeError(f"{path}: importing it raised {_name(error)}") from None
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


def _name(error: BaseException) -> str:
    """An exception as a reader would write it.

    >>> _name(SystemExit(3)), _name(ValueError("bad"))
    ('SystemExit(3)', 'ValueError: bad')
    """
    if isinstance(error, (SystemExit, KeyboardInterrupt)):
        return f"{type(error).__name__}({', '.join(map(repr, error.args))})"
    return f"{type(error).__name__}: {error}"


def one_string_per_query(queries: list, result: object) -> str | None:
    """What is wrong with the shape of a `solution(queries)` answer, or None.

    >>> one_string_per_query([["GET", "a", "b"]], None)
    'returned None; it must return a list of strings, one per query'
    >>> one_string_per_query([], {})
    'returned a dict; it must return a list of strings, one per query'
    >>> one_string_per_query([["GET", "a", "b"]], ["", ""])
    'returned 2 answers for 1 query; it must return one string per query'
    >>> one_string_per_query([["GET", "a", "b"]], [None])
    'returned a list holding None; every answer must be a string'
    >>> one_string_per_query([["GET", "a", "b"]], [""]) is None
    True
    """
    if not isinstance(result, list):
        shown = "None" if result is None else f"a {type(result).__name__}"
        return f"returned {shown}; it must return a list of strings, one per query"
    if len(result) != len(queries):
        return (f"returned {len(result)} answers for {len(queries)} "
                f"quer{'y' if len(queries) == 1 else 'ies'}; it must return one string per query")
    odd = next((a for a in result if not isinstance(a, str)), "")
    if not isinstance(odd, str):
        return f"returned a list holding {odd!r}; every answer must be a string"
    return None


def guarded(found: Any, problem: Problem) -> Any:
    """The reader's entry point, wrapped so that exiting and wrong shapes become one line.

    >>> g = guarded(lambda queries: None, problems()["in-memory-database"])
    >>> g([["GET", "a", "b"]])
    Traceback (most recent call last):
    ...
    tools.harness.ReaderProblem: solution returned None; it must return a list of strings, one per query
    """
    entry = problem.entry
    package = importlib.import_module(f"snippets.{problem.section}.{problem.key}")
    check = getattr(package, entry.get("check", ""), None) or globals().get(entry.get("check", ""))

    def wrap(function, label):
        @functools.wraps(function)
        def call(*args, **kwargs):
            try:
                result = function(*args, **kwargs)
            except (SystemExit, KeyboardInterrupt) as error:
                raise ReaderProblem(f"{label} raised {_name(error)} instead of returning") from None
            if check and entry["kind"] == "function" and (message := check(*args, result)):
                raise ReaderProblem(f"{label} {message}")
            return result
        return call

    if entry["kind"] == "class":
        return type(found.__name__, (found,), {m: wrap(getattr(found, m), f"{found.__name__}.{m}")
                                               for m in ["__init__", *entry.get("methods", [])]})
    return wrap(found, entry["entry"])


def probe(path: str | Path, problem: Problem, time_limit_s: float, memory_mib: int) -> None:
    """Import the reader's file and run the problem's first small example, under the
    limits; PracticeError in one line if anything goes wrong. Run in a child process."""
    if memory_mib:
        limit_memory(memory_mib)
    with time_limit(time_limit_s):
        found = guarded(load(path, problem), problem)
        if problem.entry.get("probe") is None or problem.entry["kind"] != "function":
            return
        try:
            found(*problem.entry["probe"])
        except ReaderProblem as error:
            raise PracticeError(f"{path}: on a first small example, {error}") from None
        except MemoryError:
            raise PracticeError(f"{path}: on a first small example, ran out of memory "
                                f"(the limit is {memory_mib} MiB; --memory-limit changes it)") from None
        except Exception:  # a wrong answer or a bug: the tests will say which
            pass


class time_limit:
    """Raise ReaderProblem in the main thread after `seconds` (POSIX timers; elsewhere no limit)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def _expired(self, *_):
        raise ReaderProblem(f"still running after {self.seconds:g} s: an endless loop?")

    def __enter__(self):
        if self.seconds and hasattr(signal, "setitimer"):
            self.previous = signal.signal(signal.SIGALRM, self._expired)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.seconds and hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
        return False


def limit_memory(extra_mib: int) -> bool:
    """Cap this process's data (heap and private memory) at what it uses now plus
    `extra_mib` (Linux). RLIMIT_DATA rather than RLIMIT_AS, so that threads, whose
    stacks and malloc arenas reserve address space they never use, can still start."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as status:
            used_kib = next(int(line.split()[1]) for line in status if line.startswith("VmData:"))
    except (ImportError, OSError, StopIteration):
        return False
    limit = used_kib * 1024 + extra_mib * 2**20
    resource.setrlimit(resource.RLIMIT_DATA, (limit, resource.getrlimit(resource.RLIMIT_DATA)[1]))
    return True


# ---------------------------------------------------------------------------
# pytest plugin
# ---------------------------------------------------------------------------

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--impl", metavar="FILE",
                     help="run the level tests against FILE (a reader's solution) instead of the reference")
    parser.addoption("--time-limit", type=float, default=TIME_LIMIT_S, metavar="SECONDS",
                     help="with --impl: stop a test after this long (0: no limit)")
    parser.addoption("--memory-limit", type=int, default=MEMORY_LIMIT_MIB, metavar="MIB",
                     help="with --impl: memory the reader's code may use (0: no limit)")


def pytest_configure(config: pytest.Config) -> None:
    impl = config.getoption("--impl")
    if impl:
        try:
            with time_limit(config.getoption("--time-limit")):
                load_module(impl)
        except PracticeError as error:
            raise pytest.UsageError(f"--impl: {error}") from None
        if config.getoption("--memory-limit"):
            limit_memory(config.getoption("--memory-limit"))


def _progress(text: str) -> None:
    if os.environ.get(PROGRESS):
        with open(os.environ[PROGRESS], "a", encoding="utf-8") as out:
            out.write(text + "\n")


def pytest_runtest_logstart(nodeid: str, location) -> None:
    _progress(f"start {nodeid}")


def pytest_sessionfinish(session, exitstatus) -> None:
    _progress("finished")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    if not item.config.getoption("--impl") or not hasattr(item.module, "LEVEL"):
        return (yield)
    with time_limit(item.config.getoption("--time-limit")):
        return (yield)


def where(item: pytest.Item) -> str:
    return f"level {item.module.LEVEL}, test {item.originalname}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if not item.config.getoption("--impl") or not hasattr(item.module, "LEVEL") or call.excinfo is None:
        return report
    error = call.excinfo.value
    if isinstance(error, ReaderProblem):
        report.longrepr = f"{where(item)}: {error}"
    elif isinstance(error, MemoryError):
        report.longrepr = (f"{where(item)}: ran out of memory (the limit is "
                           f"{item.config.getoption('--memory-limit')} MiB; --memory-limit changes it)")
    if report.failed and report.when == "call":
        lines = report.capstdout.splitlines()
        if lines:
            shown = "\n".join(f"    {line[:200]}" for line in lines[:SHOWN_OUTPUT_LINES])
            more = len(lines) - SHOWN_OUTPUT_LINES
            report.longrepr = (f"{report.longrepr}\n  your code printed:\n{shown}"
                               + (f"\n    ... and {more} more lines" if more > 0 else ""))
    return report


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
            found = guarded(load(impl, problem), problem)
        except PracticeError as error:
            raise pytest.UsageError(f"--impl: {error}") from None
        metafunc.parametrize(name, [found], ids=[Path(impl).name])
        return
    chosen = {n: path for n, (path, reached) in problem.references().items() if reached >= level}
    metafunc.parametrize(name, [load(p, problem) for p in chosen.values()], ids=list(chosen))


if __name__ == "__main__":  # the probe's child process: python -m tools.harness SLUG FILE SECONDS MIB
    try:
        probe(sys.argv[2], problems()[sys.argv[1]], float(sys.argv[3]), int(sys.argv[4]))
    except PracticeError as error:
        print(error, file=sys.stderr)
        sys.exit(2)
