"""The sample-size arithmetic behind docs/rounds/experiment-design.md, checked by
simulating experiments (seeded), not by re-deriving the formula."""
import contextlib
import io
import runpy

import numpy as np
import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.experiment_design.power import (
    chance_of_a_false_alarm, days_to_run, report, sample_size_per_arm)

MODULE = ROOT / "snippets/rounds/experiment_design/power.py"
Z_CRITICAL = 1.959963984540054  # two-sided 5%


def rejection_rate(p_control: float, p_treatment: float, n: int, runs: int, seed: int) -> float:
    """Share of simulated experiments whose two-proportion z-test rejects at 5%."""
    rng = np.random.default_rng(seed)
    a = rng.binomial(n, p_control, runs) / n
    b = rng.binomial(n, p_treatment, runs) / n
    pooled = (a + b) / 2
    z = (b - a) / np.sqrt(2 * pooled * (1 - pooled) / n)
    return float(np.mean(np.abs(z) > Z_CRITICAL))


@pytest.mark.parametrize("p_control, p_treatment", [(0.10, 0.11), (0.30, 0.33), (0.02, 0.025)])
def test_the_sample_size_gives_the_promised_power(p_control, p_treatment):
    n = sample_size_per_arm(p_control, p_treatment)
    assert rejection_rate(p_control, p_treatment, n, runs=4000, seed=1) == pytest.approx(0.80, abs=0.03)
    assert rejection_rate(p_control, p_treatment, n // 4, runs=4000, seed=2) < 0.40


def test_with_no_effect_the_test_rejects_about_alpha_of_the_time():
    assert rejection_rate(0.10, 0.10, 14_749, runs=8000, seed=3) == pytest.approx(0.05, abs=0.012)


def test_halving_the_effect_needs_about_four_times_the_users():
    ratio = sample_size_per_arm(0.10, 0.105) / sample_size_per_arm(0.10, 0.11)
    assert 3.5 < ratio < 4.5


def test_more_power_or_a_stricter_alpha_needs_more_users():
    base = sample_size_per_arm(0.10, 0.11)
    assert sample_size_per_arm(0.10, 0.11, power=0.9) > base
    assert sample_size_per_arm(0.10, 0.11, alpha=0.01) > base


def test_equal_rates_have_no_sample_size():
    with pytest.raises(ValueError, match="no effect"):
        sample_size_per_arm(0.1, 0.1)


@pytest.mark.parametrize("per_arm, arms, daily", [(14_749, 2, 20_000), (1, 2, 1e6), (100_000, 3, 9_000)])
def test_a_run_fills_every_arm_and_lasts_whole_weeks(per_arm, arms, daily):
    raw = days_to_run(per_arm, arms, daily, whole_weeks=False)
    assert raw * daily >= per_arm * arms > (raw - 1) * daily
    weeks = days_to_run(per_arm, arms, daily)
    assert weeks % 7 == 0 and raw <= weeks < raw + 7


def test_false_alarm_chance_matches_simulated_null_metrics():
    rng = np.random.default_rng(4)
    p_values = rng.uniform(size=(20_000, 20))  # under the null a p-value is uniform
    simulated = float(np.mean((p_values < 0.05).any(axis=1)))
    assert simulated == pytest.approx(chance_of_a_false_alarm(20), abs=0.01)


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()
