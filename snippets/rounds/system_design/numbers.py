"""Conversions worth knowing by heart in a design round (docs/rounds/system-design.md).

Decimal units throughout: 1 KB = 1e3 bytes, 1 TB = 1e12 bytes, 1 Gb/s = 1e9 bit/s.
Each function is one line of arithmetic; the point is to have the results ready
so that the first five minutes of a design go on the problem, not on sums.
"""
from __future__ import annotations

SECONDS_PER_DAY = 24 * 60 * 60


def per_second(per_day: float) -> float:
    """The average rate of something that happens `per_day` times a day.

    >>> SECONDS_PER_DAY, round(per_second(1e6), 1)
    (86400, 11.6)
    """
    return per_day / SECONDS_PER_DAY


def bytes_per_second(bits_per_second: float) -> float:
    """A link's rate in bytes per second.

    >>> bytes_per_second(1e9)
    125000000.0
    """
    return bits_per_second / 8


def transfer_seconds(nbytes: float, bits_per_second: float) -> float:
    """Time to push `nbytes` through a link, ignoring protocol overhead.

    >>> transfer_seconds(1e12, 1e9)
    8000.0
    """
    return nbytes / bytes_per_second(bits_per_second)


def in_flight(rate_per_second: float, latency_seconds: float) -> float:
    """Little's law: requests in the system = arrival rate x time each spends there.

    >>> in_flight(10_000, 0.2)
    2000.0
    """
    return rate_per_second * latency_seconds


def storage_bytes(items: float, bytes_each: float, copies: int = 1) -> float:
    """Raw storage for `items` of `bytes_each`, kept `copies` times.

    >>> storage_bytes(1e9, 1e3, copies=3)
    3000000000000.0
    """
    return items * bytes_each * copies


# --8<-- [start:report]
def report(peak_over_average: float = 3) -> str:
    """The table on the page; `peak_over_average` is our assumption, not a law.

    >>> print(report())
    1 million a day, on average          11.6 per second
    the same at 3x the average           34.7 per second
    1 Gb/s                               125 MB/s
    1 TB over 1 Gb/s                     8,000 s
    a billion 1 KB items, 3 copies       3 TB
    10,000 requests/s, 200 ms each       2,000 in flight
    """
    rows = [
        ("1 million a day, on average", f"{per_second(1e6):.1f} per second"),
        (f"the same at {peak_over_average:g}x the average",
         f"{per_second(1e6) * peak_over_average:.1f} per second"),
        ("1 Gb/s", f"{bytes_per_second(1e9) / 1e6:,.0f} MB/s"),
        ("1 TB over 1 Gb/s", f"{transfer_seconds(1e12, 1e9):,.0f} s"),
        ("a billion 1 KB items, 3 copies", f"{storage_bytes(1e9, 1e3, copies=3) / 1e12:,.0f} TB"),
        ("10,000 requests/s, 200 ms each", f"{in_flight(10_000, 0.2):,.0f} in flight"),
    ]
    return "\n".join(f"{name:<36} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
