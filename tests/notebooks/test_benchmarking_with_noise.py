"""Tests for snippets/notebooks/benchmarking_with_noise/ (notebook: docs/notebooks/benchmarking-with-noise.py).

The statistics are checked against simulations where the truth is known: the
candidate's runs are drawn from the baseline's distribution divided by a known
speedup, so the true ratio of medians and of means is exactly that speedup.
Tolerances are stated with each test; Monte Carlo ones are about three to four
standard errors, so a seed change does not break them but a wrong formula does.
"""
import math
from statistics import NormalDist

import numpy as np
import pytest

from snippets.notebooks.benchmarking_with_noise.model import (
    CONFIGS, ablation, bootstrap_speedup, estimator_spread, robust_noise, runs_needed,
    simulate_runs, true_mean_ms, warmup_end)


def coverage(statistic, runs, experiments, speedup=1.05, seed=0, **kwargs):
    """Share of percentile-bootstrap 95% intervals that contain the true speedup."""
    rng = np.random.default_rng(seed)
    hits = 0
    for experiment in range(experiments):
        a = simulate_runs(10.0, runs, rng, **kwargs)
        b = simulate_runs(10.0, runs, rng, **kwargs) / speedup
        _, low, high = bootstrap_speedup(a, b, statistic, resamples=1000, seed=experiment)
        hits += low <= speedup <= high
    return hits / experiments


# Coverage: 600 experiments give a Monte Carlo standard error of 0.89 points at 95%.
# The stated tolerance is 3 points, over 3 standard errors.
COVERAGE_TOLERANCE = 0.03
# At 20 runs the percentile interval for a ratio of medians over-covers: 96.4% in 20,000
# simulated benchmarks (two seeds of 10,000, 96.2% and 96.5%), not 95%. The test centres
# on that, with 2.5 points (over 3 standard errors of 0.76 at 600) either side, so a 90%
# interval passed off as 95% (about 92%) fails it, and a seed change does not.
MEDIAN_COVERAGE_AT_20_RUNS = 0.964


def test_bootstrap_interval_for_a_ratio_of_medians_covers_the_true_ratio():
    assert coverage("median", 20, 600, seed=1) == pytest.approx(MEDIAN_COVERAGE_AT_20_RUNS,
                                                                abs=0.025)


def test_bootstrap_interval_for_a_ratio_of_means_covers_without_interference():
    assert coverage("mean", 50, 600, seed=2, outlier_rate=0.0) == pytest.approx(
        0.95, abs=COVERAGE_TOLERANCE)


def test_bootstrap_interval_for_means_undercovers_with_rare_spikes_and_few_runs():
    """The limit the notebook states: with 5% interference and 20 runs, the mean's
    interval misses the truth well over 5% of the time (coverage 90.5% in 6,000
    benchmarks; at 1,000 the standard error is 0.93 points, so 93% is 2.7 away)."""
    assert coverage("mean", 20, 1000, seed=3) < 0.93


def test_bootstrap_point_and_interval_are_consistent_and_seeded():
    rng = np.random.default_rng(4)
    a, b = simulate_runs(10.0, 25, rng), simulate_runs(9.0, 25, rng)
    point, low, high = bootstrap_speedup(a, b)
    assert point == pytest.approx(np.median(a) / np.median(b))
    assert low <= point <= high
    assert bootstrap_speedup(a, b, seed=7) == bootstrap_speedup(a, b, seed=7)
    narrower = bootstrap_speedup(a, b, level=0.5)
    assert low <= narrower[1] <= narrower[2] <= high


