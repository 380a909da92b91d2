"""The site builds with --strict, and every page comes out with what a reader needs."""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
from mkdocs.config import load_config

from hooks import pagemeta
from tests.site.browsing import url_of

ROOT = Path(__file__).resolve().parents[2]
PAGES = list(pagemeta.pages())


def html_of(site_dir: Path, page: Path) -> str:
    return (site_dir / url_of(page) / "index.html").read_text(encoding="utf-8")


def test_the_strict_build_passes_without_a_warning(build):
    assert build.returncode == 0, build.stderr[-4000:]
    warnings = [line for line in build.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == [], "\n".join(warnings)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_every_page_has_its_title_and_meta_description(site_dir, page):
    meta, _ = pagemeta.read_page(page)
    html = html_of(site_dir, page)
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description and unescape(description.group(1)) == meta["description"]
    assert f"<title>{meta['title']}" in unescape(html)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT / "docs").as_posix())
def test_every_page_says_it_is_unofficial_and_links_to_its_source_file(site_dir, page):
    html = html_of(site_dir, page)
    assert "not affiliated with or endorsed by Anthropic" in html
    source = page.relative_to(ROOT / "docs").as_posix()
    assert re.search(rf'href="[^"]*/edit/main/docs/{re.escape(source)}"', html), "no edit link"


def test_the_catalog_lists_every_problem_page(site_dir):
    html = (site_dir / "catalog" / "index.html").read_text(encoding="utf-8")
    for page in PAGES:
        meta, _ = pagemeta.read_page(page)
        if pagemeta.kinds()[meta["kind"]]["catalog"]:
            assert f">{meta['title']}</a>" in html, f"{page.name} missing from the catalog"


def test_tags_are_derived_from_the_taxonomy(site_dir):
    html = (site_dir / "coding" / "in-memory-database" / "index.html").read_text(encoding="utf-8")
    for label in ("Software Engineer", "Coding screen", "State and time", "Medium"):
        assert label in re.sub(r"\s+", " ", " ".join(re.findall(r'class="md-tag[^"]*"[^>]*>([^<]*)<', html)))


def test_a_missing_snippet_fails_the_markdown_build():
    """check_paths is on: an include of a file that does not exist is an error, not blank."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=config["markdown_extensions"],
                           extension_configs=config["mdx_configs"])
    with pytest.raises(Exception, match="nope"):
        md.convert('```python\n--8<-- "coding/nope.py:section"\n```\n')


def test_notebook_pages_show_neither_front_matter_nor_cdn_loaders(site_dir):
    for page in PAGES:
        if page.suffix == ".py":
            html = html_of(site_dir, page)
            assert "last_reviewed:" not in html and "mathjax" not in html.lower()
            assert 'src="data:image/png' in html, "the notebook was not executed"
            assert "No description has been provided" not in html


def test_a_dollar_sign_is_money_not_math(site_dir):
    html = (site_dir / "about" / "sources" / "index.html").read_text(encoding="utf-8")
    assert "$305K" in html and "arithmatex" not in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def test_every_internal_link_in_the_built_site_resolves(site_dir):
    """MkDocs checks links written in Markdown; this also covers templates and notebooks."""
    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
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
