"""The built site, for the tests and the benchmark: one way to build it, one way to
read the URLs a built page refers to.

    build_command(site_dir)   the `mkdocs build --strict` command and environment
    build_and_record(folder)  run it into folder/site and write folder/result.json
    references(html)          what a page fetches, links to, and runs inline

`python -m tools.site FOLDER SITE_URL` runs `build_and_record`: the site tests start it
in the background as soon as they are collected (tests/site/conftest.py).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                      "apple-touch-icon", "mask-icon", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)|@import\s+['"]([^'"]+)""")


def build_command(site_dir: Path, site_url: str | None = None, generator: str = "mkdocs",
                  fresh_notebooks: Path | None = None) -> tuple[list, dict]:
    """(argv, env) for a strict build into `site_dir`, notebooks executed afresh.

    Never `--quiet`: MkDocs then stops counting warnings, so `--strict` passes a
    build that has them. `generator="properdocs"` builds the same mkdocs.yml with
    ProperDocs, the continuation of MkDocs 1.x (tests/site/test_properdocs.py).
    `fresh_notebooks`: an empty folder to keep the executed notebooks in, so a second
    build in the same test session reuses what this one ran, and nothing older.

    >>> argv, env = build_command(Path("/tmp/s"))
    >>> argv[1:5], env["NOTEBOOK_CACHE"]
    (['-m', 'mkdocs', 'build', '--strict'], 'false')
    >>> build_command(Path("/tmp/s"), generator="properdocs")[0][2:7]
    ['properdocs', 'build', '--strict', '-f', 'mkdocs.yml']
    >>> env = build_command(Path("/tmp/s"), fresh_notebooks=Path("/tmp/nb"))[1]
    >>> env["NOTEBOOK_CACHE"], env["NOTEBOOK_CACHE_DIR"]
    ('true', '/tmp/nb')
    """
    env = dict(os.environ, NOTEBOOK_CACHE="false", NO_MKDOCS_2_WARNING="1")
    if fresh_notebooks:
        env.update(NOTEBOOK_CACHE="true", NOTEBOOK_CACHE_DIR=str(fresh_notebooks))
    if site_url:
        env["SITE_URL"] = site_url
    config = ["-f", "mkdocs.yml"] if generator != "mkdocs" else []  # ProperDocs looks for properdocs.yml
    argv = [sys.executable, "-m", generator, "build", "--strict", *config, "-d", str(site_dir)]
    return argv, env


def build_and_record(folder: Path, site_url: str) -> dict:
    """Build into `folder/site` for `site_url`, keeping the executed notebooks in
    `folder/notebooks`, and write what happened to `folder/result.json` (argv, return
    code, output) in one step, so a reader of that file never sees half of it."""
    from hooks.lib.definitions import ROOT

    argv, env = build_command(folder / "site", site_url=site_url, fresh_notebooks=folder / "notebooks")
    try:
        done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
        outcome = {"argv": argv, "returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
    except Exception as error:  # whoever waits for the result must not wait for ever
        outcome = {"argv": argv, "returncode": -1, "stdout": "", "stderr": repr(error)}
    partial = folder / "result.partial"
    partial.write_text(json.dumps(outcome), encoding="utf-8")
    partial.replace(folder / "result.json")
    return outcome


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


if __name__ == "__main__":
    build_and_record(Path(sys.argv[1]), sys.argv[2])
