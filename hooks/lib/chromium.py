"""Headless Chromium for the hooks that draw at build time (diagrams, notebook math).

Not a hook: a module the hooks share, so a build starts at most one browser, on
first use, and closes it after the build. Debian's /usr/bin/chromium, or the path in
CHROMIUM_PATH, driven by Playwright with the flags the browser tests use; the
browser is never downloaded (no `playwright install`). Pages it opens may not reach
the network: everything they need is passed in or read from `.cache/vendor/`.
"""
from __future__ import annotations

import os
import shutil
from typing import Callable

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--no-first-run"]

_playwright = None
_browser = None
_pages: dict = {}


def wanted() -> str:
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def path() -> str | None:
    """The Chromium to use, or None when there is none (or no Playwright to drive it)."""
    found = wanted() if os.path.isfile(wanted()) else shutil.which(wanted())
    if not found:
        return None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return None
    return found


def under_ci() -> bool:
    """CI sets CI=true: there, a missing browser is an error, not a reason to degrade."""
    return os.environ.get("CI", "").lower() == "true"


def new_page():
    """A blank page in the build's browser (started now if need be), offline."""
    global _playwright, _browser
    if _browser is None:
        from playwright.sync_api import sync_playwright

        _playwright = sync_playwright().start()
        _browser = _playwright.chromium.launch(executable_path=path(), args=FLAGS)
    page = _browser.new_page()
    page.route("**/*", lambda route: route.abort())
    return page


def page(purpose: str, setup: Callable):
    """The build's page for one purpose ("mermaid", "katex"), set up on first use."""
    if purpose not in _pages:
        fresh = new_page()
        setup(fresh)
        _pages[purpose] = fresh
    return _pages[purpose]


def close() -> None:
    """Stop the browser, if one was started; safe to call more than once."""
    global _playwright, _browser
    _pages.clear()
    if _browser is not None:
        _browser.close()
    if _playwright is not None:
        _playwright.stop()
    _playwright = _browser = None
