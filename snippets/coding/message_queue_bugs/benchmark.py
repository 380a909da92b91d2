"""Figures for the Complexity section of docs/coding/message-queue-bugs.md.

    .venv/bin/python -m snippets.coding.message_queue_bugs.benchmark

prints, for the fixed queue with `F` deliveries in flight, the time per call of
each operation (`ack` should not grow with `F`; a sweep that finds nothing
expired still reads every deadline, so it grows linearly), then the memory each
leak keeps per cycle in the broken queue and in the fixed one, measured with
tracemalloc. Timings depend on the machine; run it on yours. At a tiny size,
for the tests:

>>> rows = timings(sizes=(10, 100), calls=5, repeats=2)
>>> [row[0] for row in rows], len(rows[0])
([10, 100], 5)
>>> leaks = leak_per_cycle(cycles=200)
>>> sorted(leaks)
['fixed', 'starter']
>>> leaks["starter"]["ack with callback"] > 50 > leaks["fixed"]["ack with callback"]
True
"""
from __future__ import annotations

import platform
import sys
import time

from snippets.coding.message_queue_bugs import solution, starter
from snippets.coding.message_queue_bugs.testkit import FakeClock, retained_bytes

SIZES = (1_000, 10_000, 100_000)


def _best_us(work, calls: int, repeats: int) -> float:
    """Microseconds per call of `work(i)`, the best of `repeats` runs of `calls`
    calls (the best, because a busy machine only ever adds time)."""
    best, i = float("inf"), 0
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(calls):
            work(i)
            i += 1
        best = min(best, (time.perf_counter() - start) / calls * 1e6)
    return best


def timings(sizes=SIZES, calls: int = 200, repeats: int = 5) -> list[tuple[int, float, float, float, float]]:
    """(F, publish, receive, ack, sweep), each in microseconds per call, with
    between F and F + 2 * calls * repeats deliveries in flight, none expired."""
    rows = []
    extra = calls * repeats
    for size in sizes:
        queue = solution.MessageQueue(visibility_timeout=30, clock=FakeClock())
        queue.register("c")
        held = []
        for i in range(size + extra):
            queue.publish(i)
            held.append(queue.receive("c", timeout=0).receipt)
        publish = _best_us(lambda i: queue.publish(i), calls, repeats)
        receive = _best_us(lambda i: queue.receive("c", timeout=0), calls, repeats)
        ack = _best_us(lambda i: queue.ack(held[i]), calls, repeats)
        sweep = _best_us(lambda i: queue.redeliver_expired(), max(1, calls // 50), repeats)
        rows.append((size, publish, receive, ack, sweep))
    return rows


def leak_per_cycle(cycles: int = 2000) -> dict[str, dict[str, float]]:
    """Bytes each cycle leaves allocated, per queue and per kind of cycle."""
    found = {}
    for label, module in (("starter", starter), ("fixed", solution)):
        queue = module.MessageQueue(clock=FakeClock())
        queue.register("c")

        def acked(i):
            queue.publish(i, on_ack=lambda message_id: None)
            queue.ack(queue.receive("c", timeout=0).receipt)

        def consumer(i):
            queue.register(f"worker-{i}")
            queue.unregister(f"worker-{i}")

        found[label] = {"ack with callback": retained_bytes(acked, cycles) / cycles,
                        "consumer comes and goes": retained_bytes(consumer, cycles) / cycles}
    return found


def daily_growth_gib(bytes_per_cycle: float, cycles_per_second: float) -> float:
    """What a leak of so many bytes per cycle adds in a day, in GiB.

    >>> round(daily_growth_gib(200, 1000), 1)
    16.1
    """
    return bytes_per_cycle * cycles_per_second * 86_400 / 2**30


def report(sizes=SIZES, cycles: int = 2000) -> str:
    """The timings, sweep first and at most 38 characters a line (a phone's
    width), then the leaks.

    >>> lines = report(sizes=(10,), cycles=50).splitlines()
    >>> lines[2:4]
    ['microseconds per call', 'in flight  sweep publish receive   ack']
    >>> max(len(line) for line in lines[2:5]) <= 38
    True
    """
    lines = [f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}",
             "",
             "microseconds per call",
             f"{'in flight':>9} {'sweep':>6} {'publish':>7} {'receive':>7} {'ack':>5}"]
    for size, publish, receive, ack, sweep in timings(sizes):
        lines.append(f"{size:>9,} {sweep:>6.0f} {publish:>7.2f} {receive:>7.2f} {ack:>5.2f}")
    lines += ["", f"bytes kept per cycle (tracemalloc, {cycles:,} cycles)"]
    for label, figures in leak_per_cycle(cycles).items():
        for cycle, kept in figures.items():
            lines.append(f"  {label:<8} {cycle:<24} {kept:>7.1f}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(), file=sys.stdout)
