"""The availability arithmetic behind docs/rounds/design-doc-review.md, checked
against simulated independent failures."""
import contextlib
import io
import runpy

import numpy as np
import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.design_doc_review.availability import (
    MINUTES_PER_MONTH, downtime_minutes, in_parallel, in_series, report)

MODULE = ROOT / "snippets/rounds/design_doc_review/availability.py"


def test_downtime_runs_from_none_to_the_whole_month():
    assert downtime_minutes(1.0) == 0
    assert downtime_minutes(0.0) == MINUTES_PER_MONTH
    assert downtime_minutes(0.999) == pytest.approx(10 * downtime_minutes(0.9999))


@pytest.mark.parametrize("parts", [(0.999, 0.999, 0.999), (0.99, 0.95), (0.9,)])
def test_series_matches_simulated_independent_failures(parts):
    rng = np.random.default_rng(5)
    up = np.all([rng.random(400_000) < p for p in parts], axis=0)
    assert float(up.mean()) == pytest.approx(in_series(*parts), abs=0.002)
    assert in_series(*parts) <= min(parts)


@pytest.mark.parametrize("p, copies", [(0.99, 2), (0.9, 3), (0.5, 1)])
def test_replicas_match_simulated_independent_failures(p, copies):
    rng = np.random.default_rng(6)
    any_up = np.any([rng.random(400_000) < p for _ in range(copies)], axis=0)
    assert float(any_up.mean()) == pytest.approx(in_parallel(p, copies), abs=0.003)
    assert in_parallel(p, copies) >= p


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()
