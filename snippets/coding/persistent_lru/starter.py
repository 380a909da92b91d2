"""Your crash-resilient LRU memoizer: copy this file, fill it in, test it.

    cp snippets/coding/persistent_lru/starter.py mine.py
    python3 dev.py practice persistent-lru --impl mine.py --level 1

The tests build `LRU(capacity, persistence_path)`, where persistence_path is a
file in a fresh temporary folder, and call `generate_key(func, *args, **kwargs)`
and `call(func, *args, **kwargs)`. The functions they memoize are defined at
module level in tests/coding/persistent_lru/workload.py, so every process can
name them. Level 1 is the in-memory LRU; level 2 keeps the entries in the file
across restarts; level 3 survives being killed at any moment. The rules of each
level are on the page: docs/coding/persistent-lru.md.
"""
from __future__ import annotations


class LRU:
    def __init__(self, capacity, persistence_path):
        self.capacity = capacity
        self.persistence_path = persistence_path

    def generate_key(self, func, *args, **kwargs):
        """A hashable key for this call; the same for any order of keywords."""
        raise NotImplementedError("start with level 1: a key naming the function and its arguments")

    def call(self, func, *args, **kwargs):
        """func(*args, **kwargs), from the cache when it holds the result."""
        raise NotImplementedError("start with level 1: return the cached result or compute it")
