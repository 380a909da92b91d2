"""Your retrier: copy this file, fill it in, test it.

    cp snippets/coding/retries_with_backoff/starter.py mine.py
    python3 dev.py practice retries-with-backoff --impl mine.py --level 1

The tests build `Retrier(max_attempts, base_s, cap_s, sleep=...)` and call
`retrier.call(operation, *args, **kwargs)`. Never call time.sleep() or
time.monotonic() yourself: use the `sleep` and `clock` you are given (the tests
pass fakes that record delays and move time by hand), and draw randomness only
with `rng.uniform(low, high)`. The services the tests use raise TimeoutError,
ConnectionError, or the ServiceError below, which has `.status` (an HTTP-style
code) and `.retry_after_s` (None, or seconds). Level 2 adds `jitter`,
`deadline_s`, `clock` and `rng`; level 3 adds `call_idempotent` and the
`budget_*` arguments. The rules of each level are on the page:
docs/coding/retries-with-backoff.md.
"""
from __future__ import annotations

import math
import random
import time
import uuid

from snippets.coding.retries_with_backoff.fakes import ServiceError  # noqa: F401 (what services raise)


class Retrier:
    def __init__(self, max_attempts=3, base_s=0.1, cap_s=5.0, *, jitter="none",
                 deadline_s=math.inf, budget_ratio=None, budget_window_s=10.0, budget_min=10,
                 clock=time.monotonic, sleep=time.sleep, rng=random,
                 new_key=lambda: uuid.uuid4().hex):
        self.max_attempts, self.base_s, self.cap_s = max_attempts, base_s, cap_s
        self.jitter, self.deadline_s = jitter, deadline_s
        self.budget_ratio, self.budget_window_s, self.budget_min = budget_ratio, budget_window_s, budget_min
        self.clock, self.sleep, self.rng, self.new_key = clock, sleep, rng, new_key

    def call(self, operation, *args, **kwargs):
        """Return operation(*args, **kwargs), retrying retryable failures."""
        raise NotImplementedError("start with level 1: call the operation, and on a retryable "
                                  "failure sleep min(cap_s, base_s * 2 ** (n - 1)) before retry n "
                                  "(the first retry waits base_s) and try again")
