"""Level 3 of docs/coding/persistent-lru.md: crash safety. Runs against solution.py,
or a reader's file with --impl.

- Real crashes: a child process runs seeded calls and is killed with SIGKILL at
  a random moment, twice in a row on the same log; after each kill the log must
  recover to the state after the last call that returned, or after the one in
  flight, never anything else. LOOPNOTES_LRU_TRIALS sets how many trials
  (default 24); raise it for a soak.
- Torn and damaged records, made by hand: the log cut at every byte of its last
  record, and one bit flipped at every byte of a record. No wrong value, ever.
- Compaction: the log stays bounded, and a crash just before or just after the
  rename loses nothing.
- Threads: concurrent callers get correct values and leave a log that recovers.

These tests assume the log is the file at persistence_path, that each call
appends to it, and that compaction renames a new file over it (os.replace or
os.rename, as pathlib and shutil do).
"""
import os
import random
import signal
import sys
import threading

import pytest

from tests.coding.persistent_lru.crash import (LOG, check_results, release, resolve, run_child,
                                               wrong_values)
from tests.coding.persistent_lru.workload import (Model, canonical, invoke, random_calls, truth)

LEVEL = 3
TRIALS = int(os.environ.get("LOOPNOTES_LRU_TRIALS", "24"))
KILLED = -signal.SIGKILL


@pytest.fixture
def folder(tmp_path):
    made = tmp_path / "log"
    made.mkdir()
    return made


def settle(LRU, folder, capacity, done, calls, start, results, status, scratch):
    """After a child stopped: check its answers, find out whether its last call
    counted, and return (calls that happened, where the next child starts)."""
    check_results(results, calls, start)
    acked = start + len(results)
    happened = done + calls[start:acked]
    if status == 0 or acked == len(calls):
        candidates = [Model(capacity, happened).state()]
    else:  # the call in flight may or may not have reached the log
        candidates = [Model(capacity, happened + [calls[acked]]).state(),
                      Model(capacity, happened).state()]
    if resolve(LRU, folder, capacity, candidates, scratch) == 0 and len(candidates) == 2:
        happened.append(calls[acked])
    return happened, acked + 1


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(TRIALS))
def test_killed_at_random_moments_it_recovers_every_entry_it_returned(LRU, folder, tmp_path, trial):
    rng = random.Random(trial)
    capacity = rng.choice([2, 3, 5, 8])
    calls = random_calls(seed=trial, count=3000)
    done, start = [], 0
    for _ in range(2):  # the second child recovers what the first left, then dies too
        results, status, err = run_child(LRU, folder / LOG, capacity, trial, start, len(calls) - start,
                                         kill_after=rng.randrange(60))
        assert status in (0, KILLED), err
        done, start = settle(LRU, folder, capacity, done, calls, start, results, status, tmp_path)


def write_calls(LRU, folder, capacity, calls):
    """Make the calls in one cache; the size of the log before the last one and after."""
    lru = LRU(capacity, str(folder / LOG))
    for call in calls[:-1]:
        invoke(lru, call)
    before = (folder / LOG).stat().st_size
    invoke(lru, calls[-1])
    after = (folder / LOG).stat().st_size
    release(lru)
    assert after > before, f"the last call did not append to the log at {LOG}"
    return before, after


SQUARES = [("square", (x,), ()) for x in range(4)]


def test_a_torn_last_put_is_ignored_whatever_byte_it_stops_at(LRU, folder, tmp_path):
    before, after = write_calls(LRU, folder, 6, SQUARES)
    whole = (folder / LOG).read_bytes()
    for cut in range(before, after):
        (folder / LOG).write_bytes(whole[:cut])
        resolve(LRU, folder, 6, [Model(6, SQUARES).state(), Model(6, SQUARES[:3]).state()],
                tmp_path)


def test_a_torn_last_hit_is_ignored_whatever_byte_it_stops_at(LRU, folder, tmp_path):
    calls = SQUARES[:3] + [SQUARES[0]]  # the last call is a hit on the least recent
    before, after = write_calls(LRU, folder, 3, calls)
    whole = (folder / LOG).read_bytes()
    for cut in range(before, after):
        (folder / LOG).write_bytes(whole[:cut])
        resolve(LRU, folder, 3, [Model(3, calls).state(), Model(3, calls[:3]).state()], tmp_path)


