"""`<!-- ln:quality -->`: the latest measured figures, as tables, on the Quality page.

`python3 dev.py bench --publish` measures everything (build time and scaling, page
weights, Lighthouse per page kind, the whole test suite) and writes
docs/about/quality.json with the date and the machine; this hook turns that file into
Markdown. Nothing here measures anything, and no figure on the page is typed by hand.
A page that asks for the figures when the file is missing fails the build.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hooks.lib import markers

FILE = Path("about") / "quality.json"  # under docs/, written by `dev.py bench --publish`
LIGHTHOUSE = [("performance", "performance"), ("accessibility", "accessibility"),
              ("best-practices", "best practices"), ("seo", "SEO")]


def _number(value: float, unit: str = "") -> str:
    """A figure as a reader wants it.

    >>> _number(7.84, " s"), _number(100.0), _number(1234567)
    ('7.8 s', '100', '1,234,567')
    """
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.1f}{unit}"
    return f"{int(value):,}{unit}"


def render(data: dict) -> str:
    """The figures in `data` (the JSON `bench --publish` writes) as Markdown tables.

    >>> text = render({"measured": {"date": "2026-11-22", "machine": {"cores": 2, "cpu": "X",
    ...     "memory": "24 GiB", "python": "3.11.7", "platform": "linux"}, "load_average": 0.4},
    ...     "verdicts": [["build_seconds", 7.0, 90.0, True]], "build_seconds": 7.0,
    ...     "pages": [{"page": "a/index.html", "gz_bytes": 2048}], "search_index_gz_bytes": 4096})
    >>> "Measured on 2026-11-22" in text, "| build seconds | 7 | ≤ 90 |" in text
    (True, True)
    """
    measured = data["measured"]  # budget names print with spaces, so they wrap on a phone
    box = measured["machine"]
    out = [f"Measured on {measured['date']}, on {box['cores']} cores ({box['cpu'] or 'unknown CPU'}), "
           f"{box['memory']}, Python {box['python']} on {box['platform']}; load average "
           f"{measured['load_average']:.1f} while measuring.", ""]
    out += ["### Budgets", "", "| Budget | Measured | Limit |", "|---|---:|---:|"]
    out += [f"| {name.replace('_', ' ')} | {_number(value)}{'' if met else ' **missed**'} | "
            f"{'≥' if name.startswith('lighthouse') else '≤'} {_number(limit)} |"
            for name, value, limit, met in data["verdicts"]]
    if data.get("lighthouse"):
        # three columns (the theme gives each at least 5rem), so the table fits a phone; the other scores and the page
        # measured for each kind follow as text
        runs = data["lighthouse"]
        out += ["", "### Lighthouse, mobile, median of three runs", "",
                "Score is the performance score; then the total blocking time (TBT) and the time "
                "to the largest contentful paint (LCP).", "",
                "| Kind | Score | TBT, LCP |", "|---|---:|---:|"]
        for kind, numbers in runs.items():
            m = numbers["median"]
            out.append(f"| {kind} | {_number(m.get('performance', 0))} "
                       f"| {_number(m.get('total-blocking-time', 0), ' ms')}, "
                       f"{_number(m.get('largest-contentful-paint', 0) / 1000, ' s')} |")
        below = [f"{label} {_number(numbers['median'].get(key, 0))} ({kind})" for kind, numbers in runs.items()
                 for key, label in LIGHTHOUSE[1:] if numbers["median"].get(key, 0) < 100]
        out += ["", "Accessibility, best practices and SEO: "
                + ("100 on every kind." if not below else "100 except " + "; ".join(below) + "."),
                "", "The page measured for each kind (its heaviest):", ""]
        out += [f"- {kind}: `{numbers['page'].removesuffix('index.html') or '/'}`" for kind, numbers in runs.items()]
    out += ["", "### Weight", "", f"Build: {_number(data['build_seconds'], ' s')}. "
            f"Search index: {_number(data['search_index_gz_bytes'] / 1024, ' KB')} gzipped for "
            f"{len(data['pages'])} pages, loaded when a reader first searches. "
            "The five heaviest pages, first visit, gzipped:", "",
            "| Page | KB |", "|---|---:|"]
    out += [f"| `{p['page']}` | {_number(p['gz_bytes'] / 1024)} |" for p in data["pages"][:5]]
    if data.get("scale"):
        scaled = data["scale"]
        out += ["", "### As the site grows", "",
                "Synthetic copies of the site, grown with pages written from the templates "
                "(notebooks from the cache):", "", "| Pages | Generated | Build |", "|---:|---:|---:|"]
        out += [f"| {size} | {n['added']} | {_number(n['seconds'], ' s')} |" for size, n in scaled["builds"].items()]
        out += ["", f"`python3 dev.py serve` after one page is edited, at {scaled['rebuild_pages']} pages: "
                f"{_number(scaled['rebuild_seconds'], ' s')} (it rebuilds only that page; rebuilding "
                f"everything takes {_number(scaled['full_rebuild_seconds'], ' s')})."]
    if data.get("suite"):
        run = data["suite"]
        counts = ", ".join(f"{_number(n)} {what}" for what, n in run["counts"].items())
        out += ["", "### Tests", "", f"`python3 dev.py test`: {counts} in {_number(run['seconds'], ' s')}, "
                f"exit status {run['exit']}; coverage of `snippets/` {_number(run['coverage'])}%. "
                "The run includes axe-core on every page in both colour schemes, which fails on any "
                "serious or critical WCAG 2.1 A or AA violation."]
    return "\n".join(out)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if ("quality", []) not in markers.find(markdown):
        return markdown
    source = Path(config.docs_dir) / FILE
    if not source.exists():
        raise PluginError(f"{page.file.src_uri}: <!-- ln:quality --> needs {FILE}: "
                          "run `python3 dev.py bench --publish`")
    data = json.loads(source.read_text(encoding="utf-8"))
    return markers.replace(markdown, "quality", lambda args: render(data))
