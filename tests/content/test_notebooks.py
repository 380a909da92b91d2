"""Every notebook runs top to bottom, and a notebook with a Plots section draws one.

This is the cheap check (each code cell exec'd in one namespace); the build
runs the notebooks again through Jupyter, as the site renders them.
"""
from __future__ import annotations

import jupytext
import matplotlib
import pytest

from hooks.lib.pages import is_notebook_page, page_id

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from tests.pages import PAGES  # noqa: E402

NOTEBOOKS = [p for p in PAGES if is_notebook_page(page_id(p))]


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=page_id)
def test_notebook_runs_and_plots(path, monkeypatch):
    notebook = jupytext.read(path)
    monkeypatch.setattr(plt, "show", lambda *a, **k: None)
    plt.close("all")
    namespace: dict = {"__name__": "__main__"}
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            try:
                exec(compile(cell.source, f"{path.name}[cell {number}]", "exec"), namespace)
            except Exception as error:
                pytest.fail(f"{path.name}, cell {number}: {type(error).__name__}: {error}", pytrace=False)
    markdown = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    if "## Plots" in markdown:
        figures = [plt.figure(n) for n in plt.get_fignums()]
        assert figures and all(f.axes and f.axes[0].lines for f in figures), "no plotted lines"
    plt.close("all")
