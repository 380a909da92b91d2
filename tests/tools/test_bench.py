"""The benchmark's measurements (the budgets themselves are checked by running it)."""
from pathlib import Path

from tools import bench


def fake_site(root: Path) -> Path:
    (root / "assets").mkdir(parents=True)
    (root / "assets" / "app.js").write_bytes(b"x" * 1000)
    (root / "assets" / "style.css").write_bytes(b"y" * 500)
    (root / "guide").mkdir()
    (root / "guide" / "index.html").write_text(
        '<link rel="stylesheet" href="../assets/style.css"><script src="../assets/app.js"></script>'
        '<script src="https://elsewhere.example/x.js"></script><img src="data:image/png;base64,AA">'
        '<pre class="mermaid">graph</pre>')
    (root / "index.html").write_text('<script src="assets/app.js"></script>')
    (root / "search").mkdir()
    (root / "search" / "search_index.json").write_text('{"docs": []}')
    return root


def test_a_page_weighs_its_html_and_the_local_assets_it_references(tmp_path):
    site = fake_site(tmp_path)
    weight = bench.page_weight(site, site / "guide" / "index.html")
    html = len((site / "guide" / "index.html").read_bytes())
    assert weight["bytes"] == html + 1000 + 500
    assert weight["gz_bytes"] < weight["bytes"] and weight["has_diagram"]


def test_measure_orders_pages_heaviest_first_and_checks_every_budget(tmp_path):
    result = bench.measure(fake_site(tmp_path))
    assert [p["page"] for p in result["pages"]] == ["guide/index.html", "index.html"]
    result["build_seconds"] = 1.0
    names = [name for name, _, _ in bench.verdicts(result)]
    assert names == list(bench.BUDGETS)
    assert all(measured <= limit for _, measured, limit in bench.verdicts(result))
