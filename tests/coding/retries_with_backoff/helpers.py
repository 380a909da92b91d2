"""What the level tests share: a call whose result is checked.

`result_of` runs `retrier.call` (or `call_idempotent`) and checks that it returned
exactly what the operation's successful attempt returned; anything else stops the
test with one line naming the method (as the practice harness reports a wrong shape).
"""
from __future__ import annotations

from collections.abc import Callable

from tools.harness import ReaderProblem


def result_of(retrier, operation: Callable, *args, method: str = "call", **kwargs):
    returned = []

    def recorded(*a, **k):
        value = operation(*a, **k)
        returned.append(value)
        return value

    result = getattr(retrier, method)(recorded, *args, **kwargs)
    if not returned or result is not returned[-1]:
        wanted = repr(returned[-1]) if returned else "nothing: no attempt succeeded"
        raise ReaderProblem(f"Retrier.{method} returned {result!r}; it must return what the "
                            f"operation returned ({wanted})")
    return result
