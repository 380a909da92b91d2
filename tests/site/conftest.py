"""Fixtures for whole-site tests: one strict build per session, served on 127.0.0.1,
and a headless Chromium driven by Playwright.

Chromium: Debian's package at /usr/bin/chromium, or the path in CHROMIUM_PATH.
Where it is missing the browser tests skip and say how to install it; with CI=true
they fail instead, so CI can never pass without running them.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hooks import vendor_assets
from hooks.lib.definitions import ROOT
from tests.site.browsing import DESKTOP

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
PLACEHOLDER = "http://127.0.0.1:1/"  # the address the shared build is made for (port 1: nothing serves there)
BUILDER = pytest.StashKey[subprocess.Popen]()
TEXT_SUFFIXES = {".html", ".xml", ".json", ".js", ".css", ".txt", ".csv", ".md", ".py"}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--disable-quic", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def _server(tmp_path_factory: pytest.TempPathFactory):
    """A server bound to a free port before the build, so the site is built for the
    address it is served from (Material's instant navigation only works there)."""
    out = tmp_path_factory.mktemp("site")
    handler = functools.partial(_QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.site_dir = out
    server.url = f"http://127.0.0.1:{server.server_address[1]}/"
    yield server
    server.server_close()


def shared_folder(config: pytest.Config) -> Path:
    """Where this test run keeps its one build: the base temporary folder of the run,
    which pytest-xdist's workers share (each has its own folder inside it)."""
    base = config._tmp_path_factory.getbasetemp()  # what the tmp_path_factory fixture returns
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "built-site"


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the site's build as soon as tests that need it are collected, in the
    background, so that it runs while the workers get on with the tests that need no
    site. The first worker to create the folder starts it; the `build` fixture waits."""
    here = Path(__file__).parent
    if not any(item.path.is_relative_to(here) for item in session.items):
        return
    folder = shared_folder(session.config)
    try:
        folder.mkdir()
    except FileExistsError:
        return  # another worker started it
    session.config.stash[BUILDER] = subprocess.Popen(
        [sys.executable, "-m", "tools.site", str(folder), PLACEHOLDER], cwd=ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The worker that started the build waits for it (the others may still need it)."""
    builder = session.config.stash.get(BUILDER, None)
    if builder is not None:
        builder.wait()


@pytest.fixture(scope="session")
def build(_server, pytestconfig) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` for the address the site is served from, notebooks
    executed afresh: once per test run, shared by the pytest-xdist workers, started in
    the background at collection (`pytest_collection_finish`)."""
    folder = shared_folder(pytestconfig)
    while not (folder / "result.json").exists():
        time.sleep(0.2)
    built = json.loads((folder / "result.json").read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess(built["argv"], built["returncode"], built["stdout"], built["stderr"])
    result.site_dir, result.notebooks = _server.site_dir, folder / "notebooks"
    if result.returncode == 0:
        serve_a_copy(folder / "site", _server.site_dir, _server.url)
    return result


def serve_a_copy(built: Path, site_dir: Path, url: str) -> None:
    """Copy the built site into `site_dir`, addressed to `url` as if built for it: the
    address appears only in text files (pages, sitemap, search index)."""
    for source in built.rglob("*"):
        target = site_dir / source.relative_to(built)
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif source.suffix in TEXT_SUFFIXES:
            target.write_bytes(source.read_bytes().replace(PLACEHOLDER.encode(), url.encode()))
        elif source.name.endswith(".xml.gz"):
            target.write_bytes(gzip.compress(gzip.decompress(source.read_bytes())
                                             .replace(PLACEHOLDER.encode(), url.encode())))
        else:
            shutil.copyfile(source, target)


@pytest.fixture(scope="session")
def site_dir(build: subprocess.CompletedProcess) -> Path:
    if build.returncode != 0:
        pytest.fail("mkdocs build --strict failed:\n" + build.stderr[-4000:], pytrace=False)
    return build.site_dir


@pytest.fixture(scope="session")
def base_url(site_dir: Path, _server):
    thread = threading.Thread(target=_server.serve_forever, daemon=True)
    thread.start()
    yield _server.url
    _server.shutdown()


def _chromium_or_skip() -> str:
    found = CHROMIUM if os.path.isfile(CHROMIUM) else shutil.which(CHROMIUM)
    if found:
        return found
    message = (f"no Chromium at {CHROMIUM}: install it (Debian: apt-get install chromium) "
               "or set CHROMIUM_PATH to a Chromium or Chrome binary")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: browser tests may not be skipped)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


def _tracked_page(context, base_url: str):
    """A page that records console errors and every request leaving 127.0.0.1.

    Requests to any other host are aborted (the site must work without them) and
    kept in `page.outside`; console errors and uncaught exceptions in
    `page.console_errors`.
    """
    page = context.new_page()
    page.outside, page.console_errors = [], []

    def route(r):
        host = r.request.url.split("/")[2] if "://" in r.request.url else ""
        if r.request.url.startswith(("data:", "blob:")) or host.split(":")[0] == "127.0.0.1":
            return r.continue_()
        page.outside.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.base_url = base_url
    return page


@pytest.fixture
def page(browser, base_url, request):
    """A fresh tracked page; the test fails at teardown if a request left 127.0.0.1
    or the console showed an error."""
    context = browser.new_context(viewport=DESKTOP)
    page = _tracked_page(context, base_url)
    yield page
    if getattr(request.node, "failed_call", False):  # what the page looked like when it failed
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=False)
    context.close()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside}"
    assert page.console_errors == [], f"console errors: {page.console_errors}"


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, pinned and integrity-checked like the site's libraries, never published."""
    return str(vendor_assets.ensure_package("axe-core") / "axe.min.js")


@pytest.fixture(scope="session")
def tab(browser, base_url, axe_script):
    """One tracked tab for the per-page checks (tests/site/test_pages.py), with axe-core
    loaded into every page it shows. It shows every page in turn: a tab per page would
    cost a new renderer process each time (about 0.6 s on two cores) and check no more."""
    context = browser.new_context(viewport=DESKTOP)
    # axe arrives as an init script: the page's Content-Security-Policy (rightly) refuses
    # a script tag added by the test, and any refusal would count as a console error
    context.add_init_script(path=axe_script)
    yield _tracked_page(context, base_url)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember a failed test body, so the `page` fixture screenshots only failures."""
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True
    return report


def pytest_collection_modifyitems(items):
    """The site's tests run no snippet (the build is a separate process), so coverage
    does not trace them: tracing the browser driver's Python would only slow them down."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.no_cover)
