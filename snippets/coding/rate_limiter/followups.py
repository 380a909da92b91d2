"""Follow-ups for docs/coding/rate-limiter.md, as tested code.

- What to send a refused client: status 429 and a Retry-After header.
- Many servers, one limit: a shared counter, and why "read, check, then add"
  admits too many even with a perfectly reliable store.
- Many servers, one limit, without a round trip per request: leases of a share
  of the global rate, handed out fairly (max-min fair shares).
- More parallelism inside one process: lock striping.
"""
from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable, Iterator

from snippets.coding.rate_limiter.solution import RateLimiter, TokenBucket


# --8<-- [start:response]
def response_for(limiter: RateLimiter, key: Hashable) -> tuple[int, dict[str, str]]:
    """The HTTP status and headers for one request from `key`.

    >>> from snippets.coding.rate_limiter.clock import FakeClock
    >>> clock = FakeClock()
    >>> limiter = RateLimiter(2, 60.0, algorithm="sliding_log", clock=clock)
    >>> [response_for(limiter, "k")[0] for _ in range(3)]
    [200, 200, 429]
    >>> clock.now = 0.4; response_for(limiter, "k")
    (429, {'Retry-After': '60'})
    """
    if limiter.allow(key):
        return 200, {}
    wait = limiter.retry_after(key)
    return 429, {"Retry-After": str(max(1, math.ceil(wait)))}  # (1)!
# --8<-- [end:response]


# --8<-- [start:shared]
class SharedCounters:
    """A stand-in for a key-value store shared by many servers (Redis, say): each
    method is one round trip and is atomic on its own, and nothing more is."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.values: dict[str, tuple[int, float]] = {}  # key -> (count, expires at)

    def get(self, key: str) -> int:
        count, expires = self.values.get(key, (0, math.inf))
        return count if self.clock() < expires else 0

    def incr_with_expiry(self, key: str, ttl_s: float) -> int:
        """Add one and return the new count; a new key expires ttl_s later (one
        atomic step, as a Lua script or a single command would make it)."""
        count = self.get(key)
        expires = self.values[key][1] if count else self.clock() + ttl_s
        self.values[key] = (count + 1, expires)
        return count + 1


def check_then_add(store: SharedCounters, key: str, limit: int, window_s: float) -> Iterator[None]:
    """The racy way: read the count, decide, then add. `yield` marks a round trip,
    where another server's requests can run. The answer is the generator's return value."""
    count = store.get(key)
    yield
    if count >= limit:
        return False
    store.incr_with_expiry(key, window_s)
    return True


def add_then_check(store: SharedCounters, key: str, limit: int, window_s: float) -> Iterator[None]:
    """The safe way: one atomic add that returns the new count, then decide."""
    count = store.incr_with_expiry(key, window_s)
    yield
    return count <= limit


def interleaved(requests: list[Iterator[None]]) -> list[bool]:
    """Run the requests' round trips in turns, as servers that reach the store
    at the same moment would, and collect each request's answer."""
    answers: list[bool | None] = [None] * len(requests)
    pending = list(enumerate(requests))
    while pending:
        still = []
        for index, request in pending:
            try:
                next(request)
                still.append((index, request))
            except StopIteration as finished:
                answers[index] = finished.value
        pending = still
    return answers  # type: ignore[return-value]
# --8<-- [end:shared]


# --8<-- [start:fair]
def fair_shares(capacity: float, wants: dict[str, float]) -> dict[str, float]:
    """Max-min fair shares: nobody gets more than they want, and whoever gets less
    than they want gets no less than anyone else.

    >>> fair_shares(90, {"batch": 100, "web": 20, "cron": 5})
    {'batch': 65.0, 'web': 20.0, 'cron': 5.0}
    >>> fair_shares(90, {"a": 50, "b": 50, "c": 50})
    {'a': 30.0, 'b': 30.0, 'c': 30.0}
    """
    shares = {name: 0.0 for name in wants}
    left, hungry = float(capacity), sorted(wants, key=wants.get)  # (1)!
    while hungry:
        equal = left / len(hungry)
        smallest = hungry[0]
        if wants[smallest] <= equal:          # satisfied in full; the rest is shared again
            shares[smallest] = float(wants[smallest])
            left -= wants[smallest]
            hungry.pop(0)
        else:                                 # nobody left can be satisfied: split evenly
            for name in hungry:
                shares[name] = equal
            break
    return shares
# --8<-- [end:fair]


# --8<-- [start:lease]
class LeasedBucket:
    """A server's local token bucket, at a rate leased from a coordinator.

    Between renewals it decides alone, with no round trip per request. If a
    lease runs out before it is renewed (the coordinator is down or slow), the
    bucket drops to a safe rate chosen in advance.
    """

    def __init__(self, safe_rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.safe_rate, self.clock = safe_rate, clock
        self.expires = math.inf                  # on the safe rate: nothing to expire
        self.bucket = self._bucket(safe_rate, clock(), tokens=math.inf)

    @staticmethod
    def _bucket(rate: float, now: float, tokens: float) -> TokenBucket:
        bucket = TokenBucket(max(1, math.floor(rate)), 1.0, now)  # burst: a second's worth
        bucket.rate = rate
        bucket.tokens = min(tokens, bucket.limit)                 # (1)!
        return bucket

    def _switch(self, rate: float, at: float) -> None:
        self.bucket._refill(at)
        self.bucket = self._bucket(rate, at, self.bucket.tokens)

    def _lapse(self, now: float) -> None:
        if now >= self.expires:
            self._switch(self.safe_rate, self.expires)           # (2)!
            self.expires = math.inf

    def grant(self, rate_per_s: float, lease_s: float) -> None:
        """A lease: `rate_per_s` from now until `lease_s` seconds from now."""
        now = self.clock()
        self._lapse(now)
        self._switch(rate_per_s, now)
        self.expires = now + lease_s

    def allow(self) -> bool:
        now = self.clock()
        self._lapse(now)
        return self.bucket.allow(now)
# --8<-- [end:lease]


# --8<-- [start:striped]
class StripedRateLimiter:
    """Keys spread over independent limiters, each with its own lock, so that
    callers on different stripes never wait for each other."""

    def __init__(self, stripes: int, limit: int, window_s: float, **options) -> None:
        self.stripes = [RateLimiter(limit, window_s, **options) for _ in range(stripes)]

    def allow(self, key: Hashable = None) -> bool:
        return self.stripes[hash(key) % len(self.stripes)].allow(key)  # (1)!

    def __len__(self) -> int:
        return sum(len(stripe) for stripe in self.stripes)
# --8<-- [end:striped]
