"""A clock the tests move by hand, so that no test sleeps.

Every limiter on docs/coding/rate-limiter.md takes `clock`, a function of no
arguments returning seconds (`time.monotonic` by default). Pass a `FakeClock`
instead and time moves only when you say so.

>>> clock = FakeClock(10.0)
>>> clock()
10.0
>>> clock.advance(0.5)
10.5
>>> clock.now = 12.0; clock()
12.0
"""
from __future__ import annotations

import threading


class FakeClock:
    """Seconds as a number you set (`now`) or move forward (`advance`)."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now
        self._lock = threading.Lock()  # several threads may advance it

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        with self._lock:
            self.now += seconds
            return self.now
