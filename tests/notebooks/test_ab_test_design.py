"""Tests for snippets/notebooks/ab_test_design/ (notebook: docs/notebooks/ab-test-design.py).

The closed forms (power.py's sample size and power, run forwards and backwards)
are checked against seeded simulations of experiments and against the pooled
textbook formula written here; the peeking simulation against a plain Gaussian
random walk, which shares no code with it, and against a published table.
Tolerances are about four Monte Carlo standard errors, so a seed change does not
break them but a wrong formula does.
"""
import math
from statistics import NormalDist

import jupytext
import matplotlib
import numpy as np
import pytest

from hooks.lib.pages import read_page

from hooks.lib.definitions import ROOT
from snippets.notebooks.ab_test_design.model import (
    cuped, false_positive_rate, guardrail_users_per_arm, minimum_detectable_rate, null_z_paths,
    sample_ratio_p_value, simulated_power, users_with_cuped, z_critical, z_statistics)
from snippets.rounds.experiment_design.power import power_of, sample_size_per_arm

RUNS = 10_000
MC_TOLERANCE = 0.02  # about four standard errors of a rate near 0.5 at 10,000 runs
ALPHA_TOLERANCE = 0.01  # about four standard errors of a rate near 0.05 at 10,000 runs


@pytest.mark.parametrize("p_control, p_treatment", [(0.10, 0.11), (0.30, 0.33), (0.02, 0.025)])
@pytest.mark.parametrize("fraction", [0.25, 0.5, 1.0, 1.5])
def test_closed_form_power_matches_simulated_experiments(p_control, p_treatment, fraction):
    n = round(sample_size_per_arm(p_control, p_treatment) * fraction)
    simulated = simulated_power(p_control, p_treatment, n, runs=RUNS, seed=11)
    assert simulated == pytest.approx(power_of(p_control, p_treatment, n), abs=MC_TOLERANCE)


def fleiss_users_per_arm(p_a, p_b, alpha=0.05, power=0.8):
    """The textbook two-proportion formula (Fleiss), written here from scratch: the
    pooled variance under the null, the unpooled one under the alternative."""
    z_a, z_b = NormalDist().inv_cdf(1 - alpha / 2), NormalDist().inv_cdf(power)
    pooled = (p_a + p_b) / 2
    root = z_a * (2 * pooled * (1 - pooled)) ** 0.5 + z_b * (p_a * (1 - p_a) + p_b * (1 - p_b)) ** 0.5
    return root ** 2 / (p_b - p_a) ** 2


@pytest.mark.parametrize("p_control, p_treatment", [(0.10, 0.11), (0.10, 0.105), (0.30, 0.33), (0.02, 0.025),
                                                    (0.50, 0.52), (0.005, 0.0055)])
def test_the_sample_size_agrees_with_the_pooled_textbook_formula(p_control, p_treatment):
    """power.py uses the unpooled variance in both places; the pooled null variance is
    larger by exactly delta**2 / 2, so the textbook answer is a little higher, by well
    under 1% when the effect is small next to the rate."""
    ours, textbook = sample_size_per_arm(p_control, p_treatment), fleiss_users_per_arm(p_control, p_treatment)
    assert ours <= textbook + 1 and ours == pytest.approx(textbook, rel=0.005)


@pytest.mark.parametrize("power", [0.5, 0.8, 0.9, 0.95])
def test_power_of_inverts_the_sample_size(power):
    n = sample_size_per_arm(0.10, 0.11, power=power)
    assert power_of(0.10, 0.11, n) >= power > power_of(0.10, 0.11, n - 1)


def test_power_grows_with_users_and_is_symmetric_in_the_direction_of_the_effect():
    powers = [power_of(0.10, 0.11, n) for n in (1_000, 5_000, 15_000, 50_000)]
    assert powers == sorted(powers) and powers[-1] > 0.99
    assert power_of(0.10, 0.11, 5_000) == pytest.approx(power_of(0.11, 0.10, 5_000))


@pytest.mark.parametrize("per_arm", [2_000, 14_749, 140_000])
def test_the_minimum_detectable_rate_is_the_sample_size_run_backwards(per_arm):
    mde = minimum_detectable_rate(0.10, per_arm)
    assert sample_size_per_arm(0.10, mde) <= per_arm < sample_size_per_arm(0.10, mde - 1e-5)
    assert power_of(0.10, mde, per_arm) == pytest.approx(0.8, abs=0.001)


def test_four_times_the_users_detect_about_half_the_effect():
    ratio = (minimum_detectable_rate(0.10, 4 * 14_749) - 0.10) / (minimum_detectable_rate(0.10, 14_749) - 0.10)
    assert 0.45 < ratio < 0.55


