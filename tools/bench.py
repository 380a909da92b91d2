"""Measure what the performance budgets are about: build time, page weight, search index,
and Lighthouse scores on a phone.

    python3 dev.py bench                  # one fresh build, weights, Lighthouse, verdicts
    python3 dev.py bench --no-lighthouse  # weights and build time only (no Chromium needed)
    python3 dev.py bench --runs 3         # median build time of three builds
    python3 dev.py bench --json out.json  # also write the numbers as JSON
    python3 dev.py bench --strict         # exit 1 when a budget is missed
    python3 dev.py bench --every notebook # Lighthouse on every page of a kind as well
    python3 dev.py bench --scale          # build time at 100 and 500 pages; rebuild after an edit
    python3 dev.py bench --suite          # time the whole test suite (`dev.py test`)
    python3 dev.py bench --publish        # all of the above, written to docs/about/quality.json

Speed and size are measured here, never asserted by timed tests: a slow machine is
not a bug. Page weight is what a first visit to the page downloads before any
interaction: the HTML plus every script, stylesheet and image it references,
gzip-compressed as a web server would send them. Fonts and the search index load
later and are reported separately.

Lighthouse (npm `lighthouse`, pinned below, installed on first use into
`.cache/lighthouse/` with npm) runs with its mobile preset in Debian's Chromium
(CHROMIUM_PATH to use another) against one page of each kind, the heaviest, three
times each; the median of each score is held to the budget. The site is served
from 127.0.0.1, gzip-compressed, as GitHub Pages serves it: uncompressed, scores
drop by 10 to 30 points. Lighthouse needs no network beyond 127.0.0.1.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

from hooks.lib.definitions import DOCS, ROOT
from tools.site import build_command, references

LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_DIR = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_RUNS = 3
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# The budgets, in one place. Change them in a pull request that says why.
# Sizes and times are maxima; Lighthouse scores (0-100) are minima, on every kind of page.
BUDGETS = {
    "build_seconds": 90.0,        # full build, notebooks executed afresh, 2 cores
    "page_kb_gz": 500.0,          # heaviest page, first visit (diagrams are inline SVG)
    # The index loads in a worker when a reader first searches, never with the page. It
    # grows with the text, so its budget is per page; notebook outputs and listings over
    # 40 lines are left out of it (hooks/notebook_pages.py, hooks/code_listings.py).
    "search_index_kb_gz_per_page": 8.0,
    "lighthouse_performance": 95,
    "lighthouse_accessibility": 100,
    "lighthouse_best-practices": 100,
    "lighthouse_seo": 100,
    "suite_seconds": 300.0,       # `python3 dev.py test`, every test, 2 cores
    "rebuild_seconds": 2.0,       # `dev.py serve`: one page edited, 100-page site
}
SCALE_PAGES = (100, 500)          # synthetic sites (tools/synthetic.py) for build scaling
PUBLISHED = DOCS / "about" / "quality.json"  # what the Quality page shows (hooks/quality.py)


def is_minimum(budget: str) -> bool:
    """Scores must reach their budget; sizes and times must stay under it.

    >>> is_minimum("lighthouse_seo"), is_minimum("page_kb_gz")
    (True, False)
    """
    return budget.startswith("lighthouse_")


def within(budget: str, measured: float) -> bool:
    """Does `measured` meet `budget`?

    >>> within("lighthouse_performance", 95), within("lighthouse_performance", 94)
    (True, False)
    >>> within("build_seconds", 12.0), within("build_seconds", 91.0)
    (True, False)
    """
    limit = BUDGETS[budget]
    return measured >= limit if is_minimum(budget) else measured <= limit


def gz_size(data: bytes) -> int:
    """Bytes after gzip at the level web servers commonly use.

    >>> gz_size(b"a" * 10_000) < 100
    True
    """
    return len(gzip.compress(data, compresslevel=6))


def page_weight(site: Path, html_file: Path) -> dict:
    """Raw and gzipped bytes of a page and the local assets it references."""
    html = html_file.read_bytes()
    found = references(html.decode("utf-8", errors="replace"))
    page_url = "/" + html_file.relative_to(site).as_posix()
    files = {html_file}
    for url in found.stylesheets_and_scripts:
        if url.startswith("data:") or urlparse(url).netloc:
            continue
        target = site / urlparse(urljoin(page_url, url)).path.lstrip("/")
        if target.is_file():
            files.add(target)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(gz_size(f.read_bytes()) for f in files)
    return {"page": html_file.relative_to(site).as_posix(), "html_bytes": len(html),
            "html_gz_bytes": gz_size(html), "bytes": raw, "gz_bytes": packed}


def measure(site: Path) -> dict:
    pages = [page_weight(site, p) for p in sorted(site.rglob("index.html"))]
    index = site / "search" / "search_index.json"
    return {
        "pages": sorted(pages, key=lambda p: p["gz_bytes"], reverse=True),
        "search_index_gz_bytes": gz_size(index.read_bytes()) if index.exists() else 0,
    }


# --- which page is of which kind --------------------------------------------------

_KIND = re.compile(r"^(?:# )?kind:\s*([\w-]+)\s*$", re.M)


def page_kind(text: str) -> str | None:
    """The `kind` in a page's front matter (Markdown, or a jupytext notebook's header).

    >>> page_kind("---\\ntitle: T\\nkind: design\\n---\\n# T\\nkind: no")
    'design'
    >>> page_kind("# ---\\n# kind: notebook\\n# ---\\n"), page_kind("no front matter")
    ('notebook', None)
    """
    match = re.match(r"(?:# )?---\n(.*?\n)(?:# )?---\n", text, re.S)
    found = match and _KIND.search(match[1])
    return found[1] if found else None


def built_path(source: Path, docs: Path = DOCS) -> str:
    """Where MkDocs writes a page (directory URLs).

    >>> built_path(DOCS / "index.md"), built_path(DOCS / "about" / "index.md")
    ('index.html', 'about/index.html')
    >>> built_path(DOCS / "notebooks" / "makespan-vs-chunk-size.py")
    'notebooks/makespan-vs-chunk-size/index.html'
    """
    relative = source.relative_to(docs).with_suffix("").as_posix()
    if relative == "index" or relative.endswith("/index"):
        return relative.removesuffix("index") + "index.html"
    return relative + "/index.html"


def pages_by_kind(site: Path, docs: Path = DOCS, every: str | None = None) -> dict[str, str]:
    """For each kind, its heaviest built page (the worst case of that kind); with
    `every`, each page of that kind as well, labelled "kind page-name"."""
    weights = {p["page"]: p["gz_bytes"] for p in measure(site)["pages"]}
    chosen: dict[str, str] = {}
    for source in sorted([*docs.rglob("*.md"), *docs.rglob("*.py")]):
        if any(part.startswith("_") for part in source.relative_to(docs).parts):
            continue
        kind = page_kind(source.read_text(encoding="utf-8", errors="replace"))
        built = built_path(source, docs)
        if kind and built in weights and weights[built] > weights.get(chosen.get(kind, ""), -1):
            chosen[kind] = built
        if kind and kind == every and built in weights:
            chosen[f"{kind} {source.stem}"] = built
    heaviest = {kind: page for kind, page in chosen.items() if " " not in kind}
    # a kind's heaviest page is measured once, under the kind's own name
    return dict(sorted((label, page) for label, page in chosen.items()
                       if " " not in label or page != heaviest.get(label.split()[0])))


# --- serving the site as GitHub Pages does ----------------------------------------

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml")


def encoded(body: bytes, content_type: str, accept_encoding: str) -> tuple[bytes, dict[str, str]]:
    """The body and extra headers to send: gzip when the client takes it and it helps.

    >>> body, headers = encoded(b"<p>hi</p>" * 100, "text/html", "gzip, deflate, br")
    >>> headers["Content-Encoding"], gzip.decompress(body) == b"<p>hi</p>" * 100
    ('gzip', True)
    >>> encoded(b"PNG", "image/png", "gzip")[1]
    {'Cache-Control': 'max-age=600'}
    >>> encoded(b"x", "text/css", "identity")[1]["Vary"]
    'Accept-Encoding'
    """
    headers = {"Cache-Control": "max-age=600"}
    if content_type.startswith(COMPRESSIBLE):
        headers["Vary"] = "Accept-Encoding"
        if "gzip" in accept_encoding.lower():
            body = gzip.compress(body, compresslevel=6)
            headers["Content-Encoding"] = "gzip"
    return body, headers


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it, like GitHub Pages."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the slash URL
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # 404
        content_type = self.guess_type(str(path))
        body, headers = encoded(path.read_bytes(), content_type,
                                self.headers.get("Accept-Encoding", ""))
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    """Start serving `site` on a free port of 127.0.0.1 in a background thread."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# --- Lighthouse -------------------------------------------------------------------