@pytest.mark.parametrize("noise, speedup", [(0.04, 1.02), (0.10, 1.05), (0.02, 1.01), (0.05, 1.10)])
def test_runs_needed_delivers_the_power_it_promises(noise, speedup):
    """A Welch-style test on log times, with the noise estimated from each sample
    (not taken from the formula), finds the speedup in 80% of benchmarks, within
    2.5 points (about four standard errors at 4,000 benchmarks)."""
    n = runs_needed(noise, speedup)
    rng = np.random.default_rng(5)
    a = np.log(simulate_runs(10.0, (4000, n), rng, noise=noise, outlier_rate=0))
    b = np.log(simulate_runs(10.0 / speedup, (4000, n), rng, noise=noise, outlier_rate=0))
    t = (a.mean(1) - b.mean(1)) / np.sqrt((a.var(1, ddof=1) + b.var(1, ddof=1)) / n)
    critical = NormalDist().inv_cdf(0.975)
    # a few runs make t heavier-tailed than normal; only the small-n case needs the slack
    tolerance = 0.025 if n >= 10 else 0.06
    assert np.mean(np.abs(t) > critical) == pytest.approx(0.8, abs=tolerance)


def test_medians_need_pi_over_two_times_the_runs():
    """The spread of log(median ratio) across benchmarks, squared, over that of the
    mean-of-logs difference, is pi/2 (within 10%) on clean lognormal noise."""
    rng = np.random.default_rng(6)
    a = np.log(simulate_runs(10.0, (20_000, 101), rng, outlier_rate=0))
    b = np.log(simulate_runs(10.0, (20_000, 101), rng, outlier_rate=0))
    variance_ratio = np.var(np.median(a, 1) - np.median(b, 1)) / np.var(a.mean(1) - b.mean(1))
    assert variance_ratio == pytest.approx(math.pi / 2, rel=0.10)
    assert runs_needed(0.04, 1.02, estimator="median") / runs_needed(0.04, 1.02) == pytest.approx(
        math.pi / 2, rel=0.03)


def test_runs_needed_scales_with_noise_squared_and_one_over_log_speedup_squared():
    assert runs_needed(0.08, 1.02) == pytest.approx(4 * runs_needed(0.04, 1.02), abs=4)
    assert runs_needed(0.04, 1.01) == pytest.approx(4 * runs_needed(0.04, 1.02), rel=0.03)
    assert runs_needed(0.04, 1.02, power=0.9) > runs_needed(0.04, 1.02)
    assert runs_needed(0.01, 1.5) == 5 and runs_needed(0.01, 1.5, floor=1) == 1  # the floor
    with pytest.raises(ValueError, match="estimator"):
        runs_needed(0.04, 1.02, estimator="min")


def test_simulated_runs_match_the_closed_form_median_and_mean():
    rng = np.random.default_rng(7)
    clean = simulate_runs(10.0, 200_000, rng, outlier_rate=0)
    assert np.median(clean) == pytest.approx(10.0, rel=0.002)
    noisy = simulate_runs(10.0, 200_000, rng)
    assert noisy.mean() == pytest.approx(true_mean_ms(10.0), rel=0.003)
    assert np.mean(noisy > 10.0 * 1.4) == pytest.approx(0.05, abs=0.003)  # spikes are 5% of runs
    assert robust_noise(clean) == pytest.approx(0.04, rel=0.02)


def test_warmup_slows_only_the_first_runs_and_fades():
    rng = np.random.default_rng(8)
    runs = simulate_runs(10.0, (5000, 12), rng, warmup_runs=4, outlier_rate=0)
    medians = np.median(runs, axis=0)
    assert medians[0] == pytest.approx(20.0, rel=0.01)
    assert list(medians[:4]) == sorted(medians[:4], reverse=True)
    assert np.allclose(medians[4:], 10.0, rtol=0.01)


@pytest.mark.parametrize("planted", [3, 6, 10])
def test_warmup_detection_keeps_only_runs_that_warm_up_has_barely_touched(planted):
    """Warm-up fades linearly, so its last runs can sit inside the noise, where no
    detector can see them. What must hold, in at least 90% of 200 series of 60 runs:
    the detected end is at most one run past the planted end (few steady runs
    thrown away), and the first kept run is slowed by under 5 noise sds (20%)."""
    rng = np.random.default_rng(planted)
    found = np.array([warmup_end(simulate_runs(10.0, 60, rng, warmup_runs=planted))
                      for _ in range(200)])
    residual = np.clip(1 - found / planted, 0, None)  # warm-up slowdown 2: excess 1 at run 0
    assert np.mean(found <= planted + 1) >= 0.9
    assert np.mean(residual < 5 * 0.04) >= 0.9


