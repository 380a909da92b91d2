"""Draw ```mermaid fences as inline SVG at build time, so no page ships mermaid.

Each diagram is rendered once by the vendored mermaid (hooks/vendor_assets.py) in
headless Chromium (hooks/lib/chromium.py: Debian's /usr/bin/chromium or CHROMIUM_PATH) and
cached in `.cache/diagrams/` under a hash of its source, the mermaid version and
the theme, so a rebuild renders only what changed and needs no browser.

* Colour scheme: the SVG is styled with Material's own mermaid CSS, which uses
  the theme's `--md-mermaid-*` variables, so one SVG follows light and dark.
* Accessible: the SVG has role="img". Its name is the diagram's `accTitle:` and
  its description the `accDescr:` (mermaid syntax); a diagram without accTitle is
  named from its own labels ("Diagram: Object store; Host 1; ...").
* Phones: the SVG scales down with the page to 60% of its natural size; below
  that, it scrolls sideways inside its own box, never the page.
* No Chromium: the diagram's source is shown as a code block with a one-line
  note, logged at INFO (so `--strict` passes). With CI=true that fails the build.
  A diagram mermaid cannot parse is a WARNING (so `--strict` fails).
"""
from __future__ import annotations

import hashlib
import html
import json
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from hooks import vendor_assets
from hooks.lib import chromium
from hooks.lib.definitions import ROOT

log = logging.getLogger("mkdocs.hooks.diagrams")

CACHE = ROOT / ".cache" / "diagrams"
MIN_SCALE = 0.6  # below this the diagram scrolls in its box instead of shrinking
FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
# The page the diagrams are drawn in: Material's font stack (theme.font: false)
# and mermaid settings as in Material's bundle, so the SVG looks like Material's.
RENDER_PAGE = """<!doctype html><html><head><style>
:root { --md-text-font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif;
        --md-mermaid-font-family: var(--md-text-font-family), sans-serif; }
body { font-family: var(--md-text-font-family); font-size: 16px; width: 1200px; }
</style></head><body></body></html>"""
MERMAID_CONFIG = {"startOnLoad": False, "sequence": {"actorFontSize": "16px",
                  "messageFontSize": "16px", "noteFontSize": "16px"}}
RENDER_JS = """async ([id, source]) => {
  const { svg } = await mermaid.render(id, source)
  const box = document.createElement("div")
  box.innerHTML = svg
  document.body.append(box)
  const root = box.querySelector("svg")
  const labels = [...root.querySelectorAll("foreignObject, text")]
    .map(e => (e.firstElementChild?.innerText ?? e.textContent).replace(/\\s+/g, " ").trim())
  const { width, height } = root.viewBox.baseVal
  box.remove()
  return { svg: root.outerHTML, labels, width, height }
}"""


def diagram_key(source: str, version: str, theme: str) -> str:
    """The cache key of one diagram: its source, the mermaid version and the theme.

    >>> diagram_key("graph TD; a-->b", "11.0.0", "css")
    '56ad2b8e92ed3594'
    >>> diagram_key("graph TD; a-->b", "11.0.1", "css") != diagram_key("graph TD; a-->b", "11.0.0", "css")
    True
    """
    return hashlib.sha256("\0".join([source, version, theme]).encode()).hexdigest()[:16]


def text_alternative(labels: list[str], limit: int = 400) -> str:
    """A name for a diagram without accTitle: its labels, in order, once each.

    >>> text_alternative(["Object store", "", "Host 1", "Object store"])
    'Diagram: Object store; Host 1'
    >>> len(text_alternative(["word " * 200])) <= 401
    True
    """
    seen = list(dict.fromkeys(label for label in labels if label))
    text = "Diagram: " + "; ".join(seen) if seen else "Diagram"
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "…"
    return text


def accessible_svg(svg: str, labels: list[str], width: float) -> str:
    """Make mermaid's SVG an image with a name, sized for a phone.

    Mermaid writes `role="graphics-document document"` and, given accTitle and
    accDescr, a <title> and <desc> the SVG points to with aria-labelledby and
    aria-describedby. Those stay; without a title, aria-label names the diagram.

    >>> accessible_svg('<svg id="d" aria-roledescription="flowchart-v2" role="graphics-document document" '
    ...                'style="max-width: 500px;" viewBox="0 0 500 80"><g></g></svg>', ["A", "B"], 500)
    '<svg role="img" aria-label="Diagram: A; B" id="d" style="max-width: 500px; min-width: 300px;" viewBox="0 0 500 80"><g></g></svg>'
    >>> accessible_svg('<svg aria-labelledby="chart-title-d" role="graphics-document document">'
    ...                '<title id="chart-title-d">Flow</title></svg>', [], 0)
    '<svg role="img" aria-labelledby="chart-title-d"><title id="chart-title-d">Flow</title></svg>'
    """
    head, rest = svg.split(">", 1)
    head = re.sub(r'\s(role|aria-roledescription)="[^"]*"', "", head)
    if "aria-labelledby=" not in head:
        head = head.replace("<svg", f'<svg aria-label="{html.escape(text_alternative(labels))}"', 1)
    head = head.replace("<svg", '<svg role="img"', 1)
    if width:
        head = re.sub(r'style="([^"]*?);?"',
                      lambda m: f'style="{m[1]}; min-width: {width * MIN_SCALE:.0f}px;"',
                      head, count=1)
    return f"{head}>{rest}"


