"""The simulations behind docs/notebooks/ab-test-design.py.

The sample-size and power formulas are not repeated here: they live in
snippets/rounds/experiment_design/power.py (the round page's snippet) and are
imported. This module adds what the notebook needs on top of them: the smallest
effect a given sample can detect, the sample a one-sided guardrail needs,
seeded simulations of two-arm experiments, with and without peeking, and two
answers to follow-ups: CUPED's variance reduction and the sample-ratio check.

Every simulated experiment is a two-arm test of a conversion rate, analysed with
the pooled two-proportion z-test, two-sided at level alpha.
"""
from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

from snippets.rounds.experiment_design.power import sample_size_per_arm


def z_critical(alpha: float = 0.05) -> float:
    """The two-sided critical value of the standard normal.

    >>> round(z_critical(0.05), 3), round(z_critical(0.05 / 20), 3)
    (1.96, 3.023)
    """
    return NormalDist().inv_cdf(1 - alpha / 2)


# --8<-- [start:mde]
def minimum_detectable_rate(p_control: float, per_arm: int, alpha: float = 0.05,
                            power: float = 0.8) -> float:
    """The smallest treatment rate above `p_control` that `per_arm` users per arm
    detect with this power: the sample-size formula run backwards, by bisection.

    >>> round(minimum_detectable_rate(0.10, 14749), 4)  # the round page's example
    0.11
    >>> round(minimum_detectable_rate(0.10, 140_000), 4)  # two weeks at 20,000 users/day
    0.1032
    """
    low, high = p_control, 1.0
    while high - low > 1e-12:  # keeps sample_size_per_arm(high) <= per_arm
        middle = (low + high) / 2
        if sample_size_per_arm(p_control, middle, alpha, power) > per_arm:
            low = middle
        else:
            high = middle
    return high
# --8<-- [end:mde]


# --8<-- [start:guardrail]
def guardrail_users_per_arm(p_control: float, relative_harm: float, alpha: float = 0.05,
                            power: float = 0.8) -> int:
    """Users per arm to catch a guardrail rate getting worse by `relative_harm`
    (0.10 = 10% worse), with a one-sided test at level `alpha`: the two-sided
    formula at 2 * alpha has the same critical value.

    >>> guardrail_users_per_arm(0.005, 0.10)  # errors 0.5% -> 0.55%
    258302
    """
    return sample_size_per_arm(p_control, p_control * (1 + relative_harm), 2 * alpha, power)
# --8<-- [end:guardrail]


def z_statistics(conversions_a, conversions_b, users_per_arm):
    """Pooled two-proportion z for arrays of conversion counts (B minus A).

    >>> float(z_statistics(np.array([100]), np.array([130]), np.array([1000]))[0].round(2))
    2.1
    >>> float(z_statistics(np.array([0]), np.array([0]), np.array([50]))[0])  # no events: no evidence
    0.0
    """
    rate_a, rate_b = conversions_a / users_per_arm, conversions_b / users_per_arm
    pooled = (rate_a + rate_b) / 2
    se = np.sqrt(2 * pooled * (1 - pooled) / users_per_arm)
    return np.divide(rate_b - rate_a, se, out=np.zeros(np.broadcast(rate_a, se).shape), where=se > 0)


# --8<-- [start:fixed]
def simulated_power(p_control: float, p_treatment: float, per_arm: int, runs: int,
                    seed: int, alpha: float = 0.05) -> float:
    """Share of `runs` simulated fixed-horizon experiments whose z-test rejects:
    the power if the rates differ, the false-positive rate if they are equal.

    >>> simulated_power(0.10, 0.11, 14749, runs=10_000, seed=1)
    0.8055
    """
    rng = np.random.default_rng(seed)
    a = rng.binomial(per_arm, p_control, runs)
    b = rng.binomial(per_arm, p_treatment, runs)
    return float(np.mean(np.abs(z_statistics(a, b, per_arm)) > z_critical(alpha)))
# --8<-- [end:fixed]


