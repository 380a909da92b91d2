"""The gate sums behind docs/rounds/tpm-technical-deep-dive.md, checked against a
simulated review pipeline and against the definitions, not against their own outputs."""
import contextlib
import io
import random
import runpy

import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.tpm_technical_deep_dive.gates import (
    filter_first, good_release_passes, miss_rate_bound, report, review_hours)

MODULE = ROOT / "snippets/rounds/tpm_technical_deep_dive/gates.py"


def test_review_time_is_linear_in_items_and_minutes():
    assert review_hours(60, 1) == 1
    assert review_hours(50_000, 2) == pytest.approx(2 * review_hours(50_000, 1))
    assert review_hours(50_000, 2) == pytest.approx(10 * review_hours(5_000, 2))


@pytest.mark.parametrize("items, flagged_share, audit_share", [(50_000, 0.04, 0.01), (1_000, 0.5, 0.1), (10, 0, 1)])
def test_filter_first_reviews_the_flags_and_a_sample_of_the_rest(items, flagged_share, audit_share):
    flagged, audited = filter_first(items, flagged_share, audit_share)
    assert flagged == round(items * flagged_share)
    assert audited == round((items - flagged) * audit_share)
    assert flagged + audited <= items


def test_an_audit_that_finds_nothing_bounds_the_filters_misses():
    """Simulate filters that miss at the bound: a clean audit then happens 5% of the time."""
    audited, rng = 480, random.Random(3)
    bound = miss_rate_bound(audited)
    clean = sum(all(rng.random() >= bound for _ in range(audited)) for _ in range(4_000))
    assert clean / 4_000 == pytest.approx(0.05, abs=0.015)
    assert miss_rate_bound(4 * audited) < bound  # a bigger audit proves more


def test_every_gate_costs_good_releases():
    rng = random.Random(9)
    for rates in ([0.02, 0.05, 0.01], [0.2, 0.3, 0.1]):  # the second tells a product from 1 - sum
        passed = sum(all(rng.random() >= r for r in rates) for _ in range(20_000))
        assert passed / 20_000 == pytest.approx(good_release_passes(rates), abs=0.01)
    assert good_release_passes([0.02] * 6) < good_release_passes([0.02] * 5) < 1
    assert good_release_passes([]) == 1


def test_the_report_follows_its_arguments():
    lines = report(items=10_000, flagged_share=0.1).splitlines()
    assert lines[0].split()[3] == "10,000"
    assert lines[1].split()[-2] == f"{review_hours(1_000, 2):,.0f}"


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()
