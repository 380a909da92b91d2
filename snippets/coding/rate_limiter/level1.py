"""Level 1 of docs/coding/rate-limiter.md: one token bucket, one caller.

The bucket holds up to `limit` tokens, starts full, and refills continuously at
`limit / window_s` tokens a second. A call spends one token or is refused.

>>> from snippets.coding.rate_limiter.clock import FakeClock
>>> clock = FakeClock()
>>> limiter = RateLimiter(4, 2.0, clock=clock)    # 4 tokens, 2 back per second
>>> [limiter.allow() for _ in range(5)]
[True, True, True, True, False]
>>> clock.now = 0.25; limiter.allow()              # half a token: not enough
False
>>> clock.now = 0.5; [limiter.allow(), limiter.allow()]
[True, False]
"""
from __future__ import annotations

import time
from collections.abc import Callable


# --8<-- [start:limiter]
class RateLimiter:
    """A token bucket: `limit` requests at once, `limit` more each `window_s`."""

    def __init__(self, limit: int, window_s: float, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.rate = limit / window_s      # tokens per second
        self.clock = clock                # (1)!
        self.tokens = float(limit)        # a new bucket is full
        self.updated: float | None = None  # when tokens was last brought up to date

    def allow(self) -> bool:
        now = self.clock()
        if self.updated is not None and now > self.updated:  # (2)!
            gained = (now - self.updated) * self.rate
            self.tokens = min(self.limit, self.tokens + gained)  # (3)!
        if self.updated is None or now > self.updated:
            self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False                      # (4)!
# --8<-- [end:limiter]
