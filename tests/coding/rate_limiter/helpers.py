"""What the level tests share: the fake clock, a checked call, and the thread hammer.

`admitted` checks that an answer is True or False; anything else stops the test
with one line naming the call (as the practice harness reports a wrong shape).
`hammer` runs callers on many threads at once, with Python switching between
threads as often as it can, so that an unprotected read-then-write in `allow`
has a real chance to interleave; an exception in any thread fails the test.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable

from snippets.coding.rate_limiter.clock import FakeClock
from tools.harness import ReaderProblem

__all__ = ["FakeClock", "admitted", "answers", "hammer"]


def admitted(limiter, *key) -> bool:
    answer = limiter.allow(*key)
    if answer is not True and answer is not False:
        call = f"allow({', '.join(map(repr, key))})"
        raise ReaderProblem(f"RateLimiter.{call} returned {answer!r}; it must return True or False")
    return answer


def answers(limiter, count: int, *key) -> list[bool]:
    return [admitted(limiter, *key) for _ in range(count)]


def hammer(workers: list[Callable[[], None]]) -> None:
    """Start every worker on its own thread at the same moment; wait for all."""
    start = threading.Barrier(len(workers))
    errors: list[BaseException] = []

    def run(work):
        try:
            start.wait()
            work()
        except BaseException as error:  # re-raised below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(w,), daemon=True) for w in workers]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    if errors:
        raise errors[0]
