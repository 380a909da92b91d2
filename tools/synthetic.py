"""Synthetic copies of the site, for measuring how the build grows with the page count
(`python3 dev.py bench --scale`): the real site plus generated pages, each written from
a page template (docs/_templates/) the way `dev.py new` writes one, with every `write:`
note replaced by text of a realistic length, so the copy passes the strict build.

    site_copy(dest, total=100)      the repository's site sources, grown to 100 pages
    rebuild_seconds(copy, page)     `mkdocs serve`'s rebuild time after editing one page
"""
from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from hooks.lib.definitions import ROOT, taxonomy
from hooks.lib.pages import pages
from tools.new import add_to_nav, plan

KIND = "behavioral"  # a template with no code, so a generated page needs nothing else
COPIED = ["docs", "hooks", "overrides", "schema", "snippets", "mkdocs.yml"]
_WRITE_IN_QUOTES = re.compile(r'"<!-- write:[^"]*?-->"')
_WRITE = re.compile(r"<!-- write:.*?-->", re.S)
WORDS = ("the team measured latency before and after the change and wrote down what each "
         "number meant for the people who depended on the service").split()


def filler(words: int, seed: int) -> str:
    """`words` words of plain prose, different for each seed.

    >>> filler(6, 0), filler(6, 1)
    ('The team measured latency before and.', 'Team measured latency before and after.')
    """
    chosen = list(itertools.islice(itertools.cycle(WORDS), seed, seed + words))
    return " ".join(chosen).capitalize() + "."


def page_text(number: int) -> str:
    """A generated page of the template kind, every note filled in.

    >>> text = page_text(7)
    >>> "write:" in text, "title: \\"Synthetic page 7\\"" in text
    (False, True)
    """
    files = plan(KIND, f"synthetic-{number}", f"Synthetic page {number}")
    text = next(t for path, t in files.items() if path.suffix == ".md")
    text = _WRITE_IN_QUOTES.sub(lambda m: f'"{filler(14, number)}"', text)
    text = text.replace("sources: []", f"sources: [{next(iter(taxonomy()['sources']))}]")
    return _WRITE.sub(lambda m: "\n\n".join(filler(60, number + i) for i in range(3)), text)


def site_copy(dest: Path, total: int, root: Path = ROOT) -> tuple[Path, int]:
    """Copy the site's sources into `dest` and add generated pages until it has `total`
    pages (never fewer than the real site). Returns the copy and the pages added."""
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    existing = len(list(pages(dest / "docs")))
    added = max(0, total - existing)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    for number in range(1, added + 1):
        path = dest / "docs" / KIND / f"synthetic-{number}.md"
        path.write_text(page_text(number), encoding="utf-8")
        config = add_to_nav(config, KIND, f"{KIND}/synthetic-{number}.md")
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest, added


def build_seconds(copy: Path) -> float:
    """One strict build of a copy (notebooks from the cache, as a contributor builds)."""
    env = dict(os.environ, NOTEBOOK_CACHE="true", NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out],
                              cwd=copy, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - start
    if done.returncode:
        raise RuntimeError("synthetic build failed:\n" + done.stderr[-3000:])
    return seconds


_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


def rebuild_seconds(copy: Path, page: Path, port: int, dirty: bool = False, timeout: float = 300) -> float:
    """Start `mkdocs serve` on a copy, wait for its first build, append a line to `page`,
    and return the time MkDocs reports for the rebuild that follows."""
    env = dict(os.environ, NOTEBOOK_CACHE="true", NO_MKDOCS_2_WARNING="1")
    # as `dev.py serve` runs it: a dirty rebuild warns that it is dirty, so not strict
    argv = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
            *(["--dirty", "--no-strict"] if dirty else ["--strict"])]
    server = subprocess.Popen(argv, cwd=copy, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    builds: list[float] = []
    ready = threading.Event()

    def read():
        for line in server.stdout:
            if found := _BUILT.search(line):
                builds.append(float(found.group(1)))
            if "Serving on" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        deadline = time.monotonic() + timeout
        while not ready.wait(0.5):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start (exit status "
                                   f"{server.poll()}); run it by hand in {copy} to see why")
        first = len(builds)
        time.sleep(1.0)  # let the watcher settle before the edit
        with page.open("a", encoding="utf-8") as handle:
            handle.write("\nOne more sentence, written to time the rebuild.\n")
        deadline = time.monotonic() + timeout
        while len(builds) <= first and time.monotonic() < deadline:
            time.sleep(0.1)
        if len(builds) <= first:
            raise RuntimeError("no rebuild after the edit")
        return builds[first]
    finally:
        server.terminate()
        server.wait(10)
