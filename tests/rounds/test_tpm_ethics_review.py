"""The rare-event sums behind docs/rounds/tpm-ethics-review.md, checked against
simulated evaluations and against each other, not against their own outputs."""
import contextlib
import io
import random
import runpy

import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.tpm_ethics_review.rare_events import (
    chance_to_see, per_day, report, samples_to_see, upper_bound_after_zero)

MODULE = ROOT / "snippets/rounds/tpm_ethics_review/rare_events.py"


@pytest.mark.parametrize("rate, samples", [(1e-2, 50), (1e-3, 500), (0.2, 3)])
def test_chance_to_see_matches_simulated_evaluations(rate, samples):
    rng = random.Random(5)
    runs = 4_000
    seen = sum(any(rng.random() < rate for _ in range(samples)) for _ in range(runs))
    assert seen / runs == pytest.approx(chance_to_see(rate, samples), abs=0.025)


@pytest.mark.parametrize("rate", [1e-4, 1e-3, 1e-2, 0.3])
@pytest.mark.parametrize("confidence", [0.5, 0.9, 0.95, 0.99])
def test_samples_to_see_is_the_fewest_that_reach_the_confidence(rate, confidence):
    n = samples_to_see(rate, confidence)
    assert chance_to_see(rate, n) >= confidence - 1e-12
    assert chance_to_see(rate, n - 1) < confidence


@pytest.mark.parametrize("samples", [10, 300, 1_000, 50_000])
def test_the_bound_after_a_clean_run_is_where_seeing_nothing_becomes_unlikely(samples):
    bound = upper_bound_after_zero(samples)
    assert chance_to_see(bound, samples) == pytest.approx(0.95)
    assert chance_to_see(bound * 1.1, samples) > 0.95


def test_the_rule_of_three_holds_for_large_runs():
    assert upper_bound_after_zero(10_000) == pytest.approx(3 / 10_000, rel=0.01)
    assert upper_bound_after_zero(10) > 3 / 10 * 0.8  # a rougher guide for small runs


def test_narrowing_the_prompts_cuts_the_samples_in_proportion():
    wide, narrow = samples_to_see(1e-4), samples_to_see(1e-2)
    assert wide / narrow == pytest.approx(100, rel=0.01)


def test_daily_occurrences_scale_with_traffic():
    assert per_day(1e-4, 2e6) == 2 * per_day(1e-4, 1e6)


def test_the_report_follows_its_arguments():
    first = report(eval_size=5_000).splitlines()[0]
    assert first.split()[1] == "5,000-prompt"
    assert first.split()[-4] == f"{chance_to_see(1e-4, 5_000):.1%}"


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()
