"""What a vague audit prompt costs once it has numbers (docs/rounds/tpm-system-design.md).

The TPM design guide's example prompt audits a model's outputs for 100 enterprise
customers in real time with under 100 ms added. Everything else here is our
assumption, chosen to be round and stated on the page: 100,000 outputs a day per
customer, 0.1% of outputs breaking a policy, a check that catches 95% of those
and wrongly flags 1% of the rest, 30 s for a person to review a flag, 4 KB for a
stored output and 200 B for its metadata. Decimal units: 1 TB = 1e12 bytes.
The point is the shape: when violations are rare, most flags are false alarms,
and the false-alarm rate, not the traffic, sizes the review team.
"""
from __future__ import annotations

import math

SECONDS_PER_DAY = 24 * 60 * 60


def per_second(per_day: float) -> float:
    """The average rate of something that happens `per_day` times a day.

    >>> round(per_second(10e6))
    116
    """
    return per_day / SECONDS_PER_DAY


def flags_per_day(outputs: float, prevalence: float, recall: float, false_alarm_rate: float) -> tuple[float, float]:
    """(real, false) flags a day from a check with the given recall and false-alarm rate.

    >>> flags_per_day(10e6, 0.001, 0.95, 0.01)
    (9500.0, 99900.0)
    """
    bad = outputs * prevalence
    return bad * recall, (outputs - bad) * false_alarm_rate


def precision(prevalence: float, recall: float, false_alarm_rate: float) -> float:
    """The share of flags that are real violations (Bayes' rule on the base rate).

    >>> round(precision(0.001, 0.95, 0.01), 3)
    0.087
    """
    real, false = flags_per_day(1.0, prevalence, recall, false_alarm_rate)
    return real / (real + false)


def reviewers(flags: float, seconds_each: float, shift_hours: float = 8) -> int:
    """Eight-hour reviewer shifts needed each day to review `flags` flags a day.

    Shifts, not people: covering every day of the week with people who work five
    days takes about 7/5 as many people.

    >>> reviewers(109_400, 30)
    114
    """
    return math.ceil(flags * seconds_each / (shift_hours * 3600))


def added_ms(check_ms: list[float], parallel: bool) -> float:
    """Latency the checks add to a response: their sum in series, the slowest in parallel.

    Typical (median) latencies; the tail of a parallel fan-out is worse than its
    slowest median, which is why the page keeps a margin under the budget.

    >>> added_ms([30, 45, 40], parallel=False), added_ms([30, 45, 40], parallel=True)
    (115, 45)
    """
    return max(check_ms) if parallel else sum(check_ms)


def terabytes_a_year(items_per_day: float, bytes_each: float) -> float:
    """Storage for a year of items kept once.

    >>> round(terabytes_a_year(10e6, 4e3), 2)
    14.6
    """
    return items_per_day * bytes_each * 365 / 1e12


# --8<-- [start:report]
def report(outputs: float = 10e6, prevalence: float = 0.001, recall: float = 0.95,
           false_alarm_rate: float = 0.01) -> str:
    """The page's table, under the assumptions in the module docstring.

    >>> print(report())
    10 million outputs a day                 116 per second
    flags a day (0.1% bad, 95% caught)       109,400
    share of flags that are real             8.7%
    the same with 0.1% false alarms          48.7%
    8 h reviewer shifts a day, 30 s a flag  114
    checks of 30, 45, 40 ms: in series       115 ms
    the same checks in parallel              45 ms
    a year of outputs at 4 KB each           14.6 TB
    a year of metadata at 200 B each         0.73 TB
    """
    real, false = flags_per_day(outputs, prevalence, recall, false_alarm_rate)
    checks = [30, 45, 40]
    rows = [
        (f"{outputs / 1e6:g} million outputs a day", f"{per_second(outputs):,.0f} per second"),
        (f"flags a day ({prevalence:.1%} bad, {recall:.0%} caught)", f"{real + false:,.0f}"),
        ("share of flags that are real", f"{precision(prevalence, recall, false_alarm_rate):.1%}"),
        (f"the same with {false_alarm_rate / 10:.1%} false alarms",
         f"{precision(prevalence, recall, false_alarm_rate / 10):.1%}"),
        ("8 h reviewer shifts a day, 30 s a flag", f"{reviewers(real + false, 30)}"),
        ("checks of 30, 45, 40 ms: in series", f"{added_ms(checks, parallel=False):g} ms"),
        ("the same checks in parallel", f"{added_ms(checks, parallel=True):g} ms"),
        ("a year of outputs at 4 KB each", f"{terabytes_a_year(outputs, 4e3):.1f} TB"),
        ("a year of metadata at 200 B each", f"{terabytes_a_year(outputs, 200):.2f} TB"),
    ]
    return "\n".join(f"{name:<40} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