def chromium() -> str | None:
    wanted = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    return wanted if os.path.isfile(wanted) else shutil.which(wanted)


def lighthouse() -> Path:
    """The pinned Lighthouse CLI, installed into .cache/lighthouse/ on first use."""
    cli = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    package = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json"
    if cli.exists() and json.loads(package.read_text()).get("version") == LIGHTHOUSE_VERSION:
        return cli
    npm = shutil.which("npm")
    if not npm:
        raise RuntimeError("npm is needed to install Lighthouse (Node.js 18+)")
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"bench: installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR}", file=sys.stderr)
    subprocess.run([npm, "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund",
                    "--save-exact", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True,
                   stdout=subprocess.DEVNULL)
    return cli


def run_lighthouse(cli: Path, url: str, browser: str) -> dict:
    """One Lighthouse run (mobile preset): the four scores, 0-100, and a few metrics."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run([str(cli), url, "--output=json", f"--output-path={report}", "--quiet",
                        f"--only-categories={','.join(CATEGORIES)}",
                        "--chrome-flags=--headless --no-sandbox"],
                       env=dict(os.environ, CHROME_PATH=browser), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        data = json.loads(report.read_text())
    return scores(data)


def scores(report: dict) -> dict:
    """The numbers the bench keeps from a Lighthouse JSON report.

    >>> scores({"categories": {"performance": {"score": 0.97}, "seo": {"score": 1}},
    ...         "audits": {"dom-size": {"numericValue": 812}}})
    {'performance': 97, 'seo': 100, 'dom-size': 812}
    """
    kept = {name: round(c["score"] * 100) for name, c in report["categories"].items()
            if c.get("score") is not None}
    index = report.get("environment", {}).get("benchmarkIndex")
    if index:
        kept["benchmark-index"] = round(index)  # the machine's speed, as Lighthouse saw it
    for audit in ("dom-size", "total-blocking-time", "largest-contentful-paint",
                  "cumulative-layout-shift"):
        value = report.get("audits", {}).get(audit, {}).get("numericValue")
        if value is not None:
            kept[audit] = round(value, 3) if audit == "cumulative-layout-shift" else round(value)
    return kept


def medians(runs: list[dict]) -> dict:
    """The median of each number over several runs (a single run swings by 20 points).

    >>> medians([{"performance": 90, "seo": 100}, {"performance": 99, "seo": 100},
    ...          {"performance": 96, "seo": 92}])
    {'performance': 96, 'seo': 100}
    """
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]
            if all(key in run for run in runs)}


def verdicts(result: dict) -> list[tuple[str, float, float, bool]]:
    """(budget, measured, limit, met) for every budget; Lighthouse budgets once per kind."""
    out = [
        ("build_seconds", result["build_seconds"]),
        ("page_kb_gz", max(p["gz_bytes"] for p in result["pages"]) / 1024),
        ("search_index_kb_gz_per_page", result["search_index_gz_bytes"] / 1024 / max(1, len(result["pages"]))),
    ]
    if "suite" in result:
        out.append(("suite_seconds", result["suite"]["seconds"]))
    if "scale" in result:
        out.append(("rebuild_seconds", result["scale"]["rebuild_seconds"]))
    rows = [(name, measured, BUDGETS[name], within(name, measured)) for name, measured in out]
    for kind, numbers in result.get("lighthouse", {}).items():
        for category in CATEGORIES:
            name = f"lighthouse_{category}"
            measured = numbers["median"].get(category, 0)
            rows.append((f"{name} ({kind})", measured, BUDGETS[name], within(name, measured)))
    return rows


def build(site: Path, site_url: str | None = None) -> float:
    # site_url: canonical links point at the server Lighthouse visits
    argv, env = build_command(site, site_url=site_url)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit("bench: the strict build failed:\n" + done.stderr[-3000:])
    return time.perf_counter() - start


def lighthouse_all(site: Path, base_url: str, every: str | None = None) -> dict:
    browser = chromium()
    if not browser:
        print("bench: Lighthouse skipped: no Chromium (apt-get install chromium, or set "
              "CHROMIUM_PATH)", file=sys.stderr)
        return {}
    cli = lighthouse()
    results = {}
    for kind, page in pages_by_kind(site, every=every).items():
        url = base_url + page.removesuffix("index.html")
        print(f"bench: Lighthouse x{LIGHTHOUSE_RUNS} {kind}: {url}", file=sys.stderr, flush=True)
        runs = [run_lighthouse(cli, url, browser) for _ in range(LIGHTHOUSE_RUNS)]
        results[kind] = {"page": page, "runs": runs, "median": medians(runs)}
    return results


def busy() -> float:
    """The 1-minute load average (0 where the system does not report one)."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0


def report(result: dict) -> None:
    print(f"{'page':<58}{'html KB':>9}{'total KB':>10}{'gzip KB':>9}")
    for p in result["pages"]:
        print(f"{p['page']:<58}{p['html_bytes'] / 1024:>9.0f}{p['bytes'] / 1024:>10.0f}"
              f"{p['gz_bytes'] / 1024:>9.0f}")
    if result.get("lighthouse"):
        weights = {p["page"]: p for p in result["pages"]}
        print(f"\nLighthouse, mobile, median of {LIGHTHOUSE_RUNS} runs")
        print(f"{'kind':<24}{'page':<44}{'perf':>5}{'a11y':>5}{'bp':>5}{'seo':>5}"
              f"{'TBT ms':>8}{'LCP ms':>8}{'CLS':>7}{'DOM':>6}{'gz KB':>7}")
        for kind, numbers in result["lighthouse"].items():
            m = numbers["median"]
            print(f"{kind:<24}{numbers['page']:<44}"
                  + "".join(f"{m.get(c, 0):>5.0f}" for c in CATEGORIES)
                  + f"{m.get('total-blocking-time', 0):>8.0f}{m.get('largest-contentful-paint', 0):>8.0f}"
                  f"{m.get('cumulative-layout-shift', 0):>7.3f}{m.get('dom-size', 0):>6.0f}"
                  f"{weights[numbers['page']]['gz_bytes'] / 1024:>7.0f}")
        cores = os.cpu_count() or 1
        if result.get("load_average", 0) > cores / 2:
            print(f"note: load average {result['load_average']:.1f} on {cores} cores while "
                  "measuring: other work slows the page's scripts, so these scores are "
                  "pessimistic; measure again on a quiet machine before acting on them")
    if result.get("scale"):
        scaled = result["scale"]
        print("\nBuild time as the site grows (synthetic pages from the templates, notebooks cached)")
        for size, numbers in scaled["builds"].items():
            print(f"  {size:>4} pages ({numbers['added']:>3} generated)  {numbers['seconds']:6.1f} s")
        print(f"  dev.py serve, one page edited at {scaled['rebuild_pages']} pages: "
              f"{scaled['rebuild_seconds']:.2f} s (everything rebuilt: {scaled['full_rebuild_seconds']:.1f} s)")
    if result.get("suite"):
        run = result["suite"]
        counts = ", ".join(f"{n} {what}" for what, n in run["counts"].items())
        print(f"\nTest suite (python3 dev.py test): {run['seconds']:.0f} s; {counts}; "
              f"coverage {run['coverage']}%; exit {run['exit']}")
    print()
    for name, measured, limit, met in verdicts(result):
        sign = ">=" if is_minimum(name.split()[0]) else "<="
        print(f"{name:<44}{measured:>10.1f}  budget {sign} {limit:>7.1f}  {'ok' if met else 'MISSED'}")


def scale(sizes=SCALE_PAGES) -> dict:
    """Build time of synthetic copies of the site grown to each size (notebooks from the
    cache, as a contributor builds), and `dev.py serve`'s rebuild after one edit at the
    smallest size, in its default mode (only the edited page) and rebuilding everything."""
    from tools import synthetic

    builds = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            copy, added = synthetic.site_copy(Path(folder) / str(size), size)
            synthetic.build_seconds(copy)  # warm: the copy's first build fills its caches
            builds[str(size)] = {"added": added, "seconds": synthetic.build_seconds(copy)}
            print(f"bench: {size} pages ({added} generated): build {builds[str(size)]['seconds']:.1f} s",
                  file=sys.stderr, flush=True)
        smallest = Path(folder) / str(sizes[0])
        edited = sorted((smallest / "docs").rglob("*.md"))[-1]
        port = serve(Path(folder)).server_address[1]  # a free port, released below
        rebuild = synthetic.rebuild_seconds(smallest, edited, port + 1, dirty=True)
        full = synthetic.rebuild_seconds(smallest, edited, port + 2, dirty=False)
    return {"builds": builds, "rebuild_seconds": rebuild, "full_rebuild_seconds": full,
            "rebuild_pages": sizes[0]}


_SUMMARY = re.compile(r"=+ (.*?) in ([\d.]+)s")
_COVERAGE = re.compile(r"Total coverage: ([\d.]+)%")


def suite_result(output: str, seconds: float) -> dict:
    """The counts, coverage and time of a `dev.py test` run, from its output.

    >>> suite_result("Total coverage: 100.00%\\n=== 7043 passed, 2 skipped, 7 xfailed in 301.2s ===", 305.0)
    {'seconds': 305.0, 'pytest_seconds': 301.2, 'counts': {'passed': 7043, 'skipped': 2, 'xfailed': 7}, 'coverage': 100.0}
    """
    summary = _SUMMARY.findall(output)
    counts = {}
    if summary:
        for part in summary[-1][0].split(", "):
            number, _, what = part.partition(" ")
            if number.isdigit():
                counts[what] = int(number)
    coverage = _COVERAGE.search(output)
    return {"seconds": seconds, "pytest_seconds": float(summary[-1][1]) if summary else None,
            "counts": counts, "coverage": float(coverage.group(1)) if coverage else None}


def suite() -> dict:
    """Run the README's test command (`python3 dev.py test`, CI=true) and time it."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "dev.py"), "test"], cwd=ROOT,
                          env=dict(os.environ, CI="true"), capture_output=True, text=True)
    result = suite_result(done.stdout + done.stderr, round(time.perf_counter() - start, 1))
    result["exit"] = done.returncode
    log = ROOT / ".cache" / "bench-suite.log"  # what failed, when something did
    log.parent.mkdir(exist_ok=True)
    log.write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode:
        print(f"bench: the suite failed; its output is in {log.relative_to(ROOT)}", file=sys.stderr)
    return result


def machine() -> dict:
    """What the figures were measured on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                      if line.startswith("model name")), "")
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    return {"cores": os.cpu_count(), "cpu": model, "memory": memory,
            "python": sys.version.split()[0], "platform": sys.platform}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python3 dev.py bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="builds to time (median)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--strict", action="store_true")
    parser.add_argument("--every", metavar="KIND",
                        help="Lighthouse on every page of this kind, not only its heaviest")
    parser.add_argument("--scale", action="store_true", help="build time at 100 and 500 pages; rebuild time")
    parser.add_argument("--suite", action="store_true", help="time the whole test suite")
    parser.add_argument("--publish", action="store_true",
                        help=f"everything, written to {PUBLISHED.relative_to(ROOT)} for the Quality page")
    args = parser.parse_args(argv)
    if args.publish:
        args.scale = args.suite = True
        args.json = args.json or PUBLISHED
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        site.mkdir()
        server = serve(site)  # first, so the build knows the address it is served at
        base_url = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            times = [build(site, base_url) for _ in range(args.runs)]
            result = measure(site)
            load = busy()
            result["lighthouse"] = {} if args.no_lighthouse else lighthouse_all(site, base_url, args.every)
            result["load_average"] = max(load, busy())
        finally:
            server.shutdown()
    result["build_seconds"] = statistics.median(times)
    result["build_runs"] = times
    if args.scale:
        result["scale"] = scale()
    if args.suite:
        result["suite"] = suite()
    result["measured"] = {"date": time.strftime("%Y-%m-%d"), "machine": machine(),
                          "load_average": result["load_average"]}
    report(result)
    result["verdicts"] = verdicts(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2))
    missed = not all(met for *_, met in verdicts(result))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
