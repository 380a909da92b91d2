"""Jitter and retry budgets, simulated: how a herd of clients retries against a
server that can take only so many requests at a time.

The herd: `clients` callers all send one request at time 0 (a restart, a cache
flush, the end of an outage). The server takes at most `per_slot` requests in
each slot of `slot_s` seconds and refuses the rest at once with a retryable
error. A refused client waits the delay its jitter gives (the reference's own
`Retrier.delays`) and tries again, until it gets through. We count the work
(requests the server saw, and per client), how long until the last client got
through, and the busiest slot after the first (the first holds the whole herd
whatever the jitter; later peaks are retries arriving together).

>>> print(herd_table(clients=100, per_slot=5, slot_s=0.01, base_s=0.01, cap_s=1.0))
jitter        requests  each  done (s)  peak
none             1,050  10.5     13.27    95
full               508   5.1      0.70    66
equal              489   4.9      0.51    66
decorrelated       385   3.9      0.39    54
"""
from __future__ import annotations

import heapq
import math
import random

from snippets.coding.retries_with_backoff.fakes import FakeClock
from snippets.coding.retries_with_backoff.solution import JITTERS, Retrier, RetryBudget


# --8<-- [start:herd]
def herd(jitter: str, clients: int, per_slot: int, slot_s: float, base_s: float,
         cap_s: float, seed: int = 1) -> tuple[int, float, int]:
    """(requests the server saw, time the last client got through, busiest later slot)."""
    rng = random.Random(seed)
    retrier = Retrier(base_s=base_s, cap_s=cap_s, jitter=jitter, rng=rng)
    delays = [retrier.delays() for _ in range(clients)]   # one backoff sequence each
    arrivals = [(0.0, client) for client in range(clients)]
    heapq.heapify(arrivals)
    per_slot_seen: dict[int, int] = {}
    requests, last_done = 0, 0.0
    while arrivals:
        now, client = heapq.heappop(arrivals)
        requests += 1
        slot = math.floor(now / slot_s)
        per_slot_seen[slot] = per_slot_seen.get(slot, 0) + 1
        if per_slot_seen[slot] <= per_slot:
            last_done = max(last_done, now)                  # got through
        else:
            heapq.heappush(arrivals, (now + next(delays[client]), client))  # refused: retry
    later = [seen for slot, seen in per_slot_seen.items() if slot > 0]
    return requests, last_done, max(later, default=0)


def herd_table(clients: int = 1_000, per_slot: int = 10, slot_s: float = 0.01,
               base_s: float = 0.01, cap_s: float = 2.0, seed: int = 1) -> str:
    lines = [f"{'jitter':<13}{'requests':>9}{'each':>6}{'done (s)':>10}{'peak':>6}"]
    for jitter in JITTERS:
        requests, done, busiest = herd(jitter, clients, per_slot, slot_s, base_s, cap_s, seed)
        lines.append(f"{jitter:<13}{requests:>9,}{requests / clients:>6.1f}{done:>10.2f}{busiest:>6,}")
    return "\n".join(lines)
# --8<-- [end:herd]


# --8<-- [start:amplification]
def amplification(failure_rate: float, budget_ratio: float | None, rate_per_s: float = 100.0,
                  seconds: float = 60.0, max_attempts: int = 4, seed: int = 1) -> tuple[float, float]:
    """Requests `rate_per_s` a second for `seconds`; each attempt fails with
    probability `failure_rate`; failures are retried up to `max_attempts` in all,
    0.1 s apart, within the budget if there is one (10 s window, minimum 10).
    Returns (requests the server saw per request sent, share that finally worked)."""
    rng, clock = random.Random(seed), FakeClock()
    budget = None if budget_ratio is None else RetryBudget(budget_ratio, 10.0, 10, clock)
    events = [(i / rate_per_s, i, 1) for i in range(int(rate_per_s * seconds))]
    heapq.heapify(events)
    seen = worked = 0
    while events:
        clock.now, request, attempt = heapq.heappop(events)
        seen += 1
        if attempt == 1 and budget is not None:
            budget.first_attempt()
        if rng.random() >= failure_rate:
            worked += 1
        elif attempt < max_attempts and (budget is None or budget.try_spend()):
            heapq.heappush(events, (clock.now + 0.1, request, attempt + 1))
    sent = int(rate_per_s * seconds)
    return seen / sent, worked / sent


def budget_table() -> str:
    """Load on the server and requests that worked, with and without a 10% budget.

    >>> print(budget_table())
    failing  budget   load  worked
      1%     none     1.01  100.0%
      1%     10%      1.01  100.0%
     50%     none     1.87   93.5%
     50%     10%      1.11   56.1%
    100%     none     4.00    0.0%
    100%     10%      1.11    0.0%
    """
    lines = [f"{'failing':<9}{'budget':<8}{'load':>5}{'worked':>8}"]
    for failing in (0.01, 0.5, 1.0):
        for ratio in (None, 0.1):
            load, worked = amplification(failing, ratio)
            lines.append(f"{failing:>4.0%}     {'none' if ratio is None else f'{ratio:.0%}':<8}"
                         f"{load:>5.2f}{worked:>8.1%}")
    return "\n".join(lines)
# --8<-- [end:amplification]
