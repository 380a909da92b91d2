"""The six bugs planted in starter.py, and the marker that ties a test to one.

A level test decorated with `@exposes(n)` must fail on the broken queue
(test_broken.py marks it `xfail(strict=True)` there) and pass on a fixed one.
`also=(m,)` names a bug that, alone, may make it fail too, depending on thread
timing (test_reference.py allows that failure but does not require it). A level
test without a mark must pass on both: it guards against a test that fails on
anything.
`@luck_based` marks the two stress tests, which may or may not catch the
broken queue and so prove nothing about it.
"""
from __future__ import annotations

from typing import Callable

BUGS = {
    1: "race: register checks that the name is free, then adds it, with no lock held",
    2: "race: ack looks up the delivery outside the lock, so a redelivery can slip in",
    3: "race: the sweep requeues from a list made before it let go of the lock",
    4: "race: receive checks for messages under one lock and waits under another (lost wakeup)",
    5: "leak: an acked message's on_ack callback is never removed",
    6: "leak: an unregistered consumer's record is never removed",
}


def exposes(*bugs: int, also: tuple[int, ...] = ()) -> Callable:
    assert bugs and set(bugs) | set(also) <= set(BUGS), (bugs, also)

    def mark(test: Callable) -> Callable:
        test.exposes, test.also_exposes = bugs, also
        return test
    return mark


def luck_based(test: Callable) -> Callable:
    test.luck_based = True
    return test
