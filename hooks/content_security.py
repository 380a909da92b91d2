"""A strict Content-Security-Policy on every built page, as a <meta> tag.

Scripts, styles, images, fonts and connections may come from this site only; nothing
may be framed, embedded or posted anywhere. The few inline scripts the theme and
mkdocs-jupyter write (Material's palette, tabs and scroll restore; the notebook copy
button) are allowed by their SHA-256 hash, and nothing else inline runs: not an inline
event handler, not `javascript:` URLs, not `eval`. One policy, with the hashes of every
page's inline scripts, goes into every page, because instant navigation keeps the first
page's policy while it swaps in the next page's content.

Styles allow `'unsafe-inline'`: the theme and the build-time SVG diagrams set `style`
attributes and <style> elements, which hashes cannot cover, and a style cannot run code.
`data:` images are allowed because the theme's icons are data-URI SVGs in its CSS.

`mkdocs serve` gets no policy: its live reload injects an inline script into every page.
The browser tests (tests/site/) fail on any policy violation.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],          # + the hashes of the inline scripts
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}
_command = "build"


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions for the inline scripts a page runs (JSON data blocks and
    other non-script types are not run, so they need none).

    >>> print(*inline_script_hashes('<script>a()</script><script src="x.js"></script>'
    ...                             '<script type="application/json">{}</script>'))
    'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='

    """
    found = set()
    for attrs, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in EXECUTABLE:
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            found.add(f"'sha256-{digest}'")
    return found


def policy(hashes: set[str]) -> str:
    """The policy text, directives in a fixed order, hashes sorted.

    >>> policy({"'sha256-x'"}).split("; ")[:2]
    ["default-src 'self'", "script-src 'self' 'sha256-x'"]
    """
    directives = {**POLICY, "script-src": POLICY["script-src"] + sorted(hashes)}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str, text: str) -> str:
    """The page with the policy as its first <meta> after the charset (before any script).

    >>> print(with_policy('<head><meta charset="utf-8"><script>a()</script>', "default-src 'none'"))
    <head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><script>a()</script>
    """
    tag = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if not anchor:
        return html
    return html[:anchor.end()] + tag + html[anchor.end():]


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


@event_priority(-100)  # last: after every hook that writes into pages has run
def on_post_build(*, config: MkDocsConfig) -> None:
    if _command == "serve":
        return
    files = sorted(Path(config.site_dir).rglob("*.html"))
    pages = {path: path.read_text(encoding="utf-8") for path in files}
    text = policy(set().union(*(inline_script_hashes(html) for html in pages.values())))
    for path, html in pages.items():
        path.write_text(with_policy(html, text), encoding="utf-8")
