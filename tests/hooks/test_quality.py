"""hooks/quality.py: the figures file becomes tables; a missing file fails the build."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import quality

DATA = {
    "measured": {"date": "2026-11-22", "load_average": 0.3,
                 "machine": {"cores": 2, "cpu": "Test CPU", "memory": "24 GiB", "python": "3.11.7",
                             "platform": "linux"}},
    "verdicts": [["build_seconds", 7.84, 90.0, True], ["suite_seconds", 320.0, 300.0, False]],
    "build_seconds": 7.84, "search_index_gz_bytes": 380_000,
    "pages": [{"page": f"p{i}/index.html", "gz_bytes": 1024 * (10 - i)} for i in range(7)],
    "lighthouse": {"notebook": {"page": "notebooks/x/index.html",
                                "median": {"performance": 98, "accessibility": 100, "best-practices": 100,
                                           "seo": 100, "total-blocking-time": 139.0,
                                           "largest-contentful-paint": 1400.0}}},
    "scale": {"builds": {"100": {"added": 37, "seconds": 7.8}, "500": {"added": 437, "seconds": 31.2}},
              "rebuild_seconds": 0.76, "full_rebuild_seconds": 7.9, "rebuild_pages": 100},
    "suite": {"seconds": 290.0, "counts": {"passed": 7100, "skipped": 2}, "coverage": 100.0, "exit": 0},
}


def page(tmp_path, data=DATA):
    if data is not None:
        (tmp_path / "about").mkdir()
        (tmp_path / "about" / "quality.json").write_text(json.dumps(data))
    return quality.on_page_markdown("# Q\n\n<!-- ln:quality -->\n", page=SimpleNamespace(
        file=SimpleNamespace(src_uri="about/quality.md")), config=SimpleNamespace(docs_dir=str(tmp_path)),
        files=None)


def test_every_figure_comes_from_the_file(tmp_path):
    text = page(tmp_path)
    assert "Measured on 2026-11-22, on 2 cores (Test CPU), 24 GiB" in text
    assert "| suite seconds | 320 **missed** | ≤ 300 |" in text  # a missed budget shows
    assert "| build seconds | 7.8 | ≤ 90 |" in text
    assert "| notebook | 98 | 139 ms, 1.4 s |" in text
    assert "Accessibility, best practices and SEO: 100 on every kind." in text
    assert "- notebook: `notebooks/x/`" in text
    assert "| 500 | 437 | 31.2 s |" in text and "at 100 pages: 0.8 s" in text
    assert "7,100 passed, 2 skipped in 290 s, exit status 0" in text
    assert text.count("| `p") == 5  # the five heaviest pages only
    assert "<!-- ln:quality -->" not in text


def test_a_page_without_the_marker_is_left_alone(tmp_path):
    config = SimpleNamespace(docs_dir=str(tmp_path))
    assert quality.on_page_markdown("# Other\n", page=None, config=config, files=None) == "# Other\n"


def test_a_missing_figures_file_fails_the_build_with_what_to_run(tmp_path):
    with pytest.raises(PluginError, match="dev.py bench --publish"):
        page(tmp_path, data=None)
