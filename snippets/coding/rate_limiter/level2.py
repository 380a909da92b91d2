"""Level 2 of docs/coding/rate-limiter.md: the token bucket and two sliding windows.

Level 1's bucket moves into a class of its own, next to two more with the same
two methods (made with the time of the first call, then `allow(now)`), and the
limiter picks one by name. Still one caller and one key.

>>> from snippets.coding.rate_limiter.clock import FakeClock
>>> clock = FakeClock()
>>> log = RateLimiter(3, 1.0, algorithm="sliding_log", clock=clock)
>>> [log.allow() for _ in range(4)]
[True, True, True, False]
>>> clock.now = 0.5; log.allow()
False
>>> clock.now = 1.0; [log.allow() for _ in range(4)]    # the three at 0 are out
[True, True, True, False]
"""
from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable


# --8<-- [start:bucket]
class TokenBucket:
    """Up to `limit` tokens, starting full, refilled at limit / window_s a second."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.rate = limit, limit / window_s
        self.tokens, self.updated = float(limit), now

    def allow(self, now: float) -> bool:
        self.tokens = min(self.limit, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False
# --8<-- [end:bucket]


# --8<-- [start:log]
class SlidingLog:
    """The times of the admitted requests still inside the window."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.window_s = limit, window_s
        self.times: deque[float] = deque()  # oldest on the left

    def allow(self, now: float) -> bool:
        horizon = now - self.window_s
        while self.times and self.times[0] <= horizon:  # (1)!
            self.times.popleft()
        if len(self.times) < self.limit:
            self.times.append(now)
            return True
        return False
# --8<-- [end:log]


# --8<-- [start:counter]
class SlidingCounter:
    """Two fixed windows' counts; the older one weighted by how much of it overlaps."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.window_s = limit, window_s
        self.index = math.floor(now / window_s)  # (1)!
        self.previous = self.current = 0

    def allow(self, now: float) -> bool:
        index = math.floor(now / self.window_s)
        if index != self.index:                   # a new fixed window has begun
            self.previous = self.current if index == self.index + 1 else 0  # (2)!
            self.current, self.index = 0, index
        into = now - index * self.window_s         # seconds into the current window
        estimate = self.previous * (self.window_s - into) / self.window_s + self.current
        if estimate + 1 <= self.limit:            # (3)!
            self.current += 1
            return True
        return False
# --8<-- [end:counter]


ALGORITHMS = {"token_bucket": TokenBucket, "sliding_log": SlidingLog,
              "sliding_counter": SlidingCounter}


# --8<-- [start:limiter]
class RateLimiter:
    """One limit for one caller, by the algorithm named."""

    def __init__(self, limit: int, window_s: float, *, algorithm: str = "token_bucket",
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window_s = limit, window_s
        self.kind = ALGORITHMS[algorithm]
        self.clock = clock
        self.state = None      # made at the first call, with that call's time
        self.latest = -math.inf

    def allow(self) -> bool:
        now = self.latest = max(self.latest, self.clock())  # (1)!
        if self.state is None:
            self.state = self.kind(self.limit, self.window_s, now)
        return self.state.allow(now)
# --8<-- [end:limiter]