def figure(svg: str) -> str:
    """The HTML that replaces a fence: the SVG in a box that scrolls if it must."""
    return f'<div class="diagram" tabindex="0">{svg}</div>'


def source_block(source: str) -> str:
    """What a build without Chromium shows instead of the diagram.

    >>> source_block("graph TD; a-->b")  # doctest: +ELLIPSIS
    '<div class="diagram-source"><p>Diagram not drawn in this build (no Chromium): ...<code class="language-mermaid">graph TD; a--&gt;b</code></pre></div>'
    """
    note = ("Diagram not drawn in this build (no Chromium): its mermaid source follows. "
            "See CONTRIBUTING.md.")
    return (f'<div class="diagram-source"><p>{note}</p>'
            f'<pre><code class="language-mermaid">{html.escape(source, quote=False)}</code></pre></div>')


def unique_ids(svg: str, old: str, new: str) -> str:
    """Rename a cached diagram's id, and the ids mermaid derives from it, for a second
    copy on the same page (the id holds a 16-digit hash, so it occurs nowhere else).

    >>> unique_ids('<svg id="d-1f"><marker id="d-1f_end"/><style>#d-1f .a{}</style></svg>', "d-1f", "d-1f-2")
    '<svg id="d-1f-2"><marker id="d-1f-2_end"/><style>#d-1f-2 .a{}</style></svg>'
    """
    return svg.replace(old, new)


# --- the browser, started on the first diagram that is not cached -------------------

def material_theme_css() -> str:
    """Material's mermaid CSS (the `themeCSS` it passes to mermaid), from its bundle."""
    import material

    bundle = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts")
                  .glob("bundle.*.min.js"))
    text = bundle.read_text(encoding="utf-8")
    name = re.search(r"themeCSS:(\w+)", text)
    value = name and re.search(rf"\b{name[1]}=(\"(?:[^\"\\]|\\.)*\")", text)
    if not value:
        raise PluginError(f"diagrams: no mermaid themeCSS found in {bundle}; Material changed: "
                          "update hooks/diagrams.py:material_theme_css")
    return json.loads(value[1])


def _load_mermaid(page) -> None:
    page.set_content(RENDER_PAGE)
    page.add_script_tag(path=str(vendor_assets.ensure_package("mermaid") / "mermaid.min.js"))
    page.evaluate("config => mermaid.initialize(config)",
                  dict(MERMAID_CONFIG, themeCSS=material_theme_css()))


def render(key: str, source: str) -> dict:
    """Draw one diagram in the build's Chromium: its SVG, labels and natural size."""
    return chromium.page("mermaid", _load_mermaid).evaluate(RENDER_JS, [f"d-{key}", source])


_theme: str | None = None


def _theme_fingerprint() -> str:
    global _theme
    if _theme is None:
        _theme = json.dumps([MERMAID_CONFIG, RENDER_PAGE, material_theme_css(), MIN_SCALE])
    return _theme


def drawn(source: str) -> dict | None:
    """The rendered diagram, from the cache or the browser; None when there is no browser."""
    key = diagram_key(source, vendor_assets.PACKAGES["mermaid"]["version"], _theme_fingerprint())
    cached = CACHE / f"{key}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    if not chromium.path():
        if chromium.under_ci():
            raise PluginError("diagrams: no Chromium to draw the mermaid diagrams, and CI=true: "
                              "install chromium or set CHROMIUM_PATH")
        return None
    result = dict(render(key, source), id=f"d-{key}")
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(result), encoding="utf-8")
    return result


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files) -> str:
    if 'class="mermaid"' not in content:
        return content
    where, count, undrawn = f"docs/{page.file.src_uri}", {}, 0

    def replace(match: re.Match) -> str:
        nonlocal undrawn
        source = html.unescape(match[1])
        try:
            result = drawn(source)
        except PluginError:
            raise
        except Exception as error:  # mermaid's parse errors arrive as Playwright errors
            message = str(error).splitlines()[0]
            log.warning(f"{where}: a mermaid diagram cannot be drawn: {message}")
            return source_block(source)
        if result is None:
            undrawn += 1
            return source_block(source)
        svg, old = result["svg"], result["id"]
        count[old] = count.get(old, 0) + 1
        if count[old] > 1:
            svg = unique_ids(svg, old, f"{old}-{count[old]}")
        return figure(accessible_svg(svg, result["labels"], result["width"]))

    content = FENCE.sub(replace, content)
    if undrawn:
        log.info(f"{where}: {undrawn} diagram(s) shown as source: no Chromium at "
                 f"{chromium.wanted()} (see CONTRIBUTING.md)")
    return content


def on_post_build(config: MkDocsConfig) -> None:
    chromium.close()


def on_build_error(error: Exception) -> None:
    chromium.close()
