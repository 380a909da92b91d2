"""The three tools the tests of docs/coding/message-queue-bugs.md are built on.

- `FakeClock`: time that moves only when a test says so, so visibility timeouts
  expire on demand and no test sleeps.
- `Switch`: a checkpoint function that forces one thread switch at a named
  point, so a race happens every time instead of once in a thousand runs.
- `finishes`: a call with a time limit, for a fix that could deadlock.
- `retained_bytes`: how much memory is still held after many cycles of some
  work, measured with `tracemalloc`, so a leak is a number, not a hunch.

The forced switch, on the smallest race there is (a check, then an act):

>>> switch = Switch()
>>> balance = {"alice": 100}
>>> def withdraw(amount):
...     if balance["alice"] >= amount:      # check
...         switch("withdraw")              # another thread may run here
...         balance["alice"] -= amount      # act on what was checked
...         return True
...     return False
>>> first, then = switch.run(lambda: withdraw(80), at="withdraw", then=lambda: withdraw(80))
>>> first.value, then.value, balance["alice"], switch.fired
(True, True, -60, True)

CPython lets a thread run this long before it asks it to give way to another
(seconds; `sys.setswitchinterval` changes it):

>>> sys.getswitchinterval()
0.005
"""
from __future__ import annotations

import gc
import sys
import threading
import tracemalloc
from dataclasses import dataclass
from typing import Any, Callable


# --8<-- [start:clock]
class FakeClock:
    """A clock for the queue's `clock=` argument; it moves only on `advance`.

    >>> clock = FakeClock()
    >>> clock(), clock.advance(30), clock()
    (0.0, None, 30.0)
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()  # tests advance it from several threads

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds
# --8<-- [end:clock]


@dataclass(frozen=True)
class Outcome:
    """What one call did: returned `value`, or raised `error`."""

    value: Any = None
    error: BaseException | None = None

    def get(self) -> Any:
        """The value, or the error raised again.

        >>> Outcome(value=3).get()
        3
        >>> Outcome(error=KeyError("gone")).get()
        Traceback (most recent call last):
        ...
        KeyError: 'gone'
        """
        if self.error is not None:
            raise self.error
        return self.value


class Stuck(AssertionError):
    """A call that did not return: a lost wakeup or a deadlock."""


class _Call(threading.Thread):
    def __init__(self, job: Callable[[], Any], name: str, done: threading.Event | None = None) -> None:
        super().__init__(name=name, daemon=True)
        self.job, self.done, self.outcome = job, done, None

    def run(self) -> None:
        try:
            self.outcome = Outcome(value=self.job())
        except BaseException as error:  # reported to the test, which decides
            self.outcome = Outcome(error=error)
        finally:
            if self.done is not None:
                self.done.set()


@dataclass
class _Plan:
    point: str
    first: _Call
    then: _Call
    settled: threading.Event
    decided: bool = False  # has someone started `then`?


# --8<-- [start:switch]
class Switch:
    """A checkpoint that can force one thread switch; pass it as `checkpoint=`.

    `run(first, at=point, then=second)` runs `first()` in a new thread. The first
    time that thread calls the checkpoint with `point`, it stops there while
    `second()` runs to the end in another thread; then `first` goes on. Both
    outcomes are returned. Every other checkpoint call only records its point in
    `reached`.

    The waits only bound what a wrong program can do; none decides the outcome
    for a correct one. If `second` has not finished after `grace` seconds (it is
    blocked, say on a lock `first` holds at the point), `first` goes on anyway.
    `watch(queue)` makes that wait `brief` whenever `first` holds one of the
    queue's locks at the point: `second` then blocks on it, and only `first`
    going on can free it. If `first` neither reaches `point` nor returns within
    `patience` seconds (it blocks before the point), `second` runs then. If
    either call is still running `patience` seconds after that, `run` raises
    `Stuck`.
    """

    def __init__(self, *, grace: float = 1.5, patience: float = 2.5, brief: float = 0.05) -> None:
        self.grace, self.patience, self.brief = grace, patience, brief
        self.reached: list[str] = []
        self.fired = False
        self._plan: _Plan | None = None
        self._lock = threading.Lock()
        self._watched: list[Any] = []

    def watch(self, owner: Any) -> None:
        """Note the locks and conditions among `owner`'s attributes."""
        self._watched = [v for v in vars(owner).values()
                         if callable(getattr(v, "_is_owned", None)) or callable(getattr(v, "locked", None))]

    def _holding_a_lock(self) -> bool:
        """Does the calling thread hold a watched lock? (Lock: is it locked at all,
        which at a checkpoint means by this thread; RLock and Condition: by this thread.)"""
        return any(v._is_owned() if callable(getattr(v, "_is_owned", None)) else v.locked()
                   for v in self._watched)

    def __call__(self, point: str) -> None:
        self.reached.append(point)
        with self._lock:
            plan = self._plan
            if (plan is None or plan.decided or point != plan.point
                    or threading.current_thread() is not plan.first):
                return
            plan.decided = self.fired = True
        wait = self.brief if self._holding_a_lock() else self.grace
        plan.then.start()  # (1)!
        plan.then.join(wait)
        plan.settled.set()

    def run(self, first: Callable[[], Any], *, at: str,
            then: Callable[[], Any]) -> tuple[Outcome, Outcome]:
        settled = threading.Event()
        plan = _Plan(at, _Call(first, "first", settled), _Call(then, "then"), settled)
        with self._lock:
            self._plan, self.fired = plan, False
        plan.first.start()
        settled.wait(self.patience)  # (2)!
        with self._lock:
            start_then_here, plan.decided = not plan.decided, True
        if start_then_here:
            plan.then.start()
        plan.first.join(self.patience)
        plan.then.join(self.patience)
        with self._lock:
            self._plan = None
        for call in (plan.first, plan.then):
            if call.is_alive():
                raise Stuck(f"the {call.name} call was still running {self.patience:g} s after "
                            f"the switch at {at!r}: a lost wakeup or a deadlock "
                            f"(checkpoints reached: {', '.join(self.reached)})")
        return plan.first.outcome, plan.then.outcome
