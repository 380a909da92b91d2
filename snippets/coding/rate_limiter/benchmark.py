"""Measured costs of the reference: memory per key, time per call, and the effect
of many keys. Run it for the page's figures:

    .venv/bin/python -m snippets.coding.rate_limiter.benchmark

The doctests run each measurement at a tiny size and check only its shape, since
bytes and microseconds depend on the machine and the Python build.

>>> sizes = bytes_per_key(limit=5, keys=50)
>>> sorted(sizes) == ["sliding_counter", "sliding_log", "token_bucket"]
True
>>> sizes["sliding_log"] > sizes["token_bucket"]   # the log holds up to `limit` times
True
>>> sorted(microseconds_per_call(calls=200, keys=10))
['sliding_counter', 'sliding_log', 'token_bucket']
>>> len(keys_held_scaling(key_counts=(10, 100), calls=200))
2
"""
from __future__ import annotations

import gc
import platform
import time
import tracemalloc

from snippets.coding.rate_limiter.clock import FakeClock
from snippets.coding.rate_limiter.solution import ALGORITHMS, RateLimiter


def bytes_per_key(limit: int = 100, keys: int = 500) -> dict[str, float]:
    """Traced bytes per key, each key's window filled to `limit` admitted calls."""
    result = {}
    for name in ALGORITHMS:
        clock = FakeClock()
        limiter = RateLimiter(limit, 60.0, algorithm=name, clock=clock)
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for number in range(keys):
                for call in range(limit):   # a new float each call, as a real clock gives
                    clock.now = number * 1e-3 + call * 1e-6
                    limiter.allow(number)   # small ints: the key itself costs nothing
            after = tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        result[name] = (after - before) / keys
    return result


def microseconds_per_call(calls: int = 100_000, keys: int = 1_000) -> dict[str, float]:
    """Mean wall time of one `allow`, one thread, cycling over `keys` keys."""
    result = {}
    for name in ALGORITHMS:
        clock = FakeClock()
        limiter = RateLimiter(100, 1.0, algorithm=name, clock=clock)
        for number in range(keys):             # warm up: every key made once, untimed
            limiter.allow(number)
        started = time.perf_counter()
        for number in range(calls):
            clock.now = number * 1e-5          # time moves: refills and expiries happen
            limiter.allow(number % keys)
        result[name] = (time.perf_counter() - started) / calls * 1e6
    return result


def keys_held_scaling(key_counts: tuple[int, ...] = (1_000, 100_000), calls: int = 50_000) -> list[tuple[int, float]]:
    """Microseconds per call with `count` keys held, each call a new key and each
    call forgetting the one key that has just been idle for two windows: the
    eviction check must cost the same whatever the number of keys held."""
    rows = []
    for count in key_counts:
        clock = FakeClock()
        limiter = RateLimiter(10, 1.0, clock=clock)
        step = 2.0 / count                      # keys' last calls spread over two windows
        for number in range(count):
            clock.now = number * step
            limiter.allow(number)
        started = time.perf_counter()
        for number in range(count, count + calls):
            clock.now = number * step           # key number - count is now idle 2 s: gone
            limiter.allow(number)
        rows.append((count, (time.perf_counter() - started) / calls * 1e6))
    return rows


def report() -> str:  # pragma: no cover - run by hand; the doctests check the parts
    lines = [f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}"]
    lines.append("bytes per key, window full (limit 100):")
    lines += [f"  {name:<16}{size:>10,.0f}" for name, size in bytes_per_key().items()]
    lines.append("microseconds per allow(), one thread, 1,000 keys:")
    lines += [f"  {name:<16}{us:>10.2f}" for name, us in microseconds_per_call().items()]
    lines.append("microseconds per allow() with N keys held (token bucket, keys expiring):")
    lines += [f"  N = {count:<12,}{us:>10.2f}" for count, us in keys_held_scaling()]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(report())
