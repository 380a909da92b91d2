"""Availability arithmetic for checking a design document's targets
(docs/rounds/design-doc-review.md). A month is 30 days.
"""
from __future__ import annotations

import math

MINUTES_PER_MONTH = 30 * 24 * 60


def downtime_minutes(availability: float) -> float:
    """Minutes a month a service may be down and still meet `availability`.

    >>> [round(downtime_minutes(a), 1) for a in (0.99, 0.999, 0.9999)]
    [432.0, 43.2, 4.3]
    """
    return (1 - availability) * MINUTES_PER_MONTH


def in_series(*availabilities: float) -> float:
    """Availability of a request that needs every one of these parts (failures independent).

    >>> round(in_series(0.999, 0.999, 0.999), 4)
    0.997
    """
    return math.prod(availabilities)


def in_parallel(availability: float, copies: int) -> float:
    """Availability of `copies` independent replicas when any one can serve.

    >>> round(in_parallel(0.99, 2), 4)
    0.9999
    """
    return 1 - (1 - availability) ** copies


# --8<-- [start:report]
def report() -> str:
    """The page's table.

    >>> print(report())
    99.9% a month                        43.2 min of downtime
    99.99% a month                       4.3 min of downtime
    three 99.9% parts in series          99.70%, 129.5 min
    two 99% replicas, either will do     99.99%, 4.3 min
    """
    three = in_series(0.999, 0.999, 0.999)
    two = in_parallel(0.99, 2)
    rows = [
        ("99.9% a month", f"{downtime_minutes(0.999):.1f} min of downtime"),
        ("99.99% a month", f"{downtime_minutes(0.9999):.1f} min of downtime"),
        ("three 99.9% parts in series", f"{three:.2%}, {downtime_minutes(three):.1f} min"),
        ("two 99% replicas, either will do", f"{two:.2%}, {downtime_minutes(two):.1f} min"),
    ]
    return "\n".join(f"{name:<36} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
