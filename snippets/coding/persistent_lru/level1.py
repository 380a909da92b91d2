"""Crash-resilient LRU memoizer, level 1: the in-memory LRU, no persistence yet.

The key is the function object itself, with each argument's type beside it (so
f(1), f(1.0) and f(True) are three calls, as with functools.lru_cache(typed=True)),
and the keyword arguments sorted by name. Arguments must be hashable, as with
lru_cache. `persistence_path` is accepted and ignored until level 2.

>>> from snippets.coding.persistent_lru.examples import slow_square, COMPUTED
>>> cache = LRU(2, "unused until level 2")
>>> before = COMPUTED["slow_square"]
>>> cache.call(slow_square, 7), cache.call(slow_square, 7), COMPUTED["slow_square"] - before
(49, 49, 1)
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable


# --8<-- [start:lru]
class LRU:
    """Memoizes calls, `capacity` results at most, evicting the least recently used."""

    def __init__(self, capacity: int, persistence_path: str) -> None:
        if type(capacity) is not int or capacity < 1:
            raise ValueError(f"capacity must be a whole number of at least 1, not {capacity!r}")
        self.capacity = capacity
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()  # (1)!

    def generate_key(self, func: Callable, *args: Any, **kwargs: Any) -> Hashable:
        """The function object, then each argument with its type; keywords sorted."""
        return (func,
                tuple((type(a), a) for a in args),  # (2)!
                tuple((name, type(kwargs[name]), kwargs[name]) for name in sorted(kwargs)))

    def call(self, func: Callable, *args: Any, **kwargs: Any) -> Any:
        key = self.generate_key(func, *args, **kwargs)
        if key in self._entries:
            self._entries.move_to_end(key)  # (3)!
            return self._entries[key]
        value = func(*args, **kwargs)  # (4)!
        self._entries[key] = value
        if len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
        return value
# --8<-- [end:lru]
