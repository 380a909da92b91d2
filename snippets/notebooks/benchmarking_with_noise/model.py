"""The model behind docs/notebooks/benchmarking-with-noise.py.

A simulated noisy benchmark and the statistics to read it: how many runs a
speedup claim needs, percentile-bootstrap confidence intervals for a ratio of
medians or means, warm-up detection, and a two-change ablation.

Conventions: run times are in ms; a *speedup* is baseline time over candidate
time, so 1.05 means the candidate is 5% faster by that measure; *noise* is the
standard deviation of the natural log of a run time (0.04 is about 4% run to
run). Every random draw comes from a seeded NumPy generator.
"""
from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np

STATISTICS = {"median": np.median, "mean": np.mean, "min": np.min}


# --8<-- [start:simulate]
def simulate_runs(median_ms: float, shape, rng: np.random.Generator, *, noise: float = 0.04,
                  outlier_rate: float = 0.05, outlier_slowdown=(1.5, 3.0),
                  warmup_runs: int = 0, warmup_slowdown: float = 2.0) -> np.ndarray:
    """Run times in ms: lognormal around `median_ms` with log-sd `noise`; each run,
    with probability `outlier_rate`, is hit by interference that makes it slower
    by a factor drawn uniformly from `outlier_slowdown`; the first `warmup_runs`
    runs (along the last axis) are slower by a factor falling linearly from
    `warmup_slowdown` towards 1 (cold caches, lazy loading, clocks ramping up).

    >>> times = simulate_runs(10.0, 8, np.random.default_rng(0), warmup_runs=3)
    >>> [f"{t:.2f}" for t in times]  # three warm-up runs; interference hits runs 3 and 5
    ['20.10', '16.58', '13.68', '21.43', '9.79', '17.11', '10.54', '10.39']
    """
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    times = median_ms * np.exp(noise * rng.standard_normal(shape))  # lognormal body
    hit = rng.random(shape) < outlier_rate
    times = times * np.where(hit, rng.uniform(*outlier_slowdown, shape), 1.0)
    if warmup_runs:
        position = np.arange(shape[-1])
        excess = (warmup_slowdown - 1) * np.clip(1 - position / warmup_runs, 0, None)
        times = times * (1 + excess)  # warm-up, along the last axis
    return times
# --8<-- [end:simulate]


def true_mean_ms(median_ms: float, noise: float = 0.04, outlier_rate: float = 0.05,
                 outlier_slowdown=(1.5, 3.0)) -> float:
    """The mean of `simulate_runs` (no warm-up) in closed form: the lognormal
    mean times the average interference factor.

    >>> round(true_mean_ms(10.0), 3)  # 1.6% above the median from noise, more from outliers
    10.634
    """
    interference = 1 + outlier_rate * (sum(outlier_slowdown) / 2 - 1)
    return median_ms * math.exp(noise ** 2 / 2) * interference


# --8<-- [start:runs-needed]
def runs_needed(noise: float, speedup: float, alpha: float = 0.05, power: float = 0.8,
                estimator: str = "mean-log", floor: int = 5) -> int:
    """Runs of each version to detect a true `speedup` with this power, in a
    two-sided test at level `alpha`, when log run times have sd `noise`.
    `mean-log` compares the means of log times (the ratio of geometric means);
    `median` compares medians, which need pi/2 times as many runs on clean
    normal noise (asymptotically, for many runs; a little fewer at 10 to 20
    runs). Never fewer than `floor`: the formula treats the noise as
    known, and a handful of runs can neither estimate it nor reveal a spike.

    >>> runs_needed(0.04, 1.02), runs_needed(0.04, 1.05), runs_needed(0.04, 1.01)
    (65, 11, 254)
    >>> runs_needed(0.04, 1.02, estimator="median")
    101
    >>> runs_needed(0.04, 1.10), runs_needed(0.04, 1.10, floor=1)
    (5, 3)
    """
    z = NormalDist().inv_cdf
    n = 2 * (z(1 - alpha / 2) + z(power)) ** 2 * noise ** 2 / math.log(speedup) ** 2
    if estimator == "median":
        n *= math.pi / 2  # the sample median's asymptotic variance ratio on normal data
    elif estimator != "mean-log":
        raise ValueError(f"unknown estimator {estimator!r}")
    return max(floor, math.ceil(n))
# --8<-- [end:runs-needed]


def robust_noise(times) -> float:
    """The log-sd of run times, estimated from the median absolute deviation of
    log times, so interference outliers barely move it.

    >>> round(robust_noise(simulate_runs(10.0, 2000, np.random.default_rng(1))), 3)  # true 0.040
    0.043
    """
    logs = np.log(np.asarray(times))
    return float(1.4826 * np.median(np.abs(logs - np.median(logs))))


