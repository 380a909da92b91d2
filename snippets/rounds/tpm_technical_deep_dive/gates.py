"""What a gate costs and what it proves (docs/rounds/tpm-technical-deep-dive.md).

The TPM deep dive is reported to ask you to defend each gate of a model
deployment pipeline, for example why human review comes after automated
filtering. The sums here make that defence concrete. Our example: a release
evaluation yields 50,000 model transcripts; an automated filter flags 4% of them;
a person needs 2 minutes per transcript; a 1% random sample of what the filter
passed is audited by people; five gates each wrongly block 2% of good releases.
"""
from __future__ import annotations

import math


def review_hours(items: float, minutes_each: float) -> float:
    """Person-hours to review `items` at `minutes_each`.

    >>> round(review_hours(50_000, 2))
    1667
    """
    return items * minutes_each / 60


def filter_first(items: int, flagged_share: float, audit_share: float) -> tuple[int, int]:
    """(flagged, audited) counts when people review what the filter flags, plus a
    random sample of what it passed, so that the filter's misses can be measured.

    >>> filter_first(50_000, 0.04, 0.01)
    (2000, 480)
    """
    flagged = round(items * flagged_share)
    return flagged, round((items - flagged) * audit_share)


def miss_rate_bound(audited: int, confidence: float = 0.95) -> float:
    """The highest share of bad items among the filter's passes still consistent, at
    `confidence`, with an audit of `audited` passes that finds none.

    A bound on how much bad material gets through, per item passed; not the share of
    bad items the filter misses, which also depends on how many bad items there are.

    >>> round(miss_rate_bound(480), 4)
    0.0062
    """
    return 1 - (1 - confidence) ** (1 / audited)


def good_release_passes(false_block_rates: list[float]) -> float:
    """Chance that a good release clears every gate, each wrongly blocking at its rate.

    >>> round(good_release_passes([0.02] * 5), 3)
    0.904
    """
    return math.prod(1 - rate for rate in false_block_rates)


# --8<-- [start:report]
def report(items: int = 50_000, minutes_each: float = 2, flagged_share: float = 0.04,
           audit_share: float = 0.01) -> str:
    """The page's table, under the assumptions in the module docstring.

    >>> print(report())
    people review all 50,000                 1,667 h
    filter first, people review its 4%       67 h
    plus a 1% audit of its passes (480)      16 h
    clean audit: bad among its passes        below 0.62%
    5 gates, each wrongly blocking 2%        90.4% of good releases pass
    """
    flagged, audited = filter_first(items, flagged_share, audit_share)
    rows = [
        (f"people review all {items:,}", f"{review_hours(items, minutes_each):,.0f} h"),
        (f"filter first, people review its {flagged_share:.0%}", f"{review_hours(flagged, minutes_each):,.0f} h"),
        (f"plus a {audit_share:.0%} audit of its passes ({audited:,})",
         f"{review_hours(audited, minutes_each):,.0f} h"),
        ("clean audit: bad among its passes", f"below {miss_rate_bound(audited):.2%}"),
        ("5 gates, each wrongly blocking 2%", f"{good_release_passes([0.02] * 5):.1%} of good releases pass"),
    ]
    return "\n".join(f"{name:<40} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
