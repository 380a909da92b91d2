"""Estimates for docs/$section/$slug.md: every number the page shows is computed here.

# write: replace the example below with the prompt's real assumptions and formulas;
# keep one named section per block the page includes, and a doctest for each number.

>>> print(report())
requests per second   1,000
"""
from __future__ import annotations

from dataclasses import dataclass


# --8<-- [start:assumptions]
@dataclass(frozen=True)
class Assumptions:
    requests_per_day: float = 86.4e6


ASSUMED = Assumptions()
# --8<-- [end:assumptions]


# --8<-- [start:report]
def report(a: Assumptions = ASSUMED) -> str:
    per_second = a.requests_per_day / 86_400
    return f"{'requests per second':<22}{per_second:,.0f}"
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