# --8<-- [end:switch]


def finishes(job: Callable[[], Any], within: float = 2.0) -> Outcome:
    """Run `job()` in another thread and return its outcome; `Stuck` if it is
    still running after `within` seconds (a deadlock, say).

    >>> finishes(lambda: 6 * 7)
    Outcome(value=42, error=None)
    >>> lock = threading.Lock()
    >>> lock.acquire()
    True
    >>> finishes(lock.acquire, within=0.01)
    Traceback (most recent call last):
    ...
    snippets.coding.message_queue_bugs.testkit.Stuck: still running after 0.01 s: a deadlock?
    >>> lock.release()
    """
    call = _Call(job, "job")
    call.start()
    call.join(within)
    if call.is_alive():
        raise Stuck(f"still running after {within:g} s: a deadlock?")
    return call.outcome


# --8<-- [start:retained]
def retained_bytes(cycle: Callable[[int], Any], cycles: int = 2000, warmup: int = 200) -> int:
    """Bytes still allocated after `cycles` calls of `cycle(i)`, counted from a
    point where `warmup` calls have already run (caches and free lists full).

    >>> kept = []
    >>> retained_bytes(lambda i: kept.append(str(i) * 10), cycles=1000) > 1000 * 40
    True
    >>> retained_bytes(lambda i: str(i) * 10, cycles=1000) < 1000
    True
    """
    tracing = tracemalloc.is_tracing()
    if not tracing:
        tracemalloc.start()
    try:
        for i in range(warmup):
            cycle(i)
        gc.collect()  # (1)!
        before = tracemalloc.get_traced_memory()[0]
        for i in range(warmup, warmup + cycles):
            cycle(i)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        if not tracing:
            tracemalloc.stop()
# --8<-- [end:retained]
