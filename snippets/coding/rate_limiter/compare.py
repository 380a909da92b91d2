"""The algorithms side by side: accuracy at window edges and on random traffic.

Each scenario feeds the same calls, at the same fake times, to a fresh limiter
per algorithm, and counts what gets through. A fixed-window counter (the plain
"count per calendar second" that the sliding windows improve on) is included as
the baseline; it is only a few lines, below.

>>> print(edge_table(limit=100, window_s=1.0))
algorithm         straddling  almost a window
fixed_window             200              200
token_bucket             101              199
sliding_log              100              100
sliding_counter          100              198
"""
from __future__ import annotations

import math
import random
from collections import deque

from snippets.coding.rate_limiter.clock import FakeClock
from snippets.coding.rate_limiter.solution import ALGORITHMS, RateLimiter


# --8<-- [start:fixed]
class FixedWindow:
    """At most `limit` admitted per calendar window [k W, (k + 1) W)."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.window_s = limit, window_s
        self.index, self.count = math.floor(now / window_s), 0

    def allow(self, now: float) -> bool:
        index = math.floor(now / self.window_s)
        if index != self.index:
            self.index, self.count = index, 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False

    def wait(self, now: float) -> float:  # pragma: no cover - only allow is compared
        return 0.0 if self.count < self.limit else (self.index + 1) * self.window_s - now
# --8<-- [end:fixed]


NAMES = ["fixed_window", *ALGORITHMS]
ALL = {"fixed_window": FixedWindow, **ALGORITHMS}


def limiter(name: str, limit: int, window_s: float, clock: FakeClock) -> RateLimiter:
    made = RateLimiter(limit, window_s, clock=clock)
    made.kind = ALL[name]  # the same per-key machinery, with the algorithm swapped in
    return made


def admitted(name: str, limit: int, window_s: float, calls: list[float]) -> list[bool]:
    """The answers one key gets for calls at the given (non-decreasing) times."""
    clock = FakeClock()
    made = limiter(name, limit, window_s, clock)
    answers = []
    for now in calls:
        clock.now = now
        answers.append(made.allow())
    return answers


# --8<-- [start:edges]
def edge_bursts(limit: int, window_s: float) -> dict[str, tuple[float, float]]:
    """Two bursts of 2 x limit calls each, after a quiet start, in two timings.

    straddling: at W - W/64 and at W, either side of a fixed-window edge.
    almost a window: at W - W/128 and at 2W - W/64, less than one W apart.
    In both, every call falls inside one sliding window of length W.
    """
    w = window_s
    return {"straddling": (w - w / 64, w), "almost a window": (w - w / 128, 2 * w - w / 64)}


def edge_table(limit: int = 100, window_s: float = 1.0) -> str:
    """How many calls each algorithm admits in each timing of `edge_bursts`."""
    lines = [f"{'algorithm':<16}{'straddling':>12}{'almost a window':>17}"]
    for name in NAMES:
        counts = [sum(admitted(name, limit, window_s, [first] * 2 * limit + [second] * 2 * limit))
                  for first, second in edge_bursts(limit, window_s).values()]
        lines.append(f"{name:<16}{counts[0]:>12}{counts[1]:>17}")
    return "\n".join(lines)
# --8<-- [end:edges]


# --8<-- [start:random]
def poisson_calls(rate_per_s: float, seconds: float, seed: int) -> list[float]:
    """Call times of a Poisson stream: independent gaps, exponential with the given rate."""
    rng, now, calls = random.Random(seed), 0.0, []
    while True:
        now += rng.expovariate(rate_per_s)
        if now >= seconds:
            return calls
        calls.append(now)


def most_in_any_window(times: list[float], window_s: float) -> int:
    """The largest number of the (sorted) times inside any half-open (s, s + W]."""
    best, start = 0, 0
    for end, now in enumerate(times):
        while times[start] <= now - window_s:
            start += 1
        best = max(best, end - start + 1)
    return best


def judged(calls: list[float], answers: list[bool], limit: int, window_s: float) -> tuple[int, int]:
    """Answers that break the exact rule, given what this limiter itself admitted:
    (admitted although the last W already held `limit`, refused although it held fewer)."""
    inside: deque[float] = deque()
    over = under = 0
    for now, ok in zip(calls, answers):
        while inside and inside[0] <= now - window_s:
            inside.popleft()
        over += ok and len(inside) >= limit
        under += not ok and len(inside) < limit
        if ok:
            inside.append(now)
    return over, under


def random_table(limit: int = 100, window_s: float = 1.0, load: float = 1.5,
                 seconds: float = 600.0, seed: int = 7) -> str:
    """Poisson traffic at `load` times the limit. For each algorithm: the share of
    calls admitted, the most admitted in any window W, and the share of answers
    that break the exact rule (at most `limit` in the last W) given that
    algorithm's own history: admitted over the limit, or refused under it."""
    calls = poisson_calls(load * limit / window_s, seconds, seed)
    lines = [f"{len(calls):,} calls in {seconds:g} s, {load:g} x the limit of {limit} per {window_s:g} s",
             f"{'algorithm':<16}{'admitted':>9}{'most in W':>10}{'over':>8}{'under':>8}"]
    for name in NAMES:
        answers = admitted(name, limit, window_s, calls)
        kept = [now for now, ok in zip(calls, answers) if ok]
        over, under = judged(calls, answers, limit, window_s)
        lines.append(f"{name:<16}{len(kept) / len(calls):>9.1%}{most_in_any_window(kept, window_s):>10}"
                     f"{over / len(calls):>8.2%}{under / len(calls):>8.2%}")
    return "\n".join(lines)
# --8<-- [end:random]
