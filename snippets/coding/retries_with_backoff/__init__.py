"""Retries with backoff, jitter and idempotency keys: level1.py, level2.py and
solution.py (all three levels), a starter for readers, fakes.py (the clock,
sleeper, random source and flaky services the tests use), herd.py (jitter and
budgets simulated), followups.py and budget.py.
Page: docs/coding/retries-with-backoff.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice retries-with-backoff --impl FILE`: a class the tests
build as `Retrier(max_attempts, base_s, cap_s, ...)` and whose `call` they use
(and `call_idempotent` at level 3).
"""
PRACTICE = {"entry": "Retrier", "kind": "class",
            "signature": "Retrier(max_attempts=3, base_s=0.1, cap_s=5.0, *, sleep=time.sleep, ...)",
            "methods": ["call"]}
