"""Stack samples to trace events, both levels: the reference.

Level 1 (level1.py) plus `min_run`: a frame is reported only once it has been on
the stack for `min_run` consecutive samples, and its start keeps the timestamp
of the first of them. Events are produced lazily by `trace_events`, so a stream
of samples of any length is converted in memory bounded by the deepest stack;
`convert_to_trace` collects them into a list. Page:
docs/coding/stack-samples-to-trace.md; tests: tests/coding/stack_samples_to_trace/.

Our worked example, the one on the page: `read` is seen once, `eval` twice.

>>> samples = [(0, ["main"]), (10, ["main", "parse"]), (20, ["main", "parse", "read"]),
...            (30, ["main", "eval"]), (40, ["main", "eval"])]
>>> for event in convert_to_trace(samples):
...     print(*event)
start 0 main
start 10 parse
start 20 read
end 30 read
end 30 parse
start 30 eval
>>> for event in convert_to_trace(samples, min_run=2):
...     print(*event)
start 0 main
start 10 parse
end 30 parse
start 30 eval
"""
from __future__ import annotations

from typing import Iterable, Iterator, NamedTuple, Sequence


class Event(NamedTuple):
    kind: str   # "start" or "end"
    ts: float   # the timestamp of the sample that showed the change
    name: str


# --8<-- [start:frame]
class Frame(NamedTuple):
    name: str
    first: int     # index of the first sample it was seen in
    since: float   # that sample's timestamp: the start we report
# --8<-- [end:frame]


# --8<-- [start:convert]
def convert_to_trace(samples: Iterable[tuple[float, Sequence[str]]],
                     min_run: int = 1) -> list[Event]:
    """Start and end events of every frame seen in at least `min_run` consecutive samples."""
    return list(trace_events(samples, min_run))
# --8<-- [end:convert]


# --8<-- [start:trace]
def trace_events(samples: Iterable[tuple[float, Sequence[str]]],
                 min_run: int = 1) -> Iterator[Event]:
    """The same events as `convert_to_trace`, one at a time, as the samples arrive."""
    if not isinstance(min_run, int) or min_run < 1:  # (1)!
        raise ValueError(f"min_run must be a whole number of samples, at least 1: {min_run!r}")
    return _events(samples, min_run)


def _events(samples: Iterable[tuple[float, Sequence[str]]], min_run: int) -> Iterator[Event]:
    """The generator itself, so that a bad `min_run` fails at the call, not at the first event."""
    frames: list[Frame] = []  # the previous sample's stack, outermost first
    reported = 0  # (2)!
    last_ts = None
    for index, (ts, stack) in enumerate(samples):
        if last_ts is not None and ts < last_ts:
            raise ValueError(f"sample {index}: timestamps go backwards: {ts!r} after {last_ts!r}")
        last_ts = ts
        keep = common_prefix(frames, stack)
        for frame in reversed(frames[keep:reported]):  # (3)!
            yield Event("end", ts, frame.name)
        del frames[keep:]
        reported = min(reported, keep)
        frames += [Frame(name, index, ts) for name in stack[keep:]]
        while reported < len(frames) and index - frames[reported].first + 1 >= min_run:  # (4)!
            yield Event("start", frames[reported].since, frames[reported].name)  # (5)!
            reported += 1


def common_prefix(frames: list[Frame], stack: Sequence[str]) -> int:
    """How many frames, from the outermost, the new stack still shares."""
    keep, limit = 0, min(len(frames), len(stack))
    while keep < limit and frames[keep].name == stack[keep]:  # (6)!
        keep += 1
    return keep
# --8<-- [end:trace]
