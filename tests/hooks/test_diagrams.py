"""hooks/diagrams.py: mermaid fences become accessible inline SVG at build time.

The pure parts are doctested in the hook; here: the page-level replacement with a
fake renderer, the cache, the no-Chromium fallback (and its failure under CI), and
one real rendering in Chromium, which is skipped where there is none (and fails
under CI=true, as the browser tests do).
"""
from __future__ import annotations

import json
import logging
import os
import re
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import diagrams

FENCE = '<p>Before.</p>\n<pre class="mermaid"><code>flowchart LR\n  a[Client] --&gt; b[(Store)]</code></pre>'
PAGE = SimpleNamespace(file=SimpleNamespace(src_uri="design/x.md"))
FAKE_SVG = ('<svg id="d-{key}" width="100%" style="max-width: 400px;" role="graphics-document document" '
            'aria-roledescription="flowchart-v2" viewBox="0 0 400 100"><style>#d-{key} .node{{}}</style>'
            '<marker id="d-{key}_end"></marker></svg>')


@pytest.fixture
def cache(monkeypatch, tmp_path):
    monkeypatch.setattr(diagrams, "CACHE", tmp_path)
    monkeypatch.setattr(diagrams, "_theme", "test-theme")
    return tmp_path


@pytest.fixture
def fake_renderer(monkeypatch, cache):
    calls = []

    def render(key, source):
        calls.append(source)
        return {"svg": FAKE_SVG.format(key=key), "labels": ["Client", "", "Store"],
                "width": 400.0, "height": 100.0}

    monkeypatch.setattr(diagrams.chromium, "path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(diagrams, "render", render)
    return calls


def test_a_fence_becomes_an_accessible_svg_in_a_scrolling_box(fake_renderer):
    html = diagrams.on_page_content(FENCE, page=PAGE, config=None, files=None)
    assert 'class="mermaid"' not in html and "<pre" not in html
    assert html.startswith("<p>Before.</p>\n<div class=\"diagram\" tabindex=\"0\"><svg role=\"img\"")
    assert 'aria-label="Diagram: Client; Store"' in html
    assert "aria-roledescription" not in html and "graphics-document" not in html
    assert "min-width: 240px" in html  # 60% of the natural 400 px, then it scrolls
    assert fake_renderer == ["flowchart LR\n  a[Client] --> b[(Store)]"]  # unescaped source


def test_rendered_diagrams_are_cached_by_source_and_reused(fake_renderer, cache):
    first = diagrams.on_page_content(FENCE, page=PAGE, config=None, files=None)
    again = diagrams.on_page_content(FENCE, page=PAGE, config=None, files=None)
    assert first == again and len(fake_renderer) == 1
    assert len(list(cache.glob("*.json"))) == 1
    diagrams.on_page_content(FENCE.replace("Client", "Browser"), page=PAGE, config=None, files=None)
    assert len(fake_renderer) == 2 and len(list(cache.glob("*.json"))) == 2


def test_the_same_diagram_twice_on_a_page_gets_distinct_ids(fake_renderer):
    html = diagrams.on_page_content(FENCE + FENCE, page=PAGE, config=None, files=None)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) == 4


def test_without_chromium_the_source_is_shown_and_logged_at_info(monkeypatch, cache, caplog):
    monkeypatch.setattr(diagrams.chromium, "path", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.diagrams"):
        html = diagrams.on_page_content(FENCE, page=PAGE, config=None, files=None)
    assert 'class="mermaid"' not in html  # Material would fetch mermaid from a CDN for it
    assert '<code class="language-mermaid">flowchart LR\n  a[Client] --&gt; b[(Store)]</code>' in html
    assert "Diagram not drawn in this build" in html
    assert [r.levelname for r in caplog.records] == ["INFO"]
    assert "docs/design/x.md: 1 diagram(s) shown as source" in caplog.text


def test_without_chromium_under_ci_the_build_fails(monkeypatch, cache):
    monkeypatch.setattr(diagrams.chromium, "path", lambda: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(PluginError, match="CI=true"):
        diagrams.on_page_content(FENCE, page=PAGE, config=None, files=None)


def test_a_diagram_mermaid_cannot_parse_is_a_warning(monkeypatch, cache, caplog):
    def broken(key, source):
        raise RuntimeError("Error: Parse error on line 2:\n...")

    monkeypatch.setattr(diagrams.chromium, "path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(diagrams, "render", broken)
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.diagrams"):
        html = diagrams.on_page_content(FENCE, page=PAGE, config=None, files=None)
    assert "language-mermaid" in html
    assert [r.levelname for r in caplog.records] == ["WARNING"]  # --strict fails
    assert "Parse error on line 2" in caplog.text


def test_pages_without_diagrams_are_untouched(fake_renderer):
    html = '<pre><code class="language-python">x = 1</code></pre>'
    assert diagrams.on_page_content(html, page=PAGE, config=None, files=None) == html
    assert fake_renderer == []


def test_the_cache_key_follows_materials_mermaid_css():
    css = diagrams.material_theme_css()
    assert "--md-mermaid-node-bg-color" in css and "--md-mermaid-edge-color" in css


# --- one real rendering -----------------------------------------------------------

def _chromium_or_skip() -> None:
    if diagrams.chromium.path():
        return
    message = ("no Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH "
               "to draw diagrams")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: this test may not be skipped)", pytrace=False)
    pytest.skip(message)


@pytest.mark.slow
def test_chromium_draws_a_tiny_diagram_with_its_title_and_description(cache):
    _chromium_or_skip()
    source = ("flowchart LR\n  accTitle: Two boxes\n  accDescr: A client writes to a store.\n"
              "  a[Client] --> b[(Store)]")
    fence = f'<pre class="mermaid"><code>{source.replace(">", "&gt;")}</code></pre>'
    try:
        html = diagrams.on_page_content(fence, page=PAGE, config=None, files=None)
    finally:
        diagrams.on_post_build(config=None)
    svg = re.search(r"<svg[^>]*>", html)[0]
    assert 'role="img"' in svg and "aria-labelledby=" in svg and "aria-describedby=" in svg
    assert re.search(r"<title[^>]*>Two boxes</title>", html)
    assert re.search(r"<desc[^>]*>A client writes to a store.</desc>", html)
    assert "Client" in html and "Store" in html
    # styled by the theme's variables, so it follows the colour scheme
    assert "var(--md-mermaid-node-bg-color)" in html
    cached = json.loads(next(cache.glob("*.json")).read_text())
    assert cached["width"] > 100 and "Client" in cached["labels"]
