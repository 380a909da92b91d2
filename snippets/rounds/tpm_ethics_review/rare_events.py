"""How much evidence a rare behaviour needs (docs/rounds/tpm-ethics-review.md).

The ethics review's reported scenario is a model that passes every metric but
behaves oddly in edge cases nobody can reproduce. These are the sums behind a
process answer: how likely an evaluation of a given size was to catch the
behaviour at all, how many samples it takes to see it, what a clean run does and
does not rule out, and how often it happens in production. Each sample is
assumed independent, with the same chance of showing the behaviour; the rates
(1 in 10,000 overall, 1 in 100 on a narrowed prompt set) are our examples.
"""
from __future__ import annotations

import math


def chance_to_see(rate: float, samples: int) -> float:
    """Probability that `samples` independent tries show a behaviour of `rate` at least once.

    >>> round(chance_to_see(1e-4, 1_000), 3)
    0.095
    """
    return 1 - (1 - rate) ** samples


def samples_to_see(rate: float, confidence: float = 0.95) -> int:
    """The fewest tries that show the behaviour at least once with `confidence`.

    >>> samples_to_see(1e-4), samples_to_see(1e-2)
    (29956, 299)
    """
    return math.ceil(math.log(1 - confidence) / math.log(1 - rate))


def upper_bound_after_zero(samples: int, confidence: float = 0.95) -> float:
    """After `samples` clean tries, the highest rate still consistent at `confidence`.

    Close to 3 / samples (the "rule of three") once samples is large.

    >>> round(upper_bound_after_zero(1_000), 4)
    0.003
    """
    return 1 - (1 - confidence) ** (1 / samples)


def per_day(rate: float, events_per_day: float) -> float:
    """Expected occurrences a day.

    >>> per_day(1e-4, 1e6)
    100.0
    """
    return rate * events_per_day


# --8<-- [start:report]
def report(rate: float = 1e-4, eval_size: int = 1_000, narrowed_rate: float = 1e-2) -> str:
    """The page's table: a 1-in-10,000 behaviour against a 1,000-prompt evaluation.

    >>> print(report())
    a 1,000-prompt eval sees it              9.5% of the time
    prompts to see it once (95%)             29,956
    the same on a set where it shows 1%      299
    1,000 clean prompts rule out (95%)       rates above 0.30%
    at 1 million conversations a day         100 a day
    """
    rows = [
        (f"a {eval_size:,}-prompt eval sees it", f"{chance_to_see(rate, eval_size):.1%} of the time"),
        ("prompts to see it once (95%)", f"{samples_to_see(rate):,}"),
        (f"the same on a set where it shows {narrowed_rate:.0%}", f"{samples_to_see(narrowed_rate):,}"),
        (f"{eval_size:,} clean prompts rule out (95%)", f"rates above {upper_bound_after_zero(eval_size):.2%}"),
        ("at 1 million conversations a day", f"{per_day(rate, 1e6):,.0f} a day"),
    ]
    return "\n".join(f"{name:<40} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
