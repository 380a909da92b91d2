"""Your stack-samples-to-trace converter: copy this file, fill it in, test it.

    cp snippets/coding/stack_samples_to_trace/starter.py mine.py
    python3 dev.py practice stack-samples-to-trace --impl mine.py --level 1

The tests call `convert_to_trace(samples)` (level 1) and
`convert_to_trace(samples, min_run=N)` (level 2). `samples` is any iterable of
(timestamp, stack) pairs in time order; each stack is a list or tuple of
function names, outermost call first. Return a list of events; `Event` below is
ready to use (a plain tuple ("start", ts, name) compares equal to it too).
The rules of each level are on the page: docs/coding/stack-samples-to-trace.md.
"""
from __future__ import annotations

from typing import NamedTuple


class Event(NamedTuple):
    kind: str   # "start" or "end"
    ts: float   # when it happened: the timestamp of a sample
    name: str   # the function's name


def convert_to_trace(samples, min_run=1):
    """Turn stack samples into start and end events, in order."""
    raise NotImplementedError("start with level 1: diff each stack against the one before it")
