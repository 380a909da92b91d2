"""Stack samples to trace events, level 1: the plain conversion.

Each sample's stack is compared with the one before it, from the outermost
frame in; everything past the longest common prefix has changed. The examples
run as doctests on the page, docs/coding/stack-samples-to-trace.md, and the
rules as tests in tests/coding/stack_samples_to_trace/.

>>> convert_to_trace([(0, ["main"]), (5, ["main", "f"]), (9, ["main"])])
[Event(kind='start', ts=0, name='main'), Event(kind='start', ts=5, name='f'), Event(kind='end', ts=9, name='f')]
"""
from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence


# --8<-- [start:event]
class Event(NamedTuple):
    kind: str   # "start" or "end"
    ts: float   # the timestamp of the sample that showed the change
    name: str
# --8<-- [end:event]


# --8<-- [start:convert]
def convert_to_trace(samples: Iterable[tuple[float, Sequence[str]]]) -> list[Event]:
    """Start and end events for every change between consecutive stacks."""
    events: list[Event] = []
    previous: list[str] = []  # the last sample's stack, outermost first
    last_ts = None
    for ts, stack in samples:
        if last_ts is not None and ts < last_ts:  # (1)!
            raise ValueError(f"timestamps go backwards: {ts!r} after {last_ts!r}")
        last_ts = ts
        keep = 0  # (2)!
        while keep < min(len(previous), len(stack)) and previous[keep] == stack[keep]:
            keep += 1
        events += [Event("end", ts, name) for name in reversed(previous[keep:])]  # (3)!
        events += [Event("start", ts, name) for name in stack[keep:]]
        previous = list(stack)  # (4)!
    return events  # (5)!
# --8<-- [end:convert]
