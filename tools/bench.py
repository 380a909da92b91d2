"""Measure what the performance budgets are about: build time, page weight, search index.

    python3 dev.py bench                  # one fresh build, then the table and verdicts
    python3 dev.py bench --runs 3         # median build time of three builds
    python3 dev.py bench --json out.json  # also write the numbers as JSON
    python3 dev.py bench --strict         # exit 1 when a budget is exceeded

Speed and size are measured here, never asserted by timed tests: a slow machine is
not a bug. Page weight is what a first visit to the page downloads before any
interaction: the HTML plus every script, stylesheet and image it references,
gzip-compressed as a web server would send them. Fonts and the search index load
later and are reported separately.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

ROOT = Path(__file__).resolve().parent.parent

# The budgets, in one place. Change them in a pull request that says why.
BUDGETS = {
    "build_seconds": 90.0,        # full build, notebooks executed afresh, 2 cores
    "page_kb_gz": 1500.0,         # heaviest page, first visit (a diagram page carries mermaid)
    "page_without_diagram_kb_gz": 500.0,
    "search_index_kb_gz": 400.0,
}


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in {"script", "img"} and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.urls.append(a["href"])


def gz_size(data: bytes) -> int:
    """Bytes after gzip at the level web servers commonly use.

    >>> gz_size(b"a" * 10_000) < 100
    True
    """
    return len(gzip.compress(data, compresslevel=6))


def page_weight(site: Path, html_file: Path) -> dict:
    """Raw and gzipped bytes of a page and the local assets it references."""
    html = html_file.read_bytes()
    parser = _Assets()
    parser.feed(html.decode("utf-8", errors="replace"))
    page_url = "/" + html_file.relative_to(site).as_posix()
    files = {html_file}
    for url in parser.urls:
        if url.startswith("data:") or urlparse(url).netloc:
            continue
        target = site / urlparse(urljoin(page_url, url)).path.lstrip("/")
        if target.is_file():
            files.add(target)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(gz_size(f.read_bytes()) for f in files)
    return {"page": html_file.relative_to(site).as_posix(), "html_bytes": len(html),
            "bytes": raw, "gz_bytes": packed,
            "has_diagram": b'class="mermaid"' in html}


def measure(site: Path) -> dict:
    pages = [page_weight(site, p) for p in sorted(site.rglob("index.html"))]
    index = site / "search" / "search_index.json"
    return {
        "pages": sorted(pages, key=lambda p: p["gz_bytes"], reverse=True),
        "search_index_gz_bytes": gz_size(index.read_bytes()) if index.exists() else 0,
    }


def verdicts(result: dict) -> list[tuple[str, float, float]]:
    """(budget, measured, limit) for every budget."""
    pages = result["pages"]
    plain = [p["gz_bytes"] for p in pages if not p["has_diagram"]] or [0]
    return [
        ("build_seconds", result["build_seconds"], BUDGETS["build_seconds"]),
        ("page_kb_gz", max(p["gz_bytes"] for p in pages) / 1024, BUDGETS["page_kb_gz"]),
        ("page_without_diagram_kb_gz", max(plain) / 1024, BUDGETS["page_without_diagram_kb_gz"]),
        ("search_index_kb_gz", result["search_index_gz_bytes"] / 1024, BUDGETS["search_index_kb_gz"]),
    ]


def build(site: Path) -> float:
    env = dict(os.environ, NOTEBOOK_CACHE="false", NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                   cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        times = [build(site) for _ in range(args.runs)]
        result = measure(site)
    result["build_seconds"] = statistics.median(times)
    result["build_runs"] = times
    print(f"{'page':<58}{'html KB':>9}{'total KB':>10}{'gzip KB':>9}")
    for p in result["pages"]:
        print(f"{p['page']:<58}{p['html_bytes'] / 1024:>9.0f}{p['bytes'] / 1024:>10.0f}"
              f"{p['gz_bytes'] / 1024:>9.0f}")
    print()
    over = False
    for name, measured, limit in verdicts(result):
        ok = measured <= limit
        over |= not ok
        print(f"{name:<30}{measured:>10.1f}  budget {limit:>8.1f}  {'ok' if ok else 'OVER'}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2))
    return 1 if over and args.strict else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
