"""Crash-resilient LRU memoizer: level1.py (in memory), level2.py (a log replayed
at start), solution.py (crash-safe: checksums, torn tails, atomic compaction,
one writer, threads), a starter for readers, examples.py (functions the page's
examples memoize), followups.py, budget.py and benchmark.py.
Page: docs/coding/persistent-lru.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice persistent-lru --impl FILE`: a class the tests build as
`LRU(capacity, persistence_path)` and whose `generate_key` and `call` they call
(at level 3 also from child processes that are killed, and from many threads).
"""
PRACTICE = {"entry": "LRU", "kind": "class",
            "signature": "LRU(capacity, persistence_path)",
            "methods": ["generate_key", "call"]}
