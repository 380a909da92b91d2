"""Tests of the round pages' snippets (snippets/rounds/), one module per round."""
from __future__ import annotations

import contextlib
import io
import runpy
from pathlib import Path


def printed_when_run(module: Path) -> str:
    """What `python module.py` prints, without its trailing blank lines."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(module), run_name="__main__")
    return out.getvalue().strip()
