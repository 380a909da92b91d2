"""Sample size, duration and false alarms for an A/B test (docs/rounds/experiment-design.md).

Two arms, a conversion-style metric (a proportion), a two-sided test at level
alpha, and the usual normal approximation for the difference of two proportions.
Good enough to size a test in an interview; a real analysis would also check the
variance of the metric on past data and the unit of randomisation.
"""
from __future__ import annotations

import math
from statistics import NormalDist


def sample_size_per_arm(p_control: float, p_treatment: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users needed in each arm to detect `p_control` -> `p_treatment` with this power.

    >>> sample_size_per_arm(0.10, 0.11)
    14749
    >>> sample_size_per_arm(0.10, 0.105)  # half the effect: about four times the users
    57760
    """
    if p_control == p_treatment:
        raise ValueError("no effect to detect: the two rates are equal")
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)
    z_power = NormalDist().inv_cdf(power)
    variance = p_control * (1 - p_control) + p_treatment * (1 - p_treatment)
    return math.ceil((z_alpha + z_power) ** 2 * variance / (p_treatment - p_control) ** 2)


def power_of(p_control: float, p_treatment: float, per_arm: int, alpha: float = 0.05) -> float:
    """Chance that a test with `per_arm` users in each arm detects `p_control` -> `p_treatment`:
    the formula of `sample_size_per_arm` solved for the power instead of the users
    (the far tail, a wrong-sign rejection, is left out as it is there).

    >>> round(power_of(0.10, 0.11, 14749), 3)
    0.8
    >>> round(power_of(0.10, 0.11, 14749 // 4), 2)  # a quarter of the users
    0.29
    """
    z_alpha = NormalDist().inv_cdf(1 - alpha / 2)
    variance = p_control * (1 - p_control) + p_treatment * (1 - p_treatment)
    return NormalDist().cdf(abs(p_treatment - p_control) * math.sqrt(per_arm / variance) - z_alpha)


def days_to_run(per_arm: int, arms: int, eligible_per_day: float, whole_weeks: bool = True) -> int:
    """Days of traffic to fill every arm, rounded up to whole weeks by default so
    that each weekday is counted equally often.

    >>> days_to_run(14749, 2, 20_000), days_to_run(14749, 2, 20_000, whole_weeks=False)
    (7, 2)
    """
    days = math.ceil(per_arm * arms / eligible_per_day)
    return 7 * math.ceil(days / 7) if whole_weeks else days


def chance_of_a_false_alarm(tests: int, alpha: float = 0.05) -> float:
    """Chance that at least one of `tests` independent null comparisons looks significant.

    >>> round(chance_of_a_false_alarm(20), 2)
    0.64
    """
    return 1 - (1 - alpha) ** tests


# --8<-- [start:report]
def report() -> str:
    """The page's table. The rates and the traffic are our example, not a source's.

    >>> print(report())
    10% -> 11%, alpha 5%, power 80%     14,749 users per arm
    10% -> 10.5% (half the effect)      57,760 users per arm
    days at 20,000 eligible users/day   2, run 7
    20 metrics, no correction           64% chance of a false alarm
    """
    per_arm = sample_size_per_arm(0.10, 0.11)
    rows = [
        ("10% -> 11%, alpha 5%, power 80%", f"{per_arm:,} users per arm"),
        ("10% -> 10.5% (half the effect)", f"{sample_size_per_arm(0.10, 0.105):,} users per arm"),
        ("days at 20,000 eligible users/day",
         f"{days_to_run(per_arm, 2, 20_000, whole_weeks=False)}, run {days_to_run(per_arm, 2, 20_000)}"),
        ("20 metrics, no correction", f"{chance_of_a_false_alarm(20):.0%} chance of a false alarm"),
    ]
    return "\n".join(f"{name:<35} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
