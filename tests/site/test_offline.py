"""Nothing in the built site refers to a third-party host.

Every script, stylesheet, font, image and frame reference in every HTML page,
and every url() and @import in every stylesheet, must be relative or point at
this site. Ordinary links (<a href>) may point anywhere: following one is the
reader's choice. The browser tests check the same at run time.
"""
from __future__ import annotations

import re
from pathlib import Path

from tools.site import CSS_URL, references

CDN_HOSTS = re.compile(r"(cdnjs|unpkg|jsdelivr|googleapis|gstatic|cloudflare|polyfill)\.", re.I)


def third_party(url: str) -> bool:
    url = url.strip()
    return bool(re.match(r"^(https?:)?//", url)) and not re.match(r"^(https?:)?//(127\.0\.0\.1|localhost)\b", url)


def test_the_checker_would_notice():
    found = references('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><img src="a.png">'
                       '<a href="https://example.org">fine</a><script src="//unpkg.com/x.js"></script>')
    assert [u for u in found.fetched if third_party(u)] == ["https://fonts.googleapis.com/css",
                                                           "//unpkg.com/x.js"]


def test_no_page_loads_anything_from_another_host(site_dir: Path):
    offenders = []
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        found = references(page.read_text(encoding="utf-8"))
        offenders += [f"{page.relative_to(site_dir)}: {u}" for u in found.fetched if third_party(u)]
        for block in found.inline:
            for match in CSS_URL.findall(block):
                url = match[0] or match[1]
                if third_party(url):
                    offenders.append(f"{page.relative_to(site_dir)} (inline): {url}")
            if CDN_HOSTS.search(block):
                offenders.append(f"{page.relative_to(site_dir)} (inline script names a CDN): "
                                 f"{CDN_HOSTS.search(block).group(0)}")
    assert offenders == []


def test_no_stylesheet_imports_or_fetches_from_another_host(site_dir: Path):
    offenders = []
    for sheet in sorted(site_dir.rglob("*.css")):
        for match in CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            url = match[0] or match[1]
            if third_party(url):
                offenders.append(f"{sheet.relative_to(site_dir)}: {url}")
    assert offenders == []


def test_heavy_libraries_load_only_where_needed(site_dir: Path):
    """No page ships mermaid (diagrams are inline SVG); KaTeX's scripts load only where
    the browser must draw math, its stylesheet only where KaTeX's HTML is shown (math
    drawn at build time is MathML and needs none), without blocking the first paint;
    Material's own scripts are deferred."""
    pages = {p: p.read_text(encoding="utf-8") for p in sorted(site_dir.rglob("*.html"))}
    assert not (site_dir / "assets" / "vendor" / "mermaid").exists()
    assert [p for p, html in pages.items() if "mermaid.min.js" in html] == []
    for path, html in pages.items():
        browser_math = 'class="arithmatex"' in html or '<div class="jupyter-wrapper">' in html
        assert ("katex.min.js" in html) == browser_math, path
        assert ("katex.min.css" in html) == (browser_math or 'class="katex-html' in html), path
        outside_noscript = re.sub(r"<noscript>.*?</noscript>", "", html, flags=re.S)
        assert not re.search(r'<link rel="stylesheet" href="[^"]*katex[^"]*">', outside_noscript), path
        assert not re.search(r"<script src=", html), f"{path}: a script without defer"
    drawn = [p for p, html in pages.items() if 'class="diagram"' in html]
    assert drawn, "no page has a diagram: the diagram checks would check nothing"
    assert all('<svg role="img"' in pages[p] for p in drawn)
    static_math = [html for html in pages.values() if 'data-math="static"' in html]
    assert static_math and all("katex.min.js" not in html and "katex.min.css" not in html
                               and "<math " in html for html in static_math)
    assert (site_dir / "assets" / "vendor" / "katex" / "fonts").is_dir()
