"""Follow-ups for docs/coding/retries-with-backoff.md, as tested code.

- Retries at every layer multiply.
- A deadline passed down: each attempt told how long it may take.
- A circuit breaker: stop calling a dependency that keeps failing.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from snippets.coding.retries_with_backoff.fakes import ServiceError


# --8<-- [start:layers]
def attempts_through_layers(attempts_per_layer: int, layers: int) -> int:
    """Requests reaching the bottom service for one user request, when each of
    `layers` callers stacked on each other makes up to `attempts_per_layer` tries.

    >>> attempts_through_layers(4, 1), attempts_through_layers(4, 3)
    (4, 64)
    """
    return attempts_per_layer ** layers
# --8<-- [end:layers]


# --8<-- [start:deadline]
def within(deadline_s: float, operation: Callable, clock: Callable[[], float] = time.monotonic) -> Callable:
    """`operation` wrapped so that each attempt receives `timeout_s`, the time left
    before a deadline fixed now, and an attempt with nothing left fails at once.

    >>> from snippets.coding.retries_with_backoff.fakes import FakeClock
    >>> clock = FakeClock()
    >>> seen = []
    >>> attempt = within(5.0, lambda timeout_s: seen.append(timeout_s), clock)
    >>> attempt(); clock.advance(2.0); attempt(); seen
    [5.0, 3.0]
    """
    deadline = clock() + deadline_s

    def attempt(*args, **kwargs):
        left = deadline - clock()
        if left <= 0:
            raise TimeoutError("no time left before the deadline")  # (1)!
        return operation(*args, timeout_s=left, **kwargs)
    return attempt
# --8<-- [end:deadline]


# --8<-- [start:breaker]
class CircuitBreaker:
    """After `threshold` failures in a row, refuse calls for `open_s` seconds, then
    let one trial call through: success closes the circuit, failure opens it again."""

    def __init__(self, threshold: int, open_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold, self.open_s, self.clock = threshold, open_s, clock
        self.failures, self.opened_at = 0, None

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "open" if self.clock() < self.opened_at + self.open_s else "half-open"

    def call(self, operation: Callable, *args, **kwargs):
        if self.state == "open":
            wait = self.opened_at + self.open_s - self.clock()
            raise ServiceError(503, retry_after_s=wait, detail="circuit open")  # (1)!
        try:
            result = operation(*args, **kwargs)
        except Exception:
            self.failures += 1
            if self.state == "half-open" or self.failures >= self.threshold:
                self.opened_at = self.clock()          # (2)!
            raise
        self.failures, self.opened_at = 0, None
        return result
# --8<-- [end:breaker]
