"""A second, deliberately naive model of each algorithm, for the randomized tests.

It shares no code with the reference. It keeps every admitted request's time
forever, per key, in exact fractions, and answers each call by recounting that
history from scratch: the bucket replays every refill and spend since the key's
first call; the log counts the admitted times inside (t - W, t]; the counter
recounts the two fixed windows. It never forgets a key, which is what makes it
the judge of whether forgetting one changed an answer. Slow, obvious and exact.
"""
from __future__ import annotations

import math
import random
from fractions import Fraction


class NaiveLimiter:
    def __init__(self, limit: int, window_s: float, algorithm: str = "token_bucket") -> None:
        self.limit, self.window = limit, Fraction(window_s)
        self.algorithm = algorithm
        self.calls: dict[object, list[tuple[Fraction, bool]]] = {}  # key -> (time, admitted)

    def allow(self, now: float, key: object = None) -> bool:
        now = Fraction(now)
        history = self.calls.setdefault(key, [])
        answer = getattr(self, self.algorithm)(history, now)
        history.append((now, answer))
        return answer

    def token_bucket(self, history, now) -> bool:
        rate = self.limit / self.window
        tokens, updated = Fraction(self.limit), history[0][0] if history else now
        for when, admitted in history + [(now, None)]:
            tokens = min(self.limit, tokens + (when - updated) * rate)
            updated = when
            if admitted:
                tokens -= 1
        return tokens >= 1

    def sliding_log(self, history, now) -> bool:
        inside = [when for when, admitted in history if admitted and now - self.window < when <= now]
        return len(inside) < self.limit

    def sliding_counter(self, history, now) -> bool:
        index = math.floor(now / self.window)
        start = index * self.window
        current = sum(1 for when, ok in history if ok and start <= when)
        previous = sum(1 for when, ok in history if ok and start - self.window <= when < start)
        estimate = previous * (self.window - (now - start)) / self.window + current
        return estimate + 1 <= self.limit


def random_trace(seed: int, keys: str = "a", horizon_windows: int = 6, step: Fraction = Fraction(1, 16),
                 window_s: float = 1.0) -> list[tuple[float, str]]:
    """Calls in non-decreasing time on a grid of 1/16 window, with bursts (many
    calls at one time), quiet stretches and, with several keys, keys that go idle
    for more than two windows and come back. Every time is a dyadic fraction, so
    float arithmetic in any order is exact and a reader's answers can be compared
    with the oracle's exactly."""
    rng = random.Random(seed)
    trace, now = [], Fraction(rng.randint(0, 16)) * step
    end = horizon_windows * Fraction(window_s)
    while now < end:
        roll = rng.random()
        if roll < 0.3:
            now += step * rng.randint(1, 4)
        elif roll < 0.36:
            now += Fraction(window_s) * rng.randint(1, 3)   # a quiet stretch
        burst = rng.choice([1, 1, 1, 2, 3, 6])
        key = rng.choice(keys)
        trace += [(float(now), key)] * burst
    return trace
