"""Rate limiter: level1.py, level2.py and solution.py (all three levels), a
starter for readers, clock.py (the fake clock the tests use), followups.py,
compare.py (the algorithms side by side), budget.py and benchmark.py.
Page: docs/coding/rate-limiter.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice rate-limiter --impl FILE`: a class the tests build as
`RateLimiter(limit, window_s, algorithm=..., clock=...)` and whose `allow` they
call (from many threads at level 3). The level tests check that every answer is
True or False and name the call in one line when it is not
(tests/coding/rate_limiter/helpers.py).
"""
PRACTICE = {"entry": "RateLimiter", "kind": "class",
            "signature": "RateLimiter(limit, window_s, algorithm='token_bucket', clock=time.monotonic)",
            "methods": ["allow"]}
