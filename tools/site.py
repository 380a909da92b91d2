"""The built site, for the tests and the benchmark: one way to build it, one way to
read the URLs a built page refers to.

    build_command(site_dir)   the `mkdocs build --strict` command and environment
    references(html)          what a page fetches, links to, and runs inline
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                      "apple-touch-icon", "mask-icon", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def build_command(site_dir: Path, site_url: str | None = None,
                  generator: str = "mkdocs") -> tuple[list, dict]:
    """(argv, env) for a strict build into `site_dir`, notebooks executed afresh.

    Never `--quiet`: MkDocs then stops counting warnings, so `--strict` passes a
    build that has them. `generator="properdocs"` builds the same mkdocs.yml with
    ProperDocs, the continuation of MkDocs 1.x (tests/site/test_properdocs.py).

    >>> argv, env = build_command(Path("/tmp/s"))
    >>> argv[1:5], env["NOTEBOOK_CACHE"]
    (['-m', 'mkdocs', 'build', '--strict'], 'false')
    >>> build_command(Path("/tmp/s"), generator="properdocs")[0][2:7]
    ['properdocs', 'build', '--strict', '-f', 'mkdocs.yml']
    """
    env = dict(os.environ, NOTEBOOK_CACHE="false", NO_MKDOCS_2_WARNING="1")
    if site_url:
        env["SITE_URL"] = site_url
    config = ["-f", "mkdocs.yml"] if generator != "mkdocs" else []  # ProperDocs looks for properdocs.yml
    argv = [sys.executable, "-m", generator, "build", "--strict", *config, "-d", str(site_dir)]
    return argv, env


@dataclass
class References:
    fetched: list[str] = field(default_factory=list)   # scripts, styles, images, fonts, frames
    stylesheets_and_scripts: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)     # <a href>: followed only by the reader
    inline: list[str] = field(default_factory=list)    # text of inline <script> and <style>


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found = References()
        self._in_script_or_style = False

    def handle_starttag(self, tag, attrs):
        a, found = dict(attrs), self.found
        if tag in {"script", "img", "iframe", "audio", "video", "source", "track", "embed"} and a.get("src"):
            found.fetched.append(a["src"])
            if tag in {"script", "img"}:
                found.stylesheets_and_scripts.append(a["src"])
        if tag in {"img", "source"} and a.get("srcset"):
            found.fetched += [part.split()[0] for part in a["srcset"].split(",") if part.strip()]
        rels = set((a.get("rel") or "").split())
        if tag == "link" and FETCHING_LINK_RELS & rels:
            found.fetched.append(a.get("href", ""))
            if "stylesheet" in rels and a.get("href"):
                found.stylesheets_and_scripts.append(a["href"])
        if tag == "object" and a.get("data"):
            found.fetched.append(a["data"])
        if a.get("style"):
            found.fetched += [m[0] or m[1] for m in CSS_URL.findall(a["style"])]
        if tag == "a" and a.get("href"):
            found.links.append(a["href"])
        self._in_script_or_style = tag in {"script", "style"}

    def handle_endtag(self, tag):
        self._in_script_or_style = False

    def handle_data(self, data):
        if self._in_script_or_style:
            self.found.inline.append(data)


def references(html: str) -> References:
    """The URLs a page refers to, by what the browser does with them.

    >>> r = references('<link rel="stylesheet" href="s.css"><img src="p.png"><a href="x/">x</a>'
    ...                '<script>let a = 1</script>')
    >>> r.fetched, r.stylesheets_and_scripts, r.links, r.inline
    (['s.css', 'p.png'], ['s.css', 'p.png'], ['x/'], ['let a = 1'])
    """
    parser = _Parser()
    parser.feed(html)
    return parser.found

