"""What persistence costs: the reference LRU against functools.lru_cache.

    .venv/bin/python -m snippets.coding.persistent_lru.benchmark

Times each kind of call on a function that does almost nothing, so what is
measured is the cache's own overhead per call, in microseconds (median of
`repeats` runs). The log goes to a temporary folder, which on most Linux
machines is the same disk as everything else; on a tmpfs, fsync costs nothing
and the fsync rows mean nothing. Also: the time to open a full log (recovery),
and appends from 4 threads with one fsync each against group commit.

>>> figures = measure(n=30, synced=4, repeats=1, entries=50)
>>> len(figures), list(figures)[:2]
(14, ['lru_cache miss', 'lru_cache hit'])
>>> all(value > 0 for value in figures.values())
True
>>> print(report(figures).splitlines()[0])
call                                    us per call
"""
from __future__ import annotations

import functools
import os
import platform
import statistics
import tempfile
import threading
import time
from typing import Callable

from snippets.coding.persistent_lru.examples import increment as work
from snippets.coding.persistent_lru.followups import GroupCommitLog, _sync
from snippets.coding.persistent_lru.solution import LRU


def per_call(run: Callable[[], None], n: int, repeats: int) -> float:
    """Microseconds per call of `run`, which makes n calls; median of repeats."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) / n * 1e6)
    return statistics.median(times)


def _threads(target: Callable[[int], None], count: int) -> None:
    workers = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def measure(n: int = 10_000, synced: int = 300, repeats: int = 5,
            entries: int = 10_000) -> dict[str, float]:
    """Microseconds per call for each row of the report (two rows are ratios)."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        cached = functools.lru_cache(maxsize=n)(work)
        figures["lru_cache miss"] = per_call(lambda: [cached(x) for x in range(n)], n, 1)
        figures["lru_cache hit"] = per_call(lambda: [cached(7) for _ in range(n)], n, repeats)

        counter = iter(range(10**12))
        with LRU(n, os.path.join(folder, "a.log")) as lru:
            figures["LRU miss (write)"] = per_call(
                lambda: [lru.call(work, next(counter)) for _ in range(n)], n, repeats)
            figures["LRU generate_key alone"] = per_call(
                lambda: [lru.generate_key(work, 7) for _ in range(n)], n, repeats)
            figures["LRU hit, most recent"] = per_call(
                lambda: [lru.call(work, 7) for _ in range(n)], n, repeats)
            lru.call(work, 8)
            figures["LRU hit, reordered (write)"] = per_call(
                lambda: [lru.call(work, 7 + i % 2) for i in range(n)], n, repeats)
        with LRU(n, os.path.join(folder, "b.log"), fsync=True) as lru:
            figures["LRU miss, fsync=True"] = per_call(
                lambda: [lru.call(work, next(counter)) for _ in range(synced)], synced, 1)

        with LRU(entries, os.path.join(folder, "c.log"), compact_at=4 * entries) as lru:
            for x in range(entries):
                lru.call(work, x)
        start = time.perf_counter()
        with LRU(entries, os.path.join(folder, "c.log"), compact_at=4 * entries) as lru:
            figures[f"open a log of {entries:,} entries"] = (time.perf_counter() - start) * 1e6

        record = b"x" * 80 + b"\n"
        fd = os.open(os.path.join(folder, "raw.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        for name, sync in [("append 81 bytes, no sync", lambda fd: None),
                           ("append 81 bytes + fdatasync", _sync),
                           ("append 81 bytes + fsync", os.fsync)]:
            runs = n if name.endswith("no sync") else synced
            figures[name] = per_call(
                lambda: [(os.write(fd, record), sync(fd)) for _ in range(runs)], runs, 1)
        os.close(fd)

        per_thread = max(1, synced // 4)
        fd = os.open(os.path.join(folder, "e.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

        def each_its_own_fsync(_: int) -> None:
            for _ in range(per_thread):
                os.write(fd, record)
                _sync(fd)

        figures["4 threads: us per append, own fsync"] = per_call(
            lambda: _threads(each_its_own_fsync, 4), 4 * per_thread, 1)
        os.close(fd)
        log = GroupCommitLog(os.path.join(folder, "f.log"))
        figures["group commit: us per append"] = per_call(
            lambda: _threads(lambda _: [log.append(record) for _ in range(per_thread)], 4),
            4 * per_thread, 1)
        figures["group commit: fsyncs per append"] = log.syncs / (4 * per_thread)
        log.close()
    return figures


def report(figures: dict[str, float]) -> str:
    """The figures as a table; times in microseconds."""
    lines = [f"{'call':<40}{'us per call':>11}"]
    for name, value in figures.items():
        shown = f"{value:.2f}" if value < 10 else f"{value:,.0f}"
        lines.append(f"{name:<40}{shown:>11}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(f"Python {platform.python_version()}, {os.cpu_count()} CPUs, log in {tempfile.gettempdir()}")
    print(report(measure()))