# --8<-- [start:bootstrap]
def bootstrap_speedup(baseline, candidate, statistic: str = "median", resamples: int = 2000,
                      level: float = 0.95, seed: int = 0) -> tuple[float, float, float]:
    """The speedup statistic(baseline) / statistic(candidate) and its percentile-
    bootstrap confidence interval: resample each version's runs with replacement,
    independently, `resamples` times, and take the middle `level` of the ratios.

    >>> rng = np.random.default_rng(2)
    >>> a, b = simulate_runs(10.0, 40, rng), simulate_runs(9.5, 40, rng)
    >>> [round(x, 3) for x in bootstrap_speedup(a, b)]
    [1.063, 1.039, 1.083]
    >>> [round(x, 3) for x in bootstrap_speedup(a, b, "mean")]
    [1.054, 0.943, 1.182]
    """
    stat = STATISTICS[statistic]
    a, b = np.asarray(baseline, float), np.asarray(candidate, float)
    rng = np.random.default_rng(seed)
    rows_a = a[rng.integers(0, a.size, (resamples, a.size))]  # one resample per row
    rows_b = b[rng.integers(0, b.size, (resamples, b.size))]
    ratios = stat(rows_a, axis=1) / stat(rows_b, axis=1)
    tail = 100 * (1 - level) / 2
    low, high = np.percentile(ratios, [tail, 100 - tail])
    return float(stat(a) / stat(b)), float(low), float(high)
# --8<-- [end:bootstrap]


# --8<-- [start:warmup]
def warmup_end(times, window: int = 5, spreads: float = 3.0) -> int:
    """The index of the first steady run: the first run that is not slow and
    such that at most one of the `window` runs starting there is slow. A run is slow if
    it is more than `spreads` robust sds above the median of the second half
    (taken as steady). Returns 0 when there is no warm-up to discard.

    >>> warmup_end(simulate_runs(10.0, 60, np.random.default_rng(3), warmup_runs=6))
    6
    >>> warmup_end(simulate_runs(10.0, 60, np.random.default_rng(3)))
    0
    """
    logs = np.log(np.asarray(times, float))
    steady = logs[logs.size // 2:]
    centre = np.median(steady)
    spread = 1.4826 * np.median(np.abs(steady - centre))
    slow = logs > centre + spreads * spread
    for start in range(logs.size - window + 1):
        if not slow[start] and slow[start:start + window].sum() <= 1:  # one outlier is allowed
            return start
    raise ValueError("no steady stretch found: the runs never settle")
# --8<-- [end:warmup]


# --8<-- [start:ablation]
CONFIGS = ("baseline", "X", "Y", "X+Y")


def ablation(runs: dict, resamples: int = 2000, level: float = 0.95, seed: int = 0) -> dict:
    """Speedups (ratio of medians, with percentile-bootstrap intervals) from a
    2x2 ablation of two changes X and Y: each alone, both, what each adds on top
    of the other, and the interaction (both / (X alone * Y alone); 1 when the
    changes combine multiplicatively, below 1 when they overlap).

    >>> rng = np.random.default_rng(4)
    >>> runs = {c: simulate_runs(m, 30, rng) for c, m in zip(CONFIGS, [10, 8.7, 9.1, 8.5])}
    >>> table = ablation(runs)
    >>> [f"{k}: {v[0]:.3f}" for k, v in table.items()]
    ['X alone: 1.147', 'Y alone: 1.090', 'both: 1.157', 'X on top of Y: 1.062', 'Y on top of X: 1.009', 'interaction: 0.925']
    """
    rng = np.random.default_rng(seed)
    point, boot = {}, {}
    for config in CONFIGS:
        times = np.asarray(runs[config], float)
        point[config] = np.median(times)
        boot[config] = np.median(times[rng.integers(0, times.size, (resamples, times.size))], axis=1)

    def effects(m):
        return {
            "X alone": m["baseline"] / m["X"],
            "Y alone": m["baseline"] / m["Y"],
            "both": m["baseline"] / m["X+Y"],
            "X on top of Y": m["Y"] / m["X+Y"],
            "Y on top of X": m["X"] / m["X+Y"],
            "interaction": m["X"] * m["Y"] / (m["baseline"] * m["X+Y"]),
        }

    tail = 100 * (1 - level) / 2
    sampled = effects(boot)
    return {name: (float(value), *map(float, np.percentile(sampled[name], [tail, 100 - tail])))
            for name, value in effects(point).items()}
# --8<-- [end:ablation]


def estimator_spread(estimate: str, runs: int, experiments: int, seed: int, *,
                     baseline_ms: float = 10.0, candidate_ms: float = 9.5,
                     baseline_noise: float = 0.04, candidate_noise: float = 0.08,
                     warmup_runs: int = 0) -> np.ndarray:
    """The speedup a team would report from `runs` runs of each version, in each
    of `experiments` simulated benchmarks, using one statistic (`median`, `mean`
    or `min`) of each version's runs; `runs=1` is the single-run claim. By
    default the candidate is 5% faster in median but twice as noisy.

    >>> s = estimator_spread("min", 100, 1000, seed=5)
    >>> round(float(np.median(s)), 2)  # min-of-100 claims far more than the 1.05 true median speedup
    1.16
    """
    rng = np.random.default_rng(seed)
    a = simulate_runs(baseline_ms, (experiments, runs), rng, noise=baseline_noise,
                      warmup_runs=warmup_runs)
    b = simulate_runs(candidate_ms, (experiments, runs), rng, noise=candidate_noise,
                      warmup_runs=warmup_runs)
    stat = STATISTICS[estimate]
    return stat(a, axis=1) / stat(b, axis=1)