def test_the_guardrail_sample_gives_its_power_with_a_one_sided_test():
    n = guardrail_users_per_arm(0.005, 0.10)
    rng = np.random.default_rng(12)
    a = rng.binomial(n, 0.005, RUNS)
    b = rng.binomial(n, 0.0055, RUNS)
    caught = float(np.mean(z_statistics(a, b, n) > NormalDist().inv_cdf(0.95)))
    assert caught == pytest.approx(0.8, abs=MC_TOLERANCE)
    assert n < sample_size_per_arm(0.005, 0.0055)  # one-sided needs fewer than two-sided


def test_a_rare_guardrail_needs_more_users_than_the_primary_metric():
    assert guardrail_users_per_arm(0.005, 0.10) > 10 * sample_size_per_arm(0.10, 0.11)


@pytest.fixture(scope="module")
def null_paths():
    return null_z_paths(0.10, 14_749, steps=100, runs=RUNS, seed=13)


def test_a_fixed_horizon_test_keeps_its_false_positive_rate_at_alpha(null_paths):
    assert false_positive_rate(null_paths, 1) == pytest.approx(0.05, abs=ALPHA_TOLERANCE)
    assert simulated_power(0.10, 0.10, 14_749, runs=RUNS, seed=14) == pytest.approx(0.05, abs=ALPHA_TOLERANCE)
    assert simulated_power(0.10, 0.10, 14_749, runs=RUNS, seed=15, alpha=0.01) == pytest.approx(
        0.01, abs=ALPHA_TOLERANCE / 2)


def test_peeking_inflates_false_positives_and_more_looks_inflate_them_more(null_paths):
    nested = [1, 2, 10, 50, 100]  # each set of looks contains the previous one
    rates = [false_positive_rate(null_paths, k) for k in nested]
    assert rates == sorted(rates)
    assert rates[2] > 0.05 + 0.1  # ten looks: far above alpha
    assert rates[-1] > 0.05 + 0.25


