"""Reference retrier for docs/coding/retries-with-backoff.md, all three levels.

Retries what is worth retrying, with capped exponential backoff and a choice of
jitter, honours Retry-After, stops at a deadline, sends one idempotency key with
every attempt of a call, and spends retries from a budget shared by all its calls.

>>> from snippets.coding.retries_with_backoff.fakes import FakeClock, FakeSleep, PaymentServer
>>> clock = FakeClock(); sleep = FakeSleep(clock)
>>> server = PaymentServer(clock, ["lose_reply"])      # charges, then the reply is lost
>>> retrier = Retrier(max_attempts=3, base_s=0.5, clock=clock, sleep=sleep,
...                   new_key=lambda: "key-1")
>>> retrier.call_idempotent(server.charge, 100)
'ch_1'
>>> server.ledger                                       # charged once, not twice
[('ch_1', 100, 'key-1')]
"""
from __future__ import annotations

import math
import random
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator

JITTERS = ("none", "full", "equal", "decorrelated")


# --8<-- [start:retryable]
def retryable(error: BaseException) -> bool:
    """Worth another try: no reply (a timeout, a dropped connection), or a status that
    says "not now" (408 timeout, 409 conflict, 429 too many requests, any 5xx)."""
    if isinstance(error, (TimeoutError, ConnectionError)):
        return True
    status = getattr(error, "status", None)
    return isinstance(status, int) and (status in (408, 409, 429) or 500 <= status <= 599)
# --8<-- [end:retryable]


# --8<-- [start:budget]
class RetryBudget:
    """Retries in the last `window_s` may be at most ratio x first attempts + minimum."""

    def __init__(self, ratio: float, window_s: float, minimum: int,
                 clock: Callable[[], float]) -> None:
        self.ratio, self.window_s, self.minimum, self.clock = ratio, window_s, minimum, clock
        self.firsts: deque[float] = deque()     # times of first attempts in the window
        self.retries: deque[float] = deque()    # times of retries in the window
        self.lock = threading.Lock()            # (1)!

    def _expire(self, now: float) -> None:
        for times in (self.firsts, self.retries):
            while times and times[0] <= now - self.window_s:
                times.popleft()

    def first_attempt(self) -> None:
        with self.lock:
            now = self.clock()
            self._expire(now)
            self.firsts.append(now)

    def try_spend(self) -> bool:
        """Take one retry from the budget if there is room; say whether there was."""
        with self.lock:
            now = self.clock()
            self._expire(now)
            if len(self.retries) + 1 <= self.ratio * len(self.firsts) + self.minimum:
                self.retries.append(now)
                return True
            return False
# --8<-- [end:budget]


class Retrier:
    """Call an operation; on a retryable failure, wait and try again, within limits."""

    def __init__(self, max_attempts: int = 3, base_s: float = 0.1, cap_s: float = 5.0, *,
                 jitter: str = "none", deadline_s: float = math.inf,
                 budget_ratio: float | None = None, budget_window_s: float = 10.0,
                 budget_min: int = 10, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep, rng=random,
                 new_key: Callable[[], str] = lambda: uuid.uuid4().hex) -> None:
        if isinstance(max_attempts, bool) or not isinstance(max_attempts, int) or max_attempts < 1:
            raise ValueError(f"max_attempts must be a whole number of at least 1, not {max_attempts!r}")
        if not 0 < base_s <= cap_s < math.inf:
            raise ValueError(f"need 0 < base_s <= cap_s < inf, not base_s={base_s!r}, cap_s={cap_s!r}")
        if jitter not in JITTERS:
            raise ValueError(f"unknown jitter {jitter!r}; choose from {', '.join(JITTERS)}")
        if not deadline_s > 0:
            raise ValueError(f"deadline_s must be positive, not {deadline_s!r}")
        self.max_attempts, self.base_s, self.cap_s = max_attempts, base_s, cap_s
        self.jitter, self.deadline_s = jitter, deadline_s
        self.clock, self.sleep, self.rng, self.new_key = clock, sleep, rng, new_key
        self.budget = None
        if budget_ratio is not None:
            if budget_ratio < 0 or budget_min < 0 or not budget_window_s > 0:
                raise ValueError("the retry budget needs ratio >= 0, minimum >= 0 and a positive window")
            self.budget = RetryBudget(budget_ratio, budget_window_s, budget_min, clock)

    # --8<-- [start:delays]
    def delays(self) -> Iterator[float]:
        """The waits before the 1st, 2nd, ... retry of one call."""
        previous, n = self.base_s, 0
        while True:
            ceiling = min(self.cap_s, self.base_s * 2 ** min(n, 64))
            if self.jitter == "none":
                yield ceiling
            elif self.jitter == "full":
                yield self.rng.uniform(0, ceiling)
            elif self.jitter == "equal":
                yield ceiling / 2 + self.rng.uniform(0, ceiling / 2)
            else:
                previous = min(self.cap_s, self.rng.uniform(self.base_s, previous * 3))
                yield previous
            n += 1
    # --8<-- [end:delays]

    # --8<-- [start:call]
    def call(self, operation: Callable, *args, **kwargs):
        deadline = self.clock() + self.deadline_s
        delays = self.delays()
        if self.budget is not None:
            self.budget.first_attempt()
        attempt = 0
        while True:
            attempt += 1
            try:
                return operation(*args, **kwargs)
            except Exception as error:
                if not retryable(error):
                    raise                                        # (1)!
                if attempt == self.max_attempts:
                    raise _gave_up(error, f"after {attempt} attempts")
                delay = next(delays)
                asked = getattr(error, "retry_after_s", None)
                if asked is not None:
                    delay = max(delay, asked)
                if self.clock() + delay >= deadline:
                    raise _gave_up(error, f"the next try would start after the "
                                          f"{self.deadline_s:g} s deadline")
                if self.budget is not None and not self.budget.try_spend():
                    raise _gave_up(error, "the retry budget is spent")  # (2)!
                self.sleep(delay)

    def call_idempotent(self, operation: Callable, *args, **kwargs):
        """`call`, passing one new key as `idempotency_key` to every attempt."""
        return self.call(operation, *args, idempotency_key=self.new_key(), **kwargs)  # (3)!
    # --8<-- [end:call]


def _gave_up(error: Exception, why: str) -> Exception:
    error.add_note(f"retries stopped: {why}")  # the caller sees the real error, and why
    return error
