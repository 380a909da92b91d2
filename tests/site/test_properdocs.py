"""The exit from MkDocs 1.x, proven: ProperDocs (PyPI `properdocs`), the continuation of
MkDocs 1.x, builds the same mkdocs.yml strictly and produces the same pages with the
same titles and the same links. docs/about/decisions.md says why this matters and what
a move to Zensical would take."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from hooks.lib.definitions import ROOT
from tools.site import build_command, references

pytestmark = pytest.mark.slow
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory, _server, site_dir) -> Path:
    out = tmp_path_factory.mktemp("properdocs")
    argv, env = build_command(out, site_url=_server.url, generator="properdocs")
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, "properdocs build --strict failed:\n" + done.stderr[-4000:]
    return out


def pages(site: Path) -> dict[str, tuple[str, list[str]]]:
    """Each built page: its title and the links it holds, in order."""
    found = {}
    for html_file in sorted(site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        title = TITLE.search(html)
        found[html_file.relative_to(site).as_posix()] = (title[1] if title else "", references(html).links)
    return found


def test_properdocs_builds_the_same_pages_with_the_same_titles_and_links(site_dir, properdocs_site):
    ours, theirs = pages(site_dir), pages(properdocs_site)
    assert sorted(theirs) == sorted(ours)
    differ = [page for page in ours if ours[page] != theirs[page]]
    assert differ == [], f"pages whose title or links differ under ProperDocs: {differ[:5]}"


def test_it_builds_the_same_files_beside_the_pages(site_dir, properdocs_site):
    files = lambda site: sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert files(properdocs_site) == files(site_dir)