def test_peeking_matches_a_gaussian_random_walk(null_paths):
    """Under the null the z path is close to a scaled random walk, whatever the
    conversion rate; this reference shares no code with the model."""
    rng = np.random.default_rng(16)
    walk = rng.standard_normal((RUNS, 100)).cumsum(axis=1) / np.sqrt(np.arange(1, 101))
    for looks in (5, 20, 100):
        watched = walk[:, 100 // looks - 1::100 // looks]
        reference = float(np.mean((np.abs(watched) > z_critical()).any(axis=1)))
        assert false_positive_rate(null_paths, looks) == pytest.approx(reference, abs=MC_TOLERANCE)


# Armitage, McPherson and Rowe (1969), "Repeated significance tests on accumulating
# data", J. R. Stat. Soc. A 132: the overall false-positive rate of a 5% two-sided test
# repeated at this many equally spaced looks, normal data. A published table, so the
# simulation is checked against numbers it did not produce.
ARMITAGE_1969 = {2: 0.083, 5: 0.142, 10: 0.193, 20: 0.248, 50: 0.320, 100: 0.374}


@pytest.mark.parametrize("looks", sorted(ARMITAGE_1969))
def test_peeking_matches_the_published_table_of_repeated_tests(null_paths, looks):
    assert false_positive_rate(null_paths, looks) == pytest.approx(ARMITAGE_1969[looks], abs=MC_TOLERANCE)


@pytest.mark.parametrize("looks", [2, 10, 100])
def test_the_bonferroni_split_matches_a_gaussian_random_walk(null_paths, looks):
    """The split is conservative, so `<= alpha` alone would pass a split that is too
    strict; the reference walk pins the rate itself."""
    rng = np.random.default_rng(17)
    walk = rng.standard_normal((RUNS, 100)).cumsum(axis=1) / np.sqrt(np.arange(1, 101))
    watched = walk[:, 100 // looks - 1::100 // looks]
    reference = float(np.mean((np.abs(watched) > z_critical(0.05 / looks)).any(axis=1)))
    assert false_positive_rate(null_paths, looks, bonferroni=True) == pytest.approx(reference, abs=ALPHA_TOLERANCE)


@pytest.mark.parametrize("looks", [1, 2, 5, 10, 20, 50, 100])
def test_a_bonferroni_split_of_alpha_keeps_peeking_at_or_below_alpha(null_paths, looks):
    assert false_positive_rate(null_paths, looks, bonferroni=True) <= 0.05 + ALPHA_TOLERANCE


@pytest.mark.parametrize("looks", [0, 3, 101])
def test_looks_must_divide_the_simulated_steps(null_paths, looks):
    with pytest.raises(ValueError, match="divide"):
        false_positive_rate(null_paths, looks)


def test_each_path_ends_at_the_planned_sample_and_batches_add_up():
    paths = null_z_paths(0.10, 1_001, steps=7, runs=5, seed=0)
    final = null_z_paths(0.10, 1_001, steps=1, runs=5, seed=0)
    assert paths.shape == (5, 7) and final.shape == (5, 1)
    assert np.isfinite(paths).all()


def test_cuped_keeps_the_effect_cuts_the_variance_and_buys_back_the_power():
    """A metric with unit variance per user, correlation 0.6 with its pre-experiment
    value, effect 0.1: 1,570 users per arm give 80% power unadjusted, and CUPED should
    give the same power with users_with_cuped(1570, 0.6) of them."""
    rho, effect, runs = 0.6, 0.1, 2_000
    z_sum = NormalDist().inv_cdf(0.975) + NormalDist().inv_cdf(0.8)
    n = users_with_cuped(math.ceil(z_sum ** 2 * 2 / effect ** 2), rho)
    rng = np.random.default_rng(18)
    before = rng.standard_normal((runs, 2 * n))
    metric = rho * before + np.sqrt(1 - rho ** 2) * rng.standard_normal((runs, 2 * n))
    metric[:, n:] += effect  # the second half of each row is the treatment arm
    raw, adjusted, z = [], [], []
    for y, x in zip(metric, before):
        both = cuped(y, x)
        a, b = both[:n], both[n:]
        raw.append(y[n:].mean() - y[:n].mean())
        adjusted.append(b.mean() - a.mean())
        z.append(adjusted[-1] / np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / n))
    spread = np.sqrt(2 * (1 - rho ** 2) / n)  # the adjusted difference's standard deviation
    assert np.mean(adjusted) == pytest.approx(effect, abs=4 * spread / np.sqrt(runs))
    assert np.var(adjusted) / np.var(raw) == pytest.approx(1 - rho ** 2, abs=0.08)
    assert np.mean(np.abs(z) > z_critical()) == pytest.approx(0.8, abs=0.036)  # 4 errors at 2,000 runs


def test_the_sample_ratio_check_is_a_chi_square_test_that_rejects_alpha_of_fair_splits():
    for a, b, share in [(70_700, 69_300, 0.5), (30_000, 70_400, 0.3), (5, 5, 0.5)]:
        expected = (share * (a + b), (1 - share) * (a + b))
        chi_square = sum((o - e) ** 2 / e for o, e in zip((a, b), expected))
        assert sample_ratio_p_value(a, b, share) == pytest.approx(math.erfc(math.sqrt(chi_square / 2)))
    rng = np.random.default_rng(19)
    fair = rng.binomial(140_000, 0.5, RUNS)
    p_values = [sample_ratio_p_value(int(k), 140_000 - int(k)) for k in fair]
    assert np.mean(np.array(p_values) < 0.05) == pytest.approx(0.05, abs=ALPHA_TOLERANCE)
    assert sample_ratio_p_value(70_700, 69_300) < 0.001  # a 50.5% / 49.5% split


NOTEBOOK = ROOT / "docs/notebooks/ab-test-design.py"


@pytest.fixture(scope="module")
def notebook():
    """The notebook run top to bottom (plots drawn, not shown): its variables, its
    figures, its front matter and its prose."""
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.close("all")
    namespace: dict = {"__name__": "__main__"}
    for cell in jupytext.read(NOTEBOOK).cells:
        if cell.cell_type == "code":
            exec(compile(cell.source, NOTEBOOK.name, "exec"), namespace)
    figures = [plt.figure(n) for n in plt.get_fignums()]
    meta, prose = read_page(NOTEBOOK)
    yield namespace, figures, meta, prose
    plt.close("all")


def percent(rate):
    return f"{100 * rate:.0f}%"


def test_the_peeking_figures_typed_on_the_page_are_the_ones_the_simulation_gives(notebook):
    """The alt text and the prose type the seeded simulation's results; a new seed or
    a changed simulation that moves them fails here, not silently on the page."""
    ns, _, meta, prose = notebook
    peeking, split, looks = ns["peeking"], ns["split"], ns["looks"]
    alt = meta["plot_alt"][1]
    for words in (f"{percent(peeking[0])} at one look", f"{percent(peeking[looks.index(14)])} at 14",
                  f"{percent(peeking[-1])} at 140", f"falls from {percent(split[0])} to under 1%"):
        assert words in alt
    assert split[-1] < 0.01 and "at 140 looks it holds the rate under 1%" in " ".join(prose.split())
    assert round(peeking[looks.index(14)] / 0.05) == 4 and "about four-fold" in prose


def test_the_power_plot_is_what_its_alt_text_says(notebook):
    """Dots within four Monte Carlo standard errors (2,000 runs) of their curves, and
    the 80% crossings the alt text gives, to two significant figures."""
    ns, figures, meta, _ = notebook
    lines = figures[0].axes[0].lines
    dots = [line for line in lines if line.get_linestyle() == "None"]
    assert len(dots) == 3
    for line, p in zip(dots, ns["treatments"]):
        for n, power in zip(line.get_xdata(), line.get_ydata()):
            assert power / 100 == pytest.approx(power_of(0.10, p, n), abs=0.045)
    crossings = [sample_size_per_arm(0.10, p) for p in sorted(ns["treatments"], reverse=True)]
    typed = ", ".join(f"{round(n, 2 - len(str(n))):,}" for n in crossings[:2]) + f" and {round(crossings[2], -3):,}"
    assert f"80% line at about {typed}." in meta["plot_alt"][0]
