"""Follow-ups to docs/coding/stack-samples-to-trace.md: the site's own material.

- `to_chrome_trace`: the events as Chrome's Trace Event Format, JSON with
  `"ph": "B"` (begin) and `"ph": "E"` (end) records, which Perfetto and
  chrome://tracing open.
- `samples_seen`, `sampling_report`: what a sampler running every `interval`
  sees of a call lasting `duration`, when the call starts at a random moment
  between two samples.

Streaming needs no extra code: `solution.trace_events` is already lazy.
"""
from __future__ import annotations

import json
from fractions import Fraction
from typing import Iterable

from snippets.coding.stack_samples_to_trace.solution import Event


# --8<-- [start:chrome]
def to_chrome_trace(events: Iterable[Event], *, us_per_tick: float = 1, pid: int = 1,
                    tid: int = 1, close_at: float | None = None) -> str:
    """Events as a Trace Event Format JSON object ("ts" in microseconds).

    >>> events = [Event("start", 0, "main"), Event("start", 2, "f"), Event("end", 3, "f")]
    >>> print(to_chrome_trace(events, us_per_tick=1000, close_at=4))
    {"traceEvents": [
    {"name": "main", "ph": "B", "ts": 0, "pid": 1, "tid": 1},
    {"name": "f", "ph": "B", "ts": 2000, "pid": 1, "tid": 1},
    {"name": "f", "ph": "E", "ts": 3000, "pid": 1, "tid": 1},
    {"name": "main", "ph": "E", "ts": 4000, "pid": 1, "tid": 1}
    ], "displayTimeUnit": "ms"}
    """
    records, still_open = [], []
    for kind, ts, name in events:
        phase = "B" if kind == "start" else "E"
        if phase == "B":
            still_open.append(name)
        else:
            still_open.pop()  # (1)!
        records.append({"name": name, "ph": phase, "ts": round(ts * us_per_tick),
                        "pid": pid, "tid": tid})
    if close_at is not None:  # (2)!
        records += [{"name": name, "ph": "E", "ts": round(close_at * us_per_tick),
                     "pid": pid, "tid": tid} for name in reversed(still_open)]
    lines = ",\n".join(json.dumps(record) for record in records)
    return '{"traceEvents": [\n' + lines + '\n], "displayTimeUnit": "ms"}'  # (3)!
# --8<-- [end:chrome]


# --8<-- [start:sampling]
def samples_seen(duration: Fraction | int, interval: Fraction | int) -> dict[int, Fraction]:
    """How many samples land inside one call, with the chance of each count.

    A call of `duration` starts at a uniformly random moment relative to a
    sampler that fires every `interval`: it holds either floor(duration /
    interval) samples or one more, the second with probability equal to the
    fractional part.

    >>> samples_seen(3, 10)
    {0: Fraction(7, 10), 1: Fraction(3, 10)}
    >>> samples_seen(25, 10)
    {2: Fraction(1, 2), 3: Fraction(1, 2)}
    >>> samples_seen(30, 10)
    {3: Fraction(1, 1)}
    """
    whole, rest = divmod(Fraction(duration), Fraction(interval))
    more = rest / Fraction(interval)
    odds = {int(whole): 1 - more, int(whole) + 1: more}
    return {count: chance for count, chance in odds.items() if chance}


def sampling_report(duration: int, interval: int, min_run: int = 1) -> str:
    """What the trace shows of one call: counts, apparent lengths, the mean, and
    the chance that `min_run` keeps it (the start at the first sample's time).

    >>> print(sampling_report(3, 10))
    3 ms call, a sample every 10 ms:
      0 samples (70%): not in the trace
      1 sample (30%): looks 10 ms long
      mean apparent length 3 ms; reported with min_run=1: 30%
    >>> print(sampling_report(25, 10, min_run=3))
    25 ms call, a sample every 10 ms:
      2 samples (50%): looks 20 ms long
      3 samples (50%): looks 30 ms long
      mean apparent length 25 ms; reported with min_run=3: 50%
    """
    odds = samples_seen(duration, interval)
    lines = [f"{duration} ms call, a sample every {interval} ms:"]
    for count, chance in odds.items():
        seen = f"looks {count * interval} ms long" if count else "not in the trace"  # (1)!
        lines.append(f"  {count} sample{'' if count == 1 else 's'} ({float(chance):.0%}): {seen}")
    mean = sum(count * interval * chance for count, chance in odds.items())
    kept = sum(chance for count, chance in odds.items() if count >= min_run)
    lines.append(f"  mean apparent length {float(mean):g} ms; reported with min_run={min_run}: {float(kept):.0%}")
    return "\n".join(lines)
# --8<-- [end:sampling]
