"""Level 2 of docs/coding/retries-with-backoff.md: jitter, Retry-After and a deadline.

>>> from snippets.coding.retries_with_backoff.fakes import (FakeClock, FakeSleep,
...                                                         FlakyService, ScriptedRandom)
>>> clock = FakeClock(); sleep = FakeSleep(clock)
>>> retrier = Retrier(max_attempts=5, base_s=1.0, cap_s=8.0, jitter="full",
...                   clock=clock, sleep=sleep, rng=ScriptedRandom([0.5]))
>>> retrier.call(FlakyService(clock, ["503", "503", "429:3", "ok"]))
'ok'
>>> sleep.slept            # half of 1, half of 2, then the server's 3 over half of 4
[0.5, 1.0, 3.0]
"""
from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterator

from snippets.coding.retries_with_backoff.level1 import retryable

JITTERS = ("none", "full", "equal", "decorrelated")


class Retrier:
    """Level 1's retrier, with jittered delays, Retry-After and a deadline per call."""

    def __init__(self, max_attempts: int = 3, base_s: float = 0.1, cap_s: float = 5.0, *,
                 jitter: str = "none", deadline_s: float = math.inf,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, rng=random) -> None:
        self.max_attempts, self.base_s, self.cap_s = max_attempts, base_s, cap_s
        self.jitter, self.deadline_s = jitter, deadline_s
        self.clock, self.sleep, self.rng = clock, sleep, rng

    # --8<-- [start:delays]
    def delays(self) -> Iterator[float]:
        """The waits before the 1st, 2nd, ... retry of one call."""
        previous, n = self.base_s, 0
        while True:
            ceiling = min(self.cap_s, self.base_s * 2 ** min(n, 64))  # (1)!
            if self.jitter == "none":
                yield ceiling
            elif self.jitter == "full":
                yield self.rng.uniform(0, ceiling)
            elif self.jitter == "equal":
                yield ceiling / 2 + self.rng.uniform(0, ceiling / 2)
            else:                                   # decorrelated
                previous = min(self.cap_s, self.rng.uniform(self.base_s, previous * 3))  # (2)!
                yield previous
            n += 1
    # --8<-- [end:delays]

    # --8<-- [start:call]
    def call(self, operation: Callable, *args, **kwargs):
        deadline = self.clock() + self.deadline_s
        delays = self.delays()
        attempt = 0
        while True:
            attempt += 1
            try:
                return operation(*args, **kwargs)
            except Exception as error:
                if not retryable(error) or attempt == self.max_attempts:
                    raise
                delay = next(delays)
                asked = getattr(error, "retry_after_s", None)
                if asked is not None:
                    delay = max(delay, asked)       # (1)!
                if self.clock() + delay >= deadline:
                    raise                           # (2)!
                self.sleep(delay)
    # --8<-- [end:call]
