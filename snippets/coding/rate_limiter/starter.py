"""Your rate limiter: copy this file, fill it in, test it.

    cp snippets/coding/rate_limiter/starter.py mine.py
    python3 dev.py practice rate-limiter --impl mine.py --level 1

The tests build `RateLimiter(limit, window_s, clock=clock)` and call `allow()`,
which must return True or False. `clock` is a function of no arguments giving
seconds; the tests pass a fake one and move it by hand, so never call
time.time() or time.sleep() yourself. Level 2 adds `algorithm="sliding_log"`
and `algorithm="sliding_counter"`; level 3 adds `allow(key)`, `len(limiter)`
and calls from many threads. The rules of each level are on the page:
docs/coding/rate-limiter.md.
"""
from __future__ import annotations

import time


class RateLimiter:
    def __init__(self, limit, window_s, *, algorithm="token_bucket", clock=time.monotonic):
        self.limit, self.window_s, self.algorithm, self.clock = limit, window_s, algorithm, clock

    def allow(self, key=None):
        """True if this request may go ahead (and count it), False if not."""
        raise NotImplementedError("start with level 1: a token bucket of `limit` tokens, "
                                  "refilled at limit / window_s tokens a second")