# --8<-- [start:peeking]
def null_z_paths(p: float, per_arm: int, steps: int, runs: int, seed: int) -> np.ndarray:
    """`runs` A/A experiments (both arms convert at `p`), each watched at `steps`
    evenly spaced moments up to `per_arm` users per arm: one row of z per run.

    >>> null_z_paths(0.10, 14749, steps=100, runs=3, seed=0).shape
    (3, 100)
    """
    rng = np.random.default_rng(seed)
    users = np.round(per_arm * np.arange(1, steps + 1) / steps).astype(np.int64)
    batches = np.diff(users, prepend=0)
    a = rng.binomial(batches, p, size=(runs, steps)).cumsum(axis=1)
    b = rng.binomial(batches, p, size=(runs, steps)).cumsum(axis=1)
    return z_statistics(a, b, users)


def false_positive_rate(z_paths: np.ndarray, looks: int, alpha: float = 0.05,
                        bonferroni: bool = False) -> float:
    """Share of null runs declared significant when the analyst looks `looks`
    times, evenly spaced, and stops at the first |z| over the critical value.
    `looks=1` is the fixed-horizon test: one look, at the planned end.
    `bonferroni` tests each look at alpha / looks instead.

    >>> paths = null_z_paths(0.10, 14749, steps=100, runs=10_000, seed=2)
    >>> [false_positive_rate(paths, k) for k in (1, 10, 100)]
    [0.0499, 0.1899, 0.3657]
    >>> false_positive_rate(paths, 10, bonferroni=True)
    0.0231
    """
    steps = z_paths.shape[1]
    if not 1 <= looks <= steps or steps % looks:
        raise ValueError(f"looks must divide the {steps} steps simulated")
    watched = z_paths[:, steps // looks - 1::steps // looks]
    critical = z_critical(alpha / looks if bonferroni else alpha)
    return float(np.mean((np.abs(watched) > critical).any(axis=1)))
# --8<-- [end:peeking]


# --8<-- [start:followups]
def cuped(metric: np.ndarray, before: np.ndarray) -> np.ndarray:
    """CUPED: each user's metric minus the part their pre-experiment value predicts,
    `metric - theta * (before - mean(before))`, with theta the regression slope
    fitted on all users of both arms. `before` cannot depend on the arm, so the
    expected difference between arms is unchanged; the variance is multiplied by
    1 - rho**2, rho the correlation of `metric` with `before`.

    >>> adjusted = cuped(np.array([3.0, 5.0, 4.0, 8.0]), np.array([1.0, 3.0, 2.0, 4.0]))
    >>> adjusted.round(2).tolist(), round(float(adjusted.mean()), 2)  # theta = 1.6, same mean
    ([5.4, 4.2, 4.8, 5.6], 5.0)
    """
    theta = np.cov(before, metric)[0, 1] / np.var(before, ddof=1)
    return metric - theta * (before - before.mean())


def users_with_cuped(per_arm: int, correlation: float) -> int:
    """Users per arm once CUPED removes the variance a pre-experiment covariate with
    this correlation explains.

    >>> users_with_cuped(14749, 0.5)  # a quarter fewer
    11062
    """
    return math.ceil(per_arm * (1 - correlation ** 2))


def sample_ratio_p_value(users_a: int, users_b: int, share_a: float = 0.5) -> float:
    """Two-sided p-value of these arm sizes if assignment really gave arm A this share
    (normal approximation to the binomial, the same test as a chi-square with one
    degree of freedom). A small value means a bug in assignment or logging.

    >>> sample_ratio_p_value(70_000, 70_000)
    1.0
    >>> f"{sample_ratio_p_value(70_700, 69_300):.5f}"  # 50.5% / 49.5% of 140,000
    '0.00018'
    """
    total = users_a + users_b
    z = (users_a - share_a * total) / math.sqrt(total * share_a * (1 - share_a))
    return 2 * (1 - NormalDist().cdf(abs(z)))
# --8<-- [end:followups]
