"""Why latency explodes near saturation, and how long a leak takes to kill a process.

For docs/rounds/incident-debugging.md. The queue is the textbook M/M/1 (random
arrivals, one server, random service times): its response time is exponential
with mean S / (1 - rho), where S is the mean service time and rho the fraction
of time the server is busy, so every percentile scales by the same 1 / (1 - rho).
A real service is not M/M/1; the model is for the shape of the curve, which is
what you need in the first minutes of an incident.
"""
from __future__ import annotations

import math


def p95_ms(service_ms: float, utilisation: float) -> float:
    """95th-percentile response time of an M/M/1 queue.

    >>> round(p95_ms(20, 0.4), 1), round(p95_ms(20, 0.9), 1)
    (99.9, 599.1)
    """
    if not 0 <= utilisation < 1:
        raise ValueError("utilisation must be in [0, 1): at 1 or more the queue grows without bound")
    return math.log(20) * service_ms / (1 - utilisation)


def utilisation_for_p95(service_ms: float, p95: float) -> float:
    """The utilisation at which an M/M/1 queue's p95 reaches `p95` milliseconds.

    >>> round(utilisation_for_p95(20, 2000), 3)
    0.97
    """
    return 1 - math.log(20) * service_ms / p95


def hours_to_exhaust(free_bytes: float, leaked_bytes_per_request: float, requests_per_second: float) -> float:
    """Hours until a leak of a fixed size per request uses up `free_bytes`.

    >>> round(hours_to_exhaust(4e9, 1e3, 500), 1)
    2.2
    """
    return free_bytes / (leaked_bytes_per_request * requests_per_second) / 3600


# --8<-- [start:report]
def report(service_ms: float = 20) -> str:
    """The page's table: the p95 jump from the candidate report, read as a queue.

    >>> print(report())
    p95 100 ms -> 2,000 ms                 20x slower
    busy fraction for p95 = 100 ms         40%
    busy fraction for p95 = 2,000 ms       97%
    extra load that takes you there        2.4x
    leak of 1 KB/request at 500/s, 4 GB    2.2 h to run out
    """
    low, high = utilisation_for_p95(service_ms, 100), utilisation_for_p95(service_ms, 2000)
    rows = [
        ("p95 100 ms -> 2,000 ms", f"{2000 / 100:.0f}x slower"),
        ("busy fraction for p95 = 100 ms", f"{low:.0%}"),
        ("busy fraction for p95 = 2,000 ms", f"{high:.0%}"),
        ("extra load that takes you there", f"{high / low:.1f}x"),
        ("leak of 1 KB/request at 500/s, 4 GB", f"{hours_to_exhaust(4e9, 1e3, 500):.1f} h to run out"),
    ]
    return "\n".join(f"{name:<38} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
