"""Pure functions for the page's examples, defined at module level so that every
process can name them ("snippets.coding.persistent_lru.examples:slow_square").

`COMPUTED` counts how often each one really ran, so an example can show a hit.

>>> slow_square(3), COMPUTED["slow_square"] >= 1
(9, True)
"""
from __future__ import annotations

from collections import Counter

COMPUTED: Counter[str] = Counter()


def slow_square(x: int) -> int:
    """x * x; imagine it took a second."""
    COMPUTED["slow_square"] += 1
    return x * x


def increment(x: int) -> int:
    """x + 1: as cheap as a function can be, so a benchmark sees the cache's own cost."""
    return x + 1


def tokens(text: str, *, lower: bool = False) -> tuple[str, ...]:
    """The words of `text`, as a tuple (lower-cased if asked)."""
    COMPUTED["tokens"] += 1
    return tuple((text.lower() if lower else text).split())


def make_scaler(k: int):
    """A closure: its qualified name is make_scaler.<locals>.scale in every process,
    whatever `k` is, so a cache that named it would mix up results."""
    def scale(x: int) -> int:
        return k * x
    return scale
