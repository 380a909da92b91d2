"""Reference rate limiter for docs/coding/rate-limiter.md, all three levels.

One limit per key, by one of three algorithms; keys idle for two windows are
dropped; safe to call from many threads. `retry_after` answers the client's
question "when may I try again?" (a follow-up on the page).

>>> from snippets.coding.rate_limiter.clock import FakeClock
>>> clock = FakeClock()
>>> limiter = RateLimiter(2, 1.0, algorithm="sliding_log", clock=clock)
>>> [limiter.allow("alice") for _ in range(3)], limiter.allow("bob")
([True, True, False], True)
>>> limiter.retry_after("alice"), len(limiter)
(1.0, 2)
>>> clock.now = 1.5; limiter.allow("bob"), len(limiter)
(True, 2)
>>> clock.now = 2.0; limiter.allow("carol"), len(limiter)    # alice: idle 2 s
(True, 2)
"""
from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable


# --8<-- [start:bucket]
class TokenBucket:
    """Up to `limit` tokens, starting full, refilled at limit / window_s a second."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.rate = limit, limit / window_s
        self.tokens, self.updated = float(limit), now

    def _refill(self, now: float) -> None:
        self.tokens = min(self.limit, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def allow(self, now: float) -> bool:
        self._refill(now)
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False

    def wait(self, now: float) -> float:
        """Seconds until `allow` would say yes: the time to earn the missing part."""
        self._refill(now)
        return max(0.0, (1 - self.tokens) / self.rate)
# --8<-- [end:bucket]


# --8<-- [start:log]
class SlidingLog:
    """The times of the admitted requests still inside the window."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.window_s = limit, window_s
        self.times: deque[float] = deque()  # oldest on the left

    def _expire(self, now: float) -> None:
        horizon = now - self.window_s
        while self.times and self.times[0] <= horizon:
            self.times.popleft()

    def allow(self, now: float) -> bool:
        self._expire(now)
        if len(self.times) < self.limit:
            self.times.append(now)
            return True
        return False

    def wait(self, now: float) -> float:
        """Seconds until the oldest admitted request leaves the window, if it is full."""
        self._expire(now)
        if len(self.times) < self.limit:
            return 0.0
        return self.times[0] + self.window_s - now
# --8<-- [end:log]


# --8<-- [start:counter]
class SlidingCounter:
    """Two fixed windows' counts; the older one weighted by how much of it overlaps."""

    def __init__(self, limit: int, window_s: float, now: float) -> None:
        self.limit, self.window_s = limit, window_s
        self.index = math.floor(now / window_s)
        self.previous = self.current = 0

    def _roll(self, now: float) -> float:
        """Move to the fixed window holding `now`; return the seconds into it."""
        index = math.floor(now / self.window_s)
        if index != self.index:
            self.previous = self.current if index == self.index + 1 else 0
            self.current, self.index = 0, index
        return now - index * self.window_s

    def allow(self, now: float) -> bool:
        into = self._roll(now)
        estimate = self.previous * (self.window_s - into) / self.window_s + self.current
        if estimate + 1 <= self.limit:
            self.current += 1
            return True
        return False

    def wait(self, now: float) -> float:
        """Seconds until the estimate leaves room for one more request."""
        into = self._roll(now)
        room = self.limit - 1 - self.current   # what the weighted older count may be
        if room >= 0:
            if self.previous <= room:
                return 0.0
            return max(0.0, self.window_s * (1 - room / self.previous) - into)
        # full for the rest of this window; in the next, this window's count is older
        next_into = self.window_s * max(0.0, 1 - (self.limit - 1) / self.current)
        return self.window_s - into + next_into
# --8<-- [end:counter]


ALGORITHMS = {"token_bucket": TokenBucket, "sliding_log": SlidingLog,
              "sliding_counter": SlidingCounter}


# --8<-- [start:limiter]
class RateLimiter:
    """`limit` requests per `window_s` seconds for each key, by the algorithm named.

    Keys with no call for two windows are forgotten: by then every algorithm's
    state for them equals a new key's, so forgetting changes no answer.
    Safe to call from many threads at once.
    """

    def __init__(self, limit: int, window_s: float, *, algorithm: str = "token_bucket",
                 clock: Callable[[], float] = time.monotonic) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError(f"limit must be a whole number of at least 1, not {limit!r}")
        if not (isinstance(window_s, (int, float)) and 0 < window_s < math.inf):
            raise ValueError(f"window_s must be a positive number of seconds, not {window_s!r}")
        if algorithm not in ALGORITHMS:
            raise ValueError(f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}")
        self.limit, self.window_s = limit, window_s
        self.kind = ALGORITHMS[algorithm]
        self.clock = clock
        self.idle_s = 2 * window_s                 # (1)!
        self.latest = -math.inf
        self.keys: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()  # (2)!
        self.peak = 0                                 # most keys held since the last rebuild
        self.lock = threading.Lock()

    def _now(self) -> float:
        """The clock, read under the lock and never allowed to go backwards."""
        self.latest = max(self.latest, self.clock())  # (3)!
        return self.latest

    def _forget_idle(self, now: float) -> None:
        while self.keys:                            # (4)!
            oldest, (last_call, _) = next(iter(self.keys.items()))
            if now - last_call < self.idle_s:
                break
            del self.keys[oldest]
        if len(self.keys) < self.peak // 4:        # (5)!
            self.keys = OrderedDict(self.keys)
            self.peak = len(self.keys)

    def _state(self, key: Hashable, now: float):
        self._forget_idle(now)
        _, state = self.keys.pop(key, (now, None))
        if state is None:
            state = self.kind(self.limit, self.window_s, now)
        self.keys[key] = (now, state)              # (6)!
        self.peak = max(self.peak, len(self.keys))
        return state

    def allow(self, key: Hashable = None) -> bool:
        with self.lock:                              # (7)!
            now = self._now()
            return self._state(key, now).allow(now)

    def retry_after(self, key: Hashable = None) -> float:
        """Seconds until `allow(key)` would say yes; 0.0 if it would now."""
        with self.lock:
            now = self._now()
            if key not in self.keys:
                return 0.0
            return self.keys[key][1].wait(now)

    def __len__(self) -> int:
        """How many keys the limiter holds state for."""
        with self.lock:
            return len(self.keys)
# --8<-- [end:limiter]
