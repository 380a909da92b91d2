"""Fixtures for whole-site tests: one strict build per session, served on 127.0.0.1,
and a headless Chromium driven by Playwright.

Chromium: Debian's package at /usr/bin/chromium, or the path in CHROMIUM_PATH.
Where it is missing the browser tests skip and say how to install it; with CI=true
they fail instead, so CI can never pass without running them.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from hooks import vendor_assets
from hooks.lib.definitions import ROOT
from tests.pages import url_of
from tests.site.browsing import DESKTOP, Visit, visit
from tools.site import build_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
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


@pytest.fixture(scope="session")
def build(_server) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into a temporary folder, notebooks executed afresh."""
    argv, env = build_command(_server.site_dir, site_url=_server.url)
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    result.site_dir = _server.site_dir
    return result


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
def visited(browser, base_url, axe_script):
    """`visited(source)`: the one load of a page that the per-page checks share
    (tests/site/browsing.py `visit`), made on first use and kept for the session."""
    visits = {}

    def get(source: Path) -> Visit:
        if source not in visits:
            context = browser.new_context(viewport=DESKTOP)
            try:
                visits[source] = visit(_tracked_page(context, base_url), url_of(source), axe_script)
            finally:
                context.close()
        return visits[source]

    return get


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember a failed test body, so the `page` fixture screenshots only failures."""
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True
    return report


def pytest_collection_modifyitems(items):
    """Under pytest-xdist (`--dist loadgroup`), the checks that share one visit of a page
    run in the same worker, so each page is still loaded once."""
    for item in items:
        if "visited" in getattr(item, "fixturenames", ()) and "source" in item.callspec.params:
            source = item.callspec.params["source"]
            item.add_marker(pytest.mark.xdist_group(f"visit:{source.as_posix()}"))
