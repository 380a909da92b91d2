"""Shared test options and fixtures.

Level tests (tests/<section>/<key>/test_levelN.py) declare `LEVEL = N` and take a
`solution` argument. By default they run against every reference file in
snippets/<section>/<key>/ that has reached that level (level1.py ... solution.py),
so each kept state of the code is proven to do what its level asks. With
`--impl FILE` they run against the reader's file instead.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.practice import PracticeError, load_solution

ROOT = Path(__file__).resolve().parent.parent
FINAL_LEVEL = 99  # solution.py has every level


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--impl", metavar="FILE",
                     help="run the level tests against FILE, which defines solution(queries)")


def pytest_configure(config: pytest.Config) -> None:
    impl = config.getoption("--impl")
    if impl:
        try:
            load_solution(impl)
        except PracticeError as error:
            raise pytest.UsageError(f"--impl: {error}") from None


def reference_files(test_dir: Path) -> dict[str, tuple[Path, int]]:
    """The kept states of a problem's code, with the level each one reaches."""
    snippets = ROOT / "snippets" / test_dir.parent.name / test_dir.name
    found = {}
    for path in sorted(snippets.glob("*.py")):
        if match := re.fullmatch(r"level(\d+)", path.stem):
            found[path.stem] = (path, int(match.group(1)))
        elif path.stem == "solution":
            found[path.stem] = (path, FINAL_LEVEL)
    return found


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "solution" not in metafunc.fixturenames or not hasattr(metafunc.module, "LEVEL"):
        return
    impl = metafunc.config.getoption("--impl")
    if impl:
        metafunc.parametrize("solution", [load_solution(impl)], ids=[Path(impl).name])
        return
    level = metafunc.module.LEVEL
    references = reference_files(Path(metafunc.module.__file__).parent)
    chosen = {name: path for name, (path, reached) in references.items() if reached >= level}
    metafunc.parametrize("solution", [load_solution(p) for p in chosen.values()], ids=list(chosen))