@pytest.mark.parametrize("planted", [3, 6])
def test_warmup_detection_finds_a_clear_warmup_to_within_one_run(planted):
    rng = np.random.default_rng(20 + planted)
    found = np.array([warmup_end(simulate_runs(10.0, 60, rng, warmup_runs=planted))
                      for _ in range(200)])
    assert np.mean(np.abs(found - planted) <= 1) >= 0.9


def test_warmup_detection_drops_almost_nothing_without_warmup():
    rng = np.random.default_rng(9)
    found = np.array([warmup_end(simulate_runs(10.0, 60, rng)) for _ in range(200)])
    assert np.mean(found == 0) >= 0.85 and np.mean(found <= 1) >= 0.95


def test_warmup_detection_refuses_runs_that_never_settle():
    spikes_every_few_runs = np.tile([10.0, 10.0, 10.0, 25.0, 25.0], 6)
    with pytest.raises(ValueError, match="never settle"):
        warmup_end(spikes_every_few_runs)


def test_ablation_recovers_the_true_effects_and_their_identities():
    medians = dict(zip(CONFIGS, [10.0, 8.7, 9.1, 8.5]))
    rng = np.random.default_rng(10)
    runs = {c: simulate_runs(m, 3000, rng) for c, m in medians.items()}
    table = ablation(runs, resamples=500)
    truth = {
        "X alone": 10.0 / 8.7, "Y alone": 10.0 / 9.1, "both": 10.0 / 8.5,
        "X on top of Y": 9.1 / 8.5, "Y on top of X": 8.7 / 8.5,
        "interaction": 8.7 * 9.1 / (10.0 * 8.5),
    }
    for name, (point, low, high) in table.items():
        assert point == pytest.approx(truth[name], rel=0.01), name
        assert low <= point <= high
    # both orders of crediting multiply to the same total, and the interaction links them
    assert table["X alone"][0] * table["Y on top of X"][0] == pytest.approx(table["both"][0])
    assert table["Y alone"][0] * table["X on top of Y"][0] == pytest.approx(table["both"][0])
    assert table["X alone"][0] * table["Y alone"][0] * table["interaction"][0] == pytest.approx(
        table["both"][0])


def test_ablation_finds_no_interaction_when_changes_multiply():
    medians = dict(zip(CONFIGS, [10.0, 9.0, 8.0, 7.2]))  # 1.111 * 1.25 = 1.389 exactly
    rng = np.random.default_rng(11)
    runs = {c: simulate_runs(m, 200, rng) for c, m in medians.items()}
    point, low, high = ablation(runs)["interaction"]
    assert low <= 1.0 <= high


def test_min_of_n_drifts_when_spreads_differ_and_the_median_does_not():
    medians = [float(np.median(estimator_spread("median", n, 1000, seed=12))) for n in (10, 100)]
    minimums = [float(np.median(estimator_spread("min", n, 1000, seed=12))) for n in (10, 100)]
    assert medians == pytest.approx([1.05, 1.05], abs=0.01)
    assert 1.05 + 0.03 < minimums[0] < minimums[1]  # more runs, a bigger overstatement
    same_spread = estimator_spread("min", 100, 1000, seed=13, candidate_noise=0.04)
    assert float(np.median(same_spread)) == pytest.approx(1.05, abs=0.01)


def test_one_run_is_the_same_claim_whatever_the_statistic():
    single = [estimator_spread(s, 1, 200, seed=14) for s in ("median", "mean", "min")]
    assert np.array_equal(single[0], single[1]) and np.array_equal(single[0], single[2])