def test_an_entry_added_after_a_torn_tail_survives_the_next_recovery(LRU, folder, tmp_path):
    # Appending straight after the torn bytes glues the new record to them.
    before, after = write_calls(LRU, folder, 6, SQUARES)
    whole = (folder / LOG).read_bytes()
    (folder / LOG).write_bytes(whole[:(before + after) // 2])
    lru = LRU(6, str(folder / LOG))
    invoke(lru, ("square", (9,), ()))
    release(lru)
    resolve(LRU, folder, 6, [Model(6, SQUARES[:3] + [("square", (9,), ())]).state()], tmp_path)


DOMAIN = [("square", (x,), ()) for x in range(10)]


@pytest.mark.parametrize("which", ["last", "middle"])
def test_a_flipped_bit_anywhere_in_a_record_never_gives_a_wrong_value(LRU, folder, which):
    # XOR 1 turns a digit into its neighbour: square(3) -> 9 can become
    # square(2) -> 9 or square(3) -> 8. Only a checksum tells.
    calls = [("square", (x,), ()) for x in (2, 3, 4, 5)]
    if which == "last":
        first, last = write_calls(LRU, folder, 50, calls)
    else:
        first, last = write_calls(LRU, folder, 50, calls[:2])
        lru = LRU(50, str(folder / LOG))
        for call in calls[2:]:
            invoke(lru, call)
        release(lru)
    whole = (folder / LOG).read_bytes()
    for at in range(first, last):
        damaged = bytearray(whole)
        damaged[at] ^= 1
        (folder / LOG).write_bytes(bytes(damaged))
        assert wrong_values(LRU, folder / LOG, 50, DOMAIN) == [], f"byte {at} flipped"


def test_the_log_stays_bounded_by_compaction(LRU, folder, tmp_path):
    lru = LRU(4, str(folder / LOG))
    calls = [("square", (x,), ()) for x in range(404)]
    for call in calls[:4]:
        invoke(lru, call)
    live = (folder / LOG).stat().st_size
    largest = 0
    for call in calls[4:]:
        invoke(lru, call)
        largest = max(largest, (folder / LOG).stat().st_size)
    release(lru)
    assert largest <= 20 * live, f"the log grew to {largest} bytes for 4 entries of ~{live} bytes"
    resolve(LRU, folder, 4, [calls[-4:]], tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["before-rename", "after-rename"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_crash_at_the_rename_of_a_compaction_loses_nothing(LRU, folder, tmp_path, fault, seed):
    capacity = 3
    calls = random_calls(seed=seed, count=700)
    arm_after = random.Random(seed).randrange(10, 40)
    results, status, err = run_child(LRU, folder / LOG, capacity, seed, 0, 400, fault=fault,
                                     arm_after=arm_after)
    assert status == KILLED, err or f"no compaction renamed a file within {400 - arm_after} calls"
    done, start = settle(LRU, folder, capacity, [], calls, 0, results, status, tmp_path)
    # The next run recovers from whatever the crash left, then compacts again.
    results, status, err = run_child(LRU, folder / LOG, capacity, seed, start, 700 - start)
    assert status == 0, err
    settle(LRU, folder, capacity, done, calls, start, results, status, tmp_path)


def test_concurrent_callers_get_correct_values_and_leave_a_log_that_recovers(LRU, folder):
    lru = LRU(5, str(folder / LOG))
    calls = random_calls(seed=99, count=4000)
    workers, errors = 8, []
    start = threading.Barrier(workers)

    def work(share):
        start.wait()
        try:
            for call in share:
                value = invoke(lru, call)
                if canonical(value) != canonical(truth(call)):
                    errors.append(f"{call} returned {value!r}")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, to make races likely
    try:
        threads = [threading.Thread(target=work, args=(calls[i::workers],), daemon=True)
                   for i in range(workers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        sys.setswitchinterval(interval)
    assert not any(thread.is_alive() for thread in threads), "a caller never returned: a deadlock?"
    assert errors == []
    release(lru)
    assert wrong_values(LRU, folder / LOG, 50, sorted(set(calls))) == []
