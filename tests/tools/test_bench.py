"""The benchmark's measurements, verdicts and server (Lighthouse itself is run by
`python3 dev.py bench`, never by the test suite)."""
import gzip
import random
import urllib.request
from pathlib import Path

import pytest

from tools import bench


def fake_site(root: Path) -> Path:
    (root / "assets").mkdir(parents=True)
    (root / "assets" / "app.js").write_bytes(b"x" * 1000)
    (root / "assets" / "style.css").write_bytes(b"y" * 500)
    (root / "guide").mkdir()
    (root / "guide" / "index.html").write_text(
        '<link rel="stylesheet" href="../assets/style.css"><script src="../assets/app.js"></script>'
        '<script src="https://elsewhere.example/x.js"></script><img src="data:image/png;base64,AA">'
        '<div class="diagram"><svg role="img" aria-label="Diagram"></svg></div>')
    (root / "index.html").write_text('<script src="assets/app.js"></script>')
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text('{"docs": []}')
    return root


def test_a_page_weighs_its_html_and_the_local_assets_it_references(tmp_path):
    site = fake_site(tmp_path)
    weight = bench.page_weight(site, site / "guide" / "index.html")
    html = len((site / "guide" / "index.html").read_bytes())
    assert weight["bytes"] == html + 1000 + 500
    assert weight["gz_bytes"] < weight["bytes"]


def test_measure_orders_pages_heaviest_first(tmp_path):
    result = bench.measure(fake_site(tmp_path))
    assert [p["page"] for p in result["pages"]] == ["guide/index.html", "index.html"]


def lighthouse_result(performance: float) -> dict:
    runs = [{"performance": p, "accessibility": 100, "best-practices": 100, "seo": 100}
            for p in (performance, 40, 100)]
    return {"page": "design/x/index.html", "runs": runs, "median": bench.medians(runs)}


def test_verdicts_cover_every_budget_and_lighthouse_once_per_kind(tmp_path):
    result = bench.measure(fake_site(tmp_path))
    result["build_seconds"] = 1.0
    result["lighthouse"] = {"design": lighthouse_result(97), "home": lighthouse_result(99)}
    result["suite"] = bench.suite_result("=== 10 passed in 250.0s ===", 260.0)
    result["scale"] = {"rebuild_seconds": 0.8}
    rows = bench.verdicts(result)
    names = [name.split()[0] for name, *_ in rows]
    assert set(names) == set(bench.BUDGETS)
    assert [n for n in names if n.startswith("lighthouse_")] == [
        f"lighthouse_{c}" for c in bench.CATEGORIES] * 2
    assert ("lighthouse_performance (design)", 97, 95, True) in rows
    assert all(met for *_, met in rows)


def test_a_median_below_the_budget_is_missed_and_one_bad_run_is_not(tmp_path):
    result = bench.measure(fake_site(tmp_path))
    result["build_seconds"] = 1.0
    result["lighthouse"] = {"notebook": lighthouse_result(80)}  # runs 80, 40, 100: median 80
    missed = [name for name, _, _, met in bench.verdicts(result) if not met]
    assert missed == ["lighthouse_performance (notebook)"]
    result["lighthouse"] = {"notebook": lighthouse_result(96)}  # runs 96, 40, 100: median 96
    assert all(met for *_, met in bench.verdicts(result))


def test_a_slow_suite_or_rebuild_is_missed(tmp_path):
    result = bench.measure(fake_site(tmp_path))
    result["build_seconds"] = 1.0
    result["suite"] = bench.suite_result("=== 10 passed in 400.0s ===", 410.0)
    result["scale"] = {"rebuild_seconds": 2.5}
    assert [n for n, _, _, met in bench.verdicts(result) if not met] == ["suite_seconds", "rebuild_seconds"]


def test_sizes_over_budget_are_missed(tmp_path):
    result = bench.measure(fake_site(tmp_path))
    result["build_seconds"] = bench.BUDGETS["build_seconds"] + 1
    assert [n for n, _, _, met in bench.verdicts(result) if not met] == ["build_seconds"]


def test_each_kind_is_represented_by_its_heaviest_page(tmp_path):
    docs, site = tmp_path / "docs", fake_site(tmp_path / "site")
    (docs / "guide").mkdir(parents=True)
    (docs / "_templates").mkdir()
    (docs / "index.md").write_text("---\nkind: home\n---\n# Home\n")
    (docs / "guide.md").write_text("---\ntitle: G\nkind: role-guide\n---\n# G\n")
    (docs / "_templates" / "guide.md").write_text("---\nkind: template\n---\n")
    assert bench.pages_by_kind(site, docs) == {"home": "index.html", "role-guide": "guide/index.html"}


def test_every_page_of_one_kind_can_be_measured_each_once(tmp_path):
    docs, site = tmp_path / "docs", fake_site(tmp_path / "site")
    for name, size in [("light", 10), ("heavy", 5000)]:
        (docs / "notes").mkdir(parents=True, exist_ok=True)
        (docs / "notes" / f"{name}.md").write_text("---\nkind: notebook\n---\n# N\n")
        (site / "notes" / name).mkdir(parents=True)
        (site / "notes" / name / "index.html").write_text(f"<p>{random.Random(size).randbytes(size).hex()}</p>")
    (docs / "index.md").write_text("---\nkind: home\n---\n# Home\n")
    found = bench.pages_by_kind(site, docs, every="notebook")
    assert found["notebook"] == "notes/heavy/index.html"
    assert found["notebook light"] == "notes/light/index.html"
    assert "notebook heavy" not in found and found["home"] == "index.html"


@pytest.fixture
def server(tmp_path):
    site = fake_site(tmp_path)
    (site / "plot.png").write_bytes(b"\x89PNG" + bytes(200))
    running = bench.serve(site)
    yield f"http://127.0.0.1:{running.server_address[1]}/"
    running.shutdown()


def fetch(url: str, accept: str = "gzip") -> tuple[bytes, dict]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), dict(response.headers)


def test_the_server_sends_text_gzip_compressed_like_github_pages(server, tmp_path):
    body, headers = fetch(server + "guide/")
    assert headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == (tmp_path / "guide" / "index.html").read_bytes()
    assert int(headers["Content-Length"]) == len(body)
    body, headers = fetch(server + "assets/app.js")
    assert headers["Content-Encoding"] == "gzip" and len(body) < 100


def test_the_server_sends_images_and_clients_without_gzip_as_is(server):
    body, headers = fetch(server + "plot.png")
    assert "Content-Encoding" not in headers and body.startswith(b"\x89PNG")
    body, headers = fetch(server + "assets/style.css", accept="identity")
    assert "Content-Encoding" not in headers and body == b"y" * 500


def test_the_server_redirects_folders_and_reports_missing_files(server):
    body, _ = fetch(server + "guide")  # urllib follows the redirect to guide/
    assert b"diagram" in gzip.decompress(body)
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(server + "nowhere/")
    assert missing.value.code == 404
