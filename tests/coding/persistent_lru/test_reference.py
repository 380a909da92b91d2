"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check the contract. The page answers the questions it leaves
open (its "Clarifying questions" section) and makes choices of its own: those
are tested here, against our kept states, never against a reader's file. Also
here: a crash simulated at every system call the reference makes, the cost
claims of the page's Complexity section, and the starter.
"""
import errno
import functools
import importlib
import math
import os
import subprocess
import sys
import threading
from collections import Counter, namedtuple
from enum import IntEnum
from pathlib import Path

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.persistent_lru import (budget, examples, followups, level1, level2, solution,
                                           starter)
from snippets.coding.persistent_lru.solution import LRU, MAGIC, frame, function_name, unframe
from tests.coding.persistent_lru import workload
from tests.coding.persistent_lru.crash import (LOG, child_environment, resolve, wrong_values)
from tests.coding.persistent_lru.workload import (CALLS, Model, canonical, invoke, random_calls,
                                                  square)
from tests.coding.shared import kept

PACKAGE = "snippets.coding.persistent_lru"
KEPT = kept(__file__)
CLASSES = {name: importlib.import_module(f"{PACKAGE}.{name}").LRU for name in KEPT}


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "solution"]


@pytest.fixture
def path(tmp_path):
    """The log, alone in its folder (tmp_path/log), so tmp_path can hold probe copies."""
    (tmp_path / "log").mkdir()
    return str(tmp_path / "log" / LOG)


# Ours: a capacity is a whole number of at least 1 (lru_cache's maxsize=0,
# "cache nothing", is not worth a file).
@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "3"])
def test_capacity_must_be_a_whole_number_of_at_least_one(name, bad, path):
    with pytest.raises(ValueError, match="capacity"):
        CLASSES[name](bad, path)


def test_compact_at_must_exceed_the_capacity(path):
    with pytest.raises(ValueError, match="compact_at"):
        LRU(4, path, compact_at=4)


# Ours: the name rule. A function is named "module:qualname" only if that name
# leads back to it; everything else is refused with TypeError before it runs.
@pytest.mark.parametrize("name", ["level2", "solution"])
@pytest.mark.parametrize("func, reason", [
    (lambda x: x, "does not lead back"),
    (workload.make_adder(1), "does not lead back"),
    (workload.Scaler(2).scale, "does not lead back"),
    (functools.partial(workload.power, exp=3), "no module and qualified name"),
    ([].append, "no module and qualified name"),
])
def test_functions_without_a_stable_name_are_refused_before_they_run(name, func, reason, path):
    with pytest.raises(TypeError, match=reason):
        CLASSES[name](3, path).call(func, 2)


@pytest.mark.parametrize("module", [level2, solution])
def test_a_function_from_main_is_refused(module):
    def main_function(x):
        return x
    main_function.__module__ = "__main__"
    with pytest.raises(TypeError, match="__main__ is a different file"):
        module.function_name(main_function)


def test_a_name_rebound_to_another_function_is_refused(monkeypatch):
    original = workload.square
    monkeypatch.setattr(workload, "square", workload.power)
    with pytest.raises(TypeError, match="does not lead back"):
        function_name(original)


def test_builtins_classes_and_static_methods_have_stable_names():
    assert function_name(math.gcd) == "math:gcd"
    assert function_name(int) == "builtins:int"
    assert function_name(os.path.join) == "posixpath:join"


# Ours: what can be persisted. Only these exact types, not their subclasses,
# because a subclass would come back as its base class: a wrong value.
Point = namedtuple("Point", "x y")


class Colour(IntEnum):
    RED = 1


@pytest.mark.parametrize("value, kind", [({1, 2}, "set"), (b"raw", "bytes"), (Point(1, 2), "Point"),
                                         (Colour.RED, "Colour"), ([1, object()], "object")])
@pytest.mark.parametrize("module", [level2, solution])
def test_values_of_other_types_are_refused(module, value, kind):
    with pytest.raises(TypeError, match=f"cannot persist a {kind}:"):
        module.encode(value)


def test_an_argument_that_cannot_be_persisted_is_refused_before_the_call(path):
    before = CALLS["identity"]
    with pytest.raises(TypeError, match="cannot persist a set"):
        LRU(3, path).call(workload.identity, {1})
    assert CALLS["identity"] == before


def test_a_result_that_cannot_be_persisted_raises_and_caches_nothing(path):
    lru = LRU(3, path)
    size = os.path.getsize(path)
    for _ in range(2):  # computed both times: nothing was cached
        with pytest.raises(TypeError, match="cannot persist a set"):
            lru.call(set, [1, 2])
    assert os.path.getsize(path) == size and lru.stats["misses"] == 0


def test_the_key_is_canonical_json_text(path):
    key = LRU(3, path).generate_key(workload.power, 2, exp=(1, {"b": 2, "a": 1}))
    assert key == ('["tests.coding.persistent_lru.workload:power",[2],'
                   '[["exp",{"t":[1,{"d":[["a",1],["b",2]]}]}]]]')


def test_equal_dicts_give_one_key_whatever_their_order(path):
    lru = LRU(3, path)
    assert lru.generate_key(square, {"a": 1, "b": 2}) == lru.generate_key(square, {"b": 2, "a": 1})


def test_zero_and_minus_zero_are_different_calls_but_nan_is_one(path):
    lru = LRU(3, path)
    assert lru.generate_key(square, 0.0) != lru.generate_key(square, -0.0)
    assert lru.generate_key(square, float("nan")) == lru.generate_key(square, float("nan"))


# Ours: a hit returns a fresh copy, so a caller that changes the list it got
# cannot change what the cache returns next, in this process or after a restart.
# Level 1 returns the stored object itself, as functools.lru_cache does.
@pytest.mark.parametrize("name", KEPT)
def test_changing_a_returned_value_changes_the_cache_only_at_level_1(name, path):
    lru = CLASSES[name](3, path)
    lru.call(workload.describe, 4)["digits"].append(99)
    hit = lru.call(workload.describe, 4)
    assert (99 in hit["digits"]) == (name == "level1")


def test_the_log_format(path):
    lru = LRU(3, path)
    lru.call(square, 3)
    lru.call(square, 4)
    lru.call(square, 3)
    lru.call(square, 3)  # already the most recent: nothing to write
    key = '["tests.coding.persistent_lru.workload:square",[3],[]]'
    other = '["tests.coding.persistent_lru.workload:square",[4],[]]'
    assert Path(path).read_bytes() == (MAGIC + frame(f"P {key}\t9".encode())
                                       + frame(f"P {other}\t16".encode())
                                       + frame(f"T {key}".encode()))
    assert lru.stats == {"hits": 2, "misses": 2, "appended": 3, "compactions": 1, "rewritten": 0,
                         "recovered": 0, "skipped": 0, "torn_bytes": 0}


@pytest.mark.parametrize("body", [b"P no tab here", b"X an unknown record"])
def test_a_record_with_a_good_checksum_but_a_bad_shape_is_damaged(body):
    assert unframe(frame(body)[:-1]) is None


@pytest.mark.parametrize("name", ["level2", "solution"])
def test_a_hit_on_an_entry_the_log_no_longer_holds_is_ignored(name, path):
    touch = b'T ["tests.coding.persistent_lru.workload:square",[1],[]]'
    put = b'P ["tests.coding.persistent_lru.workload:square",[2],[]]\t4'
    if name == "solution":
        Path(path).write_bytes(MAGIC + frame(touch) + frame(put))
    else:
        Path(path).write_bytes(touch + b"\n" + put + b"\n")
    before = CALLS["square"]
    lru = CLASSES[name](3, path)
    assert lru.call(square, 2) == 4 and CALLS["square"] == before
    assert lru.call(square, 1) == 1 and CALLS["square"] == before + 1


def test_a_file_that_is_not_a_log_is_refused_and_left_alone(path):
    Path(path).write_text("my thesis, chapter 1\n")
    with pytest.raises(ValueError, match="not a persistent-lru log"):
        LRU(3, path)
    assert Path(path).read_text() == "my thesis, chapter 1\n"


def test_an_empty_file_is_an_empty_log(path):
    Path(path).write_bytes(b"")
    assert LRU(3, path).stats["recovered"] == 0
    assert Path(path).read_bytes() == MAGIC


# Ours: one writer per log. A second LRU on the same file, in this process or
# another, is refused until the first is closed or its process dies.
def test_a_second_writer_is_refused_until_the_first_closes(path):
    first = LRU(3, path)
    with pytest.raises(RuntimeError, match="one writer per log"):
        LRU(3, path)
    first.close()
    first.close()  # closing twice is harmless
    with LRU(3, path) as second:
        assert second.call(square, 2) == 4


def test_the_lock_goes_with_a_killed_process(path):
    script = ("import sys; from snippets.coding.persistent_lru.solution import LRU; "
              f"c = LRU(3, {path!r}); print('open', flush=True); sys.stdin.read()")
    child = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=child_environment())
    try:
        assert child.stdout.readline() == "open\n"
        with pytest.raises(RuntimeError, match="one writer per log"):
            LRU(3, path)
    finally:
        child.kill()
        child.wait()
        child.stdin.close()
        child.stdout.close()
    with LRU(3, path) as after:
        assert after.stats["recovered"] == 0


def test_a_closed_cache_refuses_calls(path):
    lru = LRU(3, path)
    lru.call(square, 2)
    lru.close()
    for x in (2, 5):  # a hit and a miss
        with pytest.raises(ValueError, match="closed"):
            lru.call(square, x)


def test_a_failed_init_releases_the_lock(path):
    Path(path).write_text("not a log\n")
    with pytest.raises(ValueError):
        LRU(3, path)
    Path(path).unlink()
    LRU(3, path).close()


# Ours: fsync=True syncs each record before `call` returns (power-cut safe);
# the default syncs only compactions (process-crash safe).
@pytest.mark.parametrize("fsync, per_record", [(False, 0), (True, 1)])
def test_fsync_true_syncs_every_record(monkeypatch, path, fsync, per_record):
    synced = []
    monkeypatch.setattr(solution, "_sync", synced.append)
    lru = LRU(3, path, fsync=fsync, compact_at=100)
    start = len(synced)  # creating the log is a compaction: one sync
    for x in range(10):
        lru.call(square, x)
    assert start == 1 and len(synced) - start == 10 * per_record


def test_a_failed_write_leaves_no_torn_record_behind(monkeypatch, path):
    lru = LRU(3, path)
    lru.call(square, 1)
    real = os.write

    def half_then_disk_full(fd, data):
        real(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(solution.os, "write", half_then_disk_full)
    with pytest.raises(OSError, match="No space"):
        lru.call(square, 2)
    monkeypatch.setattr(solution.os, "write", real)
    compactions = lru.stats["compactions"]
    lru.call(square, 3)  # the next write first rewrites the log from memory
    assert lru.stats["compactions"] == compactions + 1
    before = CALLS["square"]
    assert lru.call(square, 2) == 4 and CALLS["square"] == before + 1  # never cached
    lru.close()
    with LRU(3, path) as again:
        assert (again.stats["skipped"], again.stats["torn_bytes"], again.stats["recovered"]) == (0, 0, 3)


def test_a_failed_compaction_keeps_the_old_log_and_removes_its_temporary(monkeypatch, path):
    lru = LRU(2, path, compact_at=5)
    for x in range(4):
        lru.call(square, x)
    old = Path(path).read_bytes()

    def failing_sync(fd):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(solution, "_sync", failing_sync)
    with pytest.raises(OSError, match="I/O error"):
        lru.call(square, 4)  # its record is the fifth: compaction is due
    assert not Path(path + ".compact").exists()
    assert Path(path).read_bytes().startswith(old) and len(Path(path).read_bytes()) > len(old)
    lru.close()
    monkeypatch.undo()
    assert wrong_values(LRU, path, 2, [("square", (x,), ()) for x in range(6)]) == []


def test_a_damaged_record_in_the_middle_is_skipped_and_the_rest_kept(path, tmp_path):
    with LRU(5, path) as lru:
        for x in range(4):
            lru.call(square, x)
    lines = Path(path).read_bytes().split(b"\n")
    lines[2] = lines[2][:-1] + b"0"  # square(1) -> 1 becomes 0: the checksum fails
    Path(path).write_bytes(b"\n".join(lines))
    with LRU(5, path) as lru:
        assert (lru.stats["skipped"], lru.stats["recovered"]) == (1, 3)
        assert lru.stats["compactions"] == 1  # rewritten clean at once
    assert resolve(LRU, Path(path).parent, 5, [[("square", (x,), ()) for x in (0, 2, 3)]],
                   tmp_path) == 0


def test_a_torn_tail_is_cut_off_at_recovery(path):
    with LRU(5, path) as lru:
        lru.call(square, 1)
        lru.call(square, 2)
    whole = Path(path).read_bytes()
    Path(path).write_bytes(whole[:-7])
    with LRU(5, path) as lru:
        assert lru.stats["torn_bytes"] == len(whole.split(b"\n")[-2]) + 1 - 7
        assert lru.stats["compactions"] == 0
    assert Path(path).read_bytes() == whole[: whole.rindex(b"\n", 0, len(whole) - 1) + 1]


@pytest.mark.parametrize("capacity", [2, 10])
def test_reopening_with_another_capacity_keeps_the_most_recent(path, capacity, tmp_path):
    calls = [("square", (x,), ()) for x in range(6)] + [("square", (1,), ())]
    with LRU(6, path) as lru:
        for call in calls:
            invoke(lru, call)
    assert resolve(LRU, Path(path).parent, capacity, [Model(min(capacity, 6), calls).state()],
                   tmp_path) == 0


# The "why" of level 3: level 2 has no checksum, so one flipped bit can make it
# return a wrong value; the reference never does.
@pytest.mark.parametrize("name, wrong", [("level2", True), ("solution", False)])
def test_one_flipped_bit_fools_level_2_but_not_the_reference(name, wrong, path):
    cls = CLASSES[name]
    lru = cls(5, path)
    lru.call(square, 3)
    del lru
    data = bytearray(Path(path).read_bytes())
    data[data.rindex(b"9")] ^= 1  # 9 -> 8
    Path(path).write_bytes(bytes(data))
    found = wrong_values(cls, path, 5, [("square", (3,), ())])
    assert bool(found) == wrong


def test_after_many_threads_the_log_recovers_to_exactly_the_memory(path):
    lru = LRU(6, path)
    calls = random_calls(seed=5, count=1500)
    threads = [threading.Thread(target=lambda share=calls[i::6]: [invoke(lru, c) for c in share])
               for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    memory = list(lru._entries.items())
    lru.close()
    with LRU(6, path) as again:
        assert list(again._entries.items()) == memory


# Cost claim (page, Complexity): one record per call that changes the order,
# and compaction rewrites at most `capacity` records once every
# compact_at - capacity records or more, so fewer than 2 records are written
# per call, amortised.
@pytest.mark.parametrize("capacity", [1, 8, 100])
def test_records_written_per_call_stay_below_two(path, capacity):
    lru = LRU(capacity, path)
    calls = random_calls(seed=capacity, count=1500)
    for call in calls:
        invoke(lru, call)
    written = lru.stats["appended"] + lru.stats["rewritten"]
    assert lru.stats["appended"] <= len(calls)
    assert written < 2 * len(calls)
    assert lru.stats["compactions"] - 1 <= lru.stats["appended"] // (lru.compact_at - capacity)


# ---------------------------------------------------------------------------
# A crash at every system call, simulated in this process.
#
# The reference writes with os.write straight to the kernel, so the files
# after a SIGKILL are exactly the files after its last completed system call.
# `Dying` stands in for solution.os: it counts the calls that change files and,
# at call number `at`, raises Crash instead (or writes only half the bytes
# first, a torn write); after that, every call raises, so no clean-up code can
# touch the disk, as in a killed process.
# ---------------------------------------------------------------------------

class Crash(BaseException):
    pass


class Dying:
    CHANGING = {"write", "replace", "unlink", "truncate", "open", "fsync", "ftruncate"}

    def __init__(self, at=None, torn=False):
        self.at, self.torn, self.count, self.dead, self.fds = at, torn, 0, False, []
        self.names = Counter()

    def __getattr__(self, name):
        real = getattr(os, name)
        if name not in self.CHANGING:
            return real

        def call(*args, **kwargs):
            if self.dead:
                raise Crash
            self.count += 1
            self.names[name] += 1
            if self.count == self.at:
                self.dead = True
                if self.torn and name == "write":
                    os.write(args[0], args[1][: len(args[1]) // 2])
                raise Crash
            if name == "fsync":  # a process crash does not need the disk: skip the wait
                return None
            result = real(*args, **kwargs)
            if name == "open":
                self.fds.append(result)
            return result
        return call

    def sync(self, fd):
        return self.__getattr__("fsync")(fd)

    def bury(self):
        """Close every file the dead process had open, as the kernel would."""
        for fd in self.fds:
            try:
                os.close(fd)
            except OSError:
                pass


CALLS_BEFORE_REOPEN = [("square", (x % 5,), ()) for x in range(14)]
CALLS_AFTER_REOPEN = [("power", (x % 3,), (("exp", 2),)) for x in range(8)]
ALL = CALLS_BEFORE_REOPEN + CALLS_AFTER_REOPEN


def run_until_crash(monkeypatch, path, dying):
    """Two lives of one log: calls, a reopen, more calls. How many returned."""
    monkeypatch.setattr(solution, "os", dying)
    monkeypatch.setattr(solution, "_sync", dying.sync)
    returned, lru = 0, None
    try:
        for calls in (CALLS_BEFORE_REOPEN, CALLS_AFTER_REOPEN):
            lru = LRU(3, path, compact_at=7)
            for call in calls:
                invoke(lru, call)
                returned += 1
            lru.close()
    except Crash:
        if lru is not None:  # dead: its files are closed below, never by it
            lru._fd = lru._owner = None
    finally:
        monkeypatch.undo()
        dying.bury()
    return returned


def test_the_simulation_counts_every_changing_call(monkeypatch, tmp_path):
    dying = Dying()
    assert run_until_crash(monkeypatch, str(tmp_path / LOG), dying) == len(ALL)
    assert dying.names["replace"] >= 4  # two creations or reopenings, and compactions
    assert dying.names["write"] > len(ALL) and dying.names["fsync"] >= 2 * dying.names["replace"]


@pytest.mark.parametrize("torn", [False, True], ids=["clean", "torn"])
def test_a_crash_at_every_system_call_loses_nothing_that_returned(monkeypatch, tmp_path, torn):
    total = Dying()
    (tmp_path / "dry").mkdir()
    run_until_crash(monkeypatch, str(tmp_path / "dry" / LOG), total)
    for at in range(1, total.count + 1):
        folder = tmp_path / f"at{at}"
        folder.mkdir()
        returned = run_until_crash(monkeypatch, str(folder / LOG), Dying(at, torn))
        happened = ALL[:returned]
        candidates = [Model(3, happened + ALL[returned:returned + 1]).state(),
                      Model(3, happened).state()]
        resolve(LRU, folder, 3, candidates, tmp_path / f"probes{at}")


# ---------------------------------------------------------------------------
# The examples module, and the starter.
# ---------------------------------------------------------------------------

def test_the_examples(path):
    assert examples.tokens("A b", lower=True) == ("a", "b")
    assert examples.make_scaler(3)(4) == 12
    with pytest.raises(TypeError, match="does not lead back"):
        LRU(2, path).call(examples.make_scaler(3), 4)


def test_level1_keys_hold_the_function_object_and_typed_arguments(path):
    key = level1.LRU(2, path).generate_key(square, 1, exp=True)
    assert key == (square, ((int, 1),), (("exp", bool, True),))


def test_level2_writes_one_line_per_record(path):
    lru = level2.LRU(2, path)
    lru.call(square, 1)
    lru.call(square, 2)
    lru.call(square, 1)
    assert Path(path).read_text().splitlines() == [
        'P ["tests.coding.persistent_lru.workload:square",[1],[]]\t1',
        'P ["tests.coding.persistent_lru.workload:square",[2],[]]\t4',
        'T ["tests.coding.persistent_lru.workload:square",[1],[]]']


def test_the_starter_fails_loudly_until_the_reader_fills_it_in(path):
    lru = starter.LRU(2, path)
    with pytest.raises(NotImplementedError, match="level 1"):
        lru.generate_key(square, 1)
    with pytest.raises(NotImplementedError, match="level 1"):
        lru.call(square, 1)


def test_canonical_tells_types_apart():
    assert canonical([1, (2,)]) != canonical([1, [2]])
    assert len({canonical(v) for v in (1, 1.0, True, "1")}) == 4


# ---------------------------------------------------------------------------
# Follow-up: group commit. Injected write and sync make the interleaving exact.
# ---------------------------------------------------------------------------

def test_group_commit_covers_everyone_who_wrote_during_an_fsync(tmp_path):
    arrived = threading.Semaphore(0)
    syncs_started = []

    def write(fd, data):
        done = os.write(fd, data)
        arrived.release()
        return done

    def sync(fd):
        syncs_started.append(fd)
        if len(syncs_started) == 1:  # the first fsync: let three more writers in
            for worker in workers:
                worker.start()
            for _ in range(4):  # the leader's own write, then the three others
                assert arrived.acquire(timeout=10)

    log = followups.GroupCommitLog(str(tmp_path / "log"), sync=sync, write=write)
    numbers = []
    workers = [threading.Thread(target=lambda i=i: numbers.append(log.append(b"%d\n" % i)))
               for i in (2, 3, 4)]
    numbers.append(log.append(b"1\n"))
    for worker in workers:
        worker.join(timeout=10)
    log.close()
    assert sorted(numbers) == [1, 2, 3, 4]
    assert log.syncs == 2  # four appends, two fsyncs: the second covered three
    assert sorted((tmp_path / "log").read_bytes().split()) == [b"1", b"2", b"3", b"4"]


def test_group_commit_without_contention_is_one_fsync_per_append(tmp_path):
    log = followups.GroupCommitLog(str(tmp_path / "log"), sync=lambda fd: None)
    assert [log.append(b"x\n") for _ in range(5)] == [1, 2, 3, 4, 5]
    assert log.syncs == 5
    log.close()


# After a failed fsync, Linux may have dropped the unwritten pages and marked them
# clean, so a second fsync can succeed without them: never retry on that file.
def test_group_commit_a_failed_fsync_fails_every_later_append_without_retrying(tmp_path):
    calls = []

    def sync(fd):
        calls.append(fd)
        raise OSError(errno.EIO, "I/O error")

    log = followups.GroupCommitLog(str(tmp_path / "log"), sync=sync)
    with pytest.raises(OSError, match="I/O error"):
        log.append(b"a\n")
    with pytest.raises(OSError, match="start a new log"):
        log.append(b"b\n")
    assert len(calls) == 1 and log.syncs == 0
    assert (tmp_path / "log").read_bytes() == b"a\n"  # nothing more written to a failed log
    log.close()


def test_group_commit_everyone_waiting_on_a_failed_fsync_raises(tmp_path):
    arrived = threading.Semaphore(0)
    syncs_started = []

    def write(fd, data):
        done = os.write(fd, data)
        arrived.release()
        return done

    def sync(fd):
        syncs_started.append(fd)
        for worker in workers:
            worker.start()
        for _ in range(4):  # the leader's own write, then the three others
            assert arrived.acquire(timeout=10)
        raise OSError(errno.EIO, "I/O error")

    log = followups.GroupCommitLog(str(tmp_path / "log"), sync=sync, write=write)
    errors = []

    def append(i):
        try:
            log.append(b"%d\n" % i)
        except OSError as error:
            errors.append(str(error))

    workers = [threading.Thread(target=append, args=(i,)) for i in (2, 3, 4)]
    with pytest.raises(OSError, match="I/O error"):
        log.append(b"1\n")
    for worker in workers:
        worker.join(timeout=10)
    log.close()
    assert len(syncs_started) == 1 and log.syncs == 0
    assert len(errors) == 3 and all("start a new log" in error for error in errors)


def test_the_budgets_add_up():
    assert budget.checkpoints(budget.LIVE)[-1] == ("wrap-up", 50)
    assert budget.checkpoints(budget.PRACTICE)[-1] == ("spare", 90)
