"""Opening a page of the built site in the browser tests."""
from __future__ import annotations


def open_page(page, path: str) -> None:
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
