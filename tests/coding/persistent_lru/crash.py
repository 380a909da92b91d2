"""Helpers for the persistent-LRU tests: child processes to kill, and a probe that
tells which state a log recovers to, using nothing but `LRU(...)` and `call`.

The probe (`recovered_as`) works on a cache it expects to hold `expected`, least
recently used first:

1. It calls each expected entry in that order. Each must be a hit (the function
   does not run) and return the right value. Touching them in LRU order leaves
   the order as it was.
2. It fills the cache with fresh calls until one more would evict, plus that one,
   so the expected least recent entry is evicted, then calls the expected entries
   again in order. Each must now be a miss: every miss evicts the next one. A
   different recency order makes one of them a hit.

Every value returned is compared with the function's own, type for type. An
entry the model does not expect can go unnoticed while the cache is not full,
but only if it never returns a wrong value. `resolve` copies the log's folder
first, so probing never changes the log under test.
"""
from __future__ import annotations

import inspect
import itertools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.coding.persistent_lru.workload import canonical, fresh, invoke, ran, truth

CHILD = Path(__file__).with_name("child.py")
LOG = "cache.log"
_copies = itertools.count()


def impl_file(lru_class) -> str:
    """The file that defines the class under test (the harness may have wrapped it)."""
    return inspect.getfile(inspect.unwrap(lru_class.call))


def release(lru) -> None:
    """Let go of an LRU: close it if it can be closed (ours can; the contract has no close)."""
    close = getattr(lru, "close", None)
    if callable(close):
        close()


def child_environment() -> dict[str, str]:
    """The child gets another string-hash seed than this process, so a key built
    with hash() differs between the two, as it would between two runs."""
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    return dict(os.environ, PYTHONHASHSEED=seed)


def run_child(lru_class, path, capacity, seed, start, count, *, kill_after=None,
              fault="", arm_after=0):
    """Run `count` seeded calls from index `start` in a child process.

    With `kill_after`, SIGKILL it as soon as it has printed that many result
    lines (0: as soon as it starts opening the log); it keeps running while the
    signal is on its way, so where it dies is not up to us. Returns the results
    it printed, as (index, canonical text), its exit status and its stderr.
    """
    command = [sys.executable, str(CHILD), impl_file(lru_class), lru_class.__name__, str(path),
               str(capacity), str(seed), str(start), str(count)]
    if fault:
        command += [fault, str(arm_after)]
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True,
                                 env=child_environment())
        lines = []
        try:
            for line in child.stdout:
                lines.append(line)
                if kill_after is not None and len(lines) > kill_after:  # "open", then results
                    child.send_signal(signal.SIGKILL)
                    break
            lines += child.stdout.read().splitlines(keepends=True)
            child.wait()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
        errors.seek(0)
        err = errors.read()
    results = [(int(i), text) for i, _, text in
               (line.rstrip("\n").partition(" ") for line in lines
                if line.endswith("\n") and line != "open\n")]
    return results, child.returncode, err


def check_results(results, calls, start):
    """The child's answers: one per call, in order from `start`, each correct."""
    assert [i for i, _ in results] == list(range(start, start + len(results)))
    for i, text in results:
        assert text == canonical(truth(calls[i])), f"call {i} {calls[i]} returned {text}"


def recovered_as(lru_class, path, capacity, expected) -> str | None:
    """None if the log at `path` recovers to exactly `expected`; else what differs."""
    lru = lru_class(capacity, str(path))
    try:
        for call in expected:
            before = ran()
            value = invoke(lru, call)
            if canonical(value) != canonical(truth(call)):
                return f"{call} returned {value!r}, which is wrong"
            if ran() != before:
                return f"{call} was lost"
        for i in range(capacity - len(expected) + 1):
            invoke(lru, fresh(i))
        for call in expected:
            before = ran()
            value = invoke(lru, call)
            if canonical(value) != canonical(truth(call)):
                return f"{call} returned {value!r}, which is wrong"
            if ran() == before:
                return (f"{call} was still cached when it should have been evicted: the "
                        "recency order (or the number of entries) differs")
        return None
    finally:
        release(lru)


def resolve(lru_class, folder, capacity, candidates, scratch) -> int:
    """Which candidate state (a list of calls, LRU first) the log in `folder`
    recovers to, probing a fresh copy for each; AssertionError if none."""
    problems = []
    for n, expected in enumerate(candidates):
        if expected in candidates[:n]:
            continue
        copy = Path(scratch) / f"probe{next(_copies)}"
        shutil.copytree(folder, copy)
        problem = recovered_as(lru_class, copy / LOG, capacity, expected)
        if problem is None:
            return n
        problems.append(problem)
    raise AssertionError("after recovery, " + "; or, if the last call did not count, ".join(problems))


def wrong_values(lru_class, path, capacity, calls) -> list[str]:
    """Recover the log at `path` and call each of `calls`: the ones that return a
    wrong value. (With a capacity above len(calls), nothing is evicted meanwhile.)"""
    lru = lru_class(capacity, str(path))
    try:
        found = []
        for call in calls:
            value = invoke(lru, call)
            if canonical(value) != canonical(truth(call)):
                found.append(f"{call} returned {value!r}")
        return found
    finally:
        release(lru)
