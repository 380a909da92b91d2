#!/usr/bin/env python3
"""One entry point for readers and contributors. Needs only Python 3.11+.

    python3 dev.py serve                 # preview the site on http://127.0.0.1:8000
    python3 dev.py serve --full          # ... rebuilding every page on each change
    python3 dev.py test                  # every test: snippets, pages, build, browser
    python3 dev.py test --fast           # no build, no browser: content, snippets, hooks, tools
    python3 dev.py test tests/design     # a subset (extra arguments go to pytest)
    python3 dev.py build                 # the static site, into site/
    python3 dev.py practice PROBLEM      # a problem's level tests against your own code
    python3 dev.py new KIND SECTION/SLUG # scaffold page + snippet + test from a template
    python3 dev.py bench                 # build time and page weights, for the budgets
    python3 dev.py lock                  # re-pin requirements.lock after editing pyproject.toml
    python3 dev.py lock --upgrade        # move every pin to its newest allowed version

Each command first makes sure `.venv/` holds exactly the packages pinned in
`requirements.lock` (installed with `--require-hashes`), then runs inside it.
Set LOOPNOTES_VENV to use another directory for the environment.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LOCK = ROOT / "requirements.lock"
VENV = Path(os.environ.get("LOOPNOTES_VENV", ROOT / ".venv")).resolve()
STAMP = VENV / ".requirements.lock.sha256"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    return VENV / scripts / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"dev.py: {message}", file=sys.stderr, flush=True)


def ensure_environment() -> Path:
    """Create or refresh .venv so that it matches requirements.lock; return its python."""
    if sys.version_info < (3, 11):
        sys.exit("dev.py: Python 3.11 or newer is required (found %d.%d)" % sys.version_info[:2])
    python = venv_python()
    # The stamp names the lock and the checkout, so a changed lock or a moved
    # clone refreshes the environment.
    wanted = f"{hashlib.sha256(LOCK.read_bytes()).hexdigest()} {ROOT}"
    if python.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return python
    if not python.exists():
        say(f"creating the environment in {VENV}")
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # Debian ships venv's pip separately
            shutil.rmtree(VENV, ignore_errors=True)  # no half-made environment next time
            sys.exit(f"dev.py: could not create a virtual environment ({error}); "
                     "on Debian or Ubuntu install it with: apt-get install python3-venv")
    say("installing the pinned packages from requirements.lock")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--require-hashes", "--no-deps", "-r", LOCK], check=True)
    # The repository root goes on the environment's path, so that `snippets.*`
    # and `hooks.*` import from pages, notebooks, tests and hooks alike.
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "loopnotes_root.pth").write_text(f"{ROOT}\n")
    STAMP.write_text(wanted + "\n")
    return python


def run(python: Path, *args: object) -> int:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([python, *map(str, args)], cwd=ROOT, env=env).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command == "lock":
        return lock(upgrade="--upgrade" in rest)
    python = ensure_environment()
    if command == "serve":
        # After the first full build, rebuild only the pages that changed (under a
        # second at 100 pages, against seconds for everything); page problems are shown
        # as warnings instead of stopping the server. `--full` rebuilds everything
        # strictly on each change, e.g. when front matter that lists feed on changes.
        mode = ["--strict"] if "--full" in rest else ["--dirty", "--no-strict"]
        rest = [arg for arg in rest if arg != "--full"]
        return run(python, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *mode, *rest)
    if command == "build":
        return run(python, "-m", "mkdocs", "build", "--strict", *rest)
    if command == "test":
        # The whole suite gates coverage of snippets/ at 100%; a subset
        # (`dev.py test tests/design`, `--fast`) runs without the gate.
        # Both run on every core (pytest-xdist).
        cores = ["-n", "auto"]
        if rest[:1] == ["--fast"]:  # what needs no build and no browser
            rest = ["--ignore=tests/site", "-m", "not slow", "-q", *cores, *rest[1:]]
            return run(python, "-m", "pytest", *rest)
        gate = [] if rest else [*cores, "--cov", "--cov-report=term-missing:skip-covered",
                                "--cov-fail-under=100"]
        return run(python, "-m", "pytest", *gate, *rest)
    if command in {"practice", "new", "bench"}:
        return run(python, "-m", f"tools.{command}", *rest)
    say(f"unknown command {command!r}; see `python3 dev.py --help`")
    return 2


def lock(upgrade: bool = False) -> int:
    """Re-resolve requirements.lock from pyproject.toml for every platform and Python >= 3.11.

    Pins already in the lock are kept where they still satisfy pyproject.toml; with
    `--upgrade`, every package moves to its newest allowed version (the weekly
    dependency workflow does this and opens a pull request)."""
    tools = ROOT / ".cache" / "lock-tools"
    if not (tools / "bin" / "uv").exists() and not (tools / "Scripts" / "uv.exe").exists():
        venv.create(tools, with_pip=True)
        subprocess.run([tools / ("Scripts" if os.name == "nt" else "bin") / "python", "-m", "pip",
                        "install", "--quiet", "uv"], check=True)
    uv = tools / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
    return subprocess.run([uv, "pip", "compile", "pyproject.toml", "--universal", "--fork-strategy",
                           "fewest", "--python-version", "3.11", "--generate-hashes",
                           "--quiet", *(["--upgrade"] if upgrade else []), "-o", "requirements.lock"],
                          cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
