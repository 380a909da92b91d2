"""The site builds with --strict, and every page comes out with what a reader needs."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from mkdocs.config import load_config

from hooks.lib.definitions import ROOT, kinds
from hooks.lib.pages import is_notebook_page, page_id, read_page
from tests.pages import IDS, PAGES, url_of
from tools.site import references


def html_of(site_dir: Path, page: Path) -> str:
    return (site_dir / url_of(page) / "index.html").read_text(encoding="utf-8")


def test_the_strict_build_passes_without_a_warning(build):
    assert build.returncode == 0, build.stderr[-4000:]
    warnings = [line for line in build.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == [], "\n".join(warnings)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_page_has_its_title_and_meta_description(site_dir, page):
    meta, _ = read_page(page)
    html = html_of(site_dir, page)
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and unescape(description.group(1)) == meta["description"]
    assert f"<title>{meta['title']}" in unescape(html)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_every_page_says_it_is_unofficial_and_links_to_its_source_file(site_dir, page):
    html = html_of(site_dir, page)
    assert "not affiliated with or endorsed by Anthropic" in html
    source = page_id(page)
    assert re.search(rf'href="[^"]*/edit/main/docs/{re.escape(source)}"', html), "no edit link"


def test_the_catalog_lists_every_problem_page(site_dir):
    html = (site_dir / "catalog" / "index.html").read_text(encoding="utf-8")
    for page in PAGES:
        meta, _ = read_page(page)
        if kinds()[meta["kind"]]["catalog"]:
            assert f">{meta['title']}</a>" in html, f"{page.name} missing from the catalog"


def test_the_tags_page_lists_every_page_under_its_facets(site_dir):
    html = (site_dir / "tags" / "index.html").read_text(encoding="utf-8")
    for page in PAGES:
        meta, _ = read_page(page)
        if meta.get("roles"):
            assert f'href="../{url_of(page)}' in html, f"{page_id(page)} is on no tag list"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_the_facts_line_links_resolve_to_tag_entries_and_the_confidence_rule(site_dir, page):
    html = html_of(site_dir, page)
    facts = re.search(r'<p class="ln-facts">(.*?)</p>', html)
    if read_page(page)[0]["kind"] == "home":
        assert facts is None and 'class="md-tag' not in html
        return
    assert facts, "no facts line under the title"
    tags_html = (site_dir / "tags" / "index.html").read_text(encoding="utf-8")
    sources_html = (site_dir / "about" / "sources" / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"]+)"', facts.group(1)):
        anchor = href.split("#")[1]
        target = tags_html if "/tags/" in href else sources_html
        assert f'id="{anchor}"' in target, f"{href} points at no entry"


def test_a_missing_snippet_fails_the_markdown_build():
    """check_paths is on: an include of a file that does not exist is an error, not blank."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"],
                           extension_configs=config["mdx_configs"])
    with pytest.raises(Exception, match="nope"):
        md.convert('```python\n--8<-- "coding/nope.py:section"\n```\n')


def test_notebook_pages_show_neither_front_matter_nor_cdn_loaders(site_dir):
    for page in PAGES:
        if is_notebook_page(page_id(page)):
            html = html_of(site_dir, page)
            assert "last_reviewed:" not in html and "mathjax" not in html.lower()
            plots = re.findall(r'<img\b[^>]*\ssrc="([^"]+\.png)"', html)
            assert plots, "the notebook was not executed: no plot"
            for src in plots:  # plots are files beside the page (hooks/lib/notebook_images.py)
                assert (site_dir / url_of(page) / src).is_file(), src
            assert "No description has been provided" not in html


def test_a_dollar_sign_is_money_not_math(site_dir):
    html = (site_dir / "about" / "sources" / "index.html").read_text(encoding="utf-8")
    assert "$305K" in html and "arithmatex" not in html


def test_every_internal_link_in_the_built_site_resolves(site_dir):
    """MkDocs checks links written in Markdown; this also covers templates and notebooks."""
    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        for href in references(page.read_text(encoding="utf-8")).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:  # external, or same-page anchor
                continue
            base = site_dir if parts.path.startswith("/") else page.parent  # 404.html is absolute
            target = (base / unquote(parts.path).lstrip("/")).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site_dir)}: {href}")
    assert broken == []


def test_no_page_shows_an_unprocessed_annotation_marker(site_dir):
    """Markers either become annotations (a list follows the block) or are removed."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for block in re.finditer(r'<div class="language-[^"]*highlight">.*?</code></pre></div>(\s*<ol>)?', html, re.S):
            if not block.group(1):
                assert not re.search(r"# \(\d+\)!", block.group(0)), page.relative_to(site_dir)
