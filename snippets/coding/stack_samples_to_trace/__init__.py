"""Stack samples to trace events: level1.py, solution.py (both levels), a
starter for readers, and followups.py. Page: docs/coding/stack-samples-to-trace.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice stack-samples-to-trace --impl FILE`; `probe` holds the
positional arguments of one small first call, and `check` names the function
below, which tools/harness.py runs on every answer to name a wrong shape in
one line instead of a failed comparison.
"""
from __future__ import annotations

PRACTICE = {"entry": "convert_to_trace", "kind": "function",
            "signature": "convert_to_trace(samples, min_run=1) -> list[Event]",
            "probe": [[(0, ["main"]), (1, ["main", "work"])]],
            "check": "check_events"}


def check_events(*args: object) -> str | None:
    """What is wrong with the shape of a `convert_to_trace` answer, or None.

    The harness passes the call's positional arguments, then the result. Only
    the result is looked at: `samples` may be an iterator the call has used up.

    >>> check_events([], None)
    'returned None; it must return a list of Event(kind, ts, name) tuples'
    >>> check_events([], (e for e in []))
    'returned a generator; it must return a list of Event(kind, ts, name) tuples'
    >>> check_events([], ["start"])
    "returned a list holding 'start'; every event must be a (kind, ts, name) tuple"
    >>> check_events([], [("begin", 0, "main")])
    "returned an event of kind 'begin'; kind must be 'start' or 'end'"
    >>> check_events([], [("start", 0, "main")]) is None
    True
    """
    result = args[-1]
    if not isinstance(result, list):
        shown = "None" if result is None else f"a {type(result).__name__}"
        return f"returned {shown}; it must return a list of Event(kind, ts, name) tuples"
    for event in result:
        if not isinstance(event, tuple) or len(event) != 3:
            return f"returned a list holding {event!r}; every event must be a (kind, ts, name) tuple"
        if event[0] not in ("start", "end"):
            return f"returned an event of kind {event[0]!r}; kind must be 'start' or 'end'"
    return None
