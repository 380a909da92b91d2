"""Level 1 of docs/coding/retries-with-backoff.md: retry what is worth retrying,
with capped exponential backoff and a limit on attempts.

>>> from snippets.coding.retries_with_backoff.fakes import FakeClock, FakeSleep, FlakyService
>>> clock = FakeClock(); sleep = FakeSleep(clock)
>>> service = FlakyService(clock, ["503", "reset", "ok"])
>>> Retrier(max_attempts=4, base_s=0.25, cap_s=5.0, sleep=sleep).call(service)
'ok'
>>> sleep.slept                                   # 0.25, then twice that
[0.25, 0.5]
"""
from __future__ import annotations

import time
from collections.abc import Callable


# --8<-- [start:retryable]
def retryable(error: BaseException) -> bool:
    """Worth another try: no reply (a timeout, a dropped connection), or a status that
    says "not now" (408 timeout, 409 conflict, 429 too many requests, any 5xx)."""
    if isinstance(error, (TimeoutError, ConnectionError)):  # (1)!
        return True
    status = getattr(error, "status", None)
    return isinstance(status, int) and (status in (408, 409, 429) or 500 <= status <= 599)
# --8<-- [end:retryable]


# --8<-- [start:retrier]
class Retrier:
    """Call an operation; on a retryable failure, wait and try again, up to a limit."""

    def __init__(self, max_attempts: int = 3, base_s: float = 0.1, cap_s: float = 5.0, *,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.max_attempts, self.base_s, self.cap_s = max_attempts, base_s, cap_s
        self.sleep = sleep

    def call(self, operation: Callable, *args, **kwargs):
        attempt = 0
        while True:
            attempt += 1
            try:
                return operation(*args, **kwargs)
            except Exception as error:              # (1)!
                if not retryable(error) or attempt == self.max_attempts:
                    raise                           # (2)!
                self.sleep(min(self.cap_s, self.base_s * 2 ** (attempt - 1)))
# --8<-- [end:retrier]
