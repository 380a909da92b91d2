"""Tests of our own files that the level tests leave alone.

- Each bug, put back alone into the fixed queue, fails every level test that
  claims to expose it, and no other (a test may name a bug that it catches only
  with the right thread timing: that failure is allowed, not required): so each
  test names its bug, and each bug has a test.
- Each race scenario really forces its thread switch on the fixed queue.
- The test kit's other paths (a first call that never reaches its point, one
  that blocks before it, a second call blocked by a lock, a stuck call).
- Our own choices for the reference, and the page's tables against the code.
"""
import ast
import re
import runpy
import threading
import tracemalloc

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.message_queue_bugs import solution
from snippets.coding.message_queue_bugs.budget import FULL, OVERRUN, TALK, checkpoints
from snippets.coding.message_queue_bugs.testkit import FakeClock, Stuck, Switch, retained_bytes
from tests.coding.message_queue_bugs import test_level1, test_level2, test_level3
from tests.coding.message_queue_bugs.catalogue import BUGS
from tests.coding.shared import budget_tables
from tools.harness import load_module, problems

PACKAGE = ROOT / "snippets" / "coding" / "message_queue_bugs"
PAGE = ROOT / "docs" / "coding" / "message-queue-bugs.md"
LEVEL_TESTS = [(name, test) for module in (test_level1, test_level2, test_level3)
               for name, test in vars(module).items()
               if name.startswith("test_") and callable(test) and not getattr(test, "luck_based", False)]


def test_the_fixed_queue_is_the_one_kept_state_and_there_are_three_levels():
    problem = problems()["message-queue-bugs"]
    assert list(problem.references()) == ["solution"]
    assert problem.levels == [1, 2, 3]
    assert problem.entry["kind"] == "class"


# Each bug of starter.py, as a patch that puts it back into solution.py: (the
# fixed text, the broken text). Every other bug stays fixed.
REINTRODUCE = {
    1: [('''        with self._lock:
            if consumer in self._consumers:
                raise ValueError(f"consumer {consumer!r} is already registered")
            self._checkpoint("register")  # (1)!
            self._consumers[consumer] = _Consumer()
''', '''        if consumer in self._consumers:
            raise ValueError(f"consumer {consumer!r} is already registered")
        self._checkpoint("register")
        self._consumers[consumer] = _Consumer()
''')],
    2: [('''        with self._lock:
            flight = self._in_flight.pop(receipt, None)  # (1)!
            if flight is None:
                return False
            self._checkpoint("ack")
            del self._consumers[flight.consumer].holding[receipt]
''', '''        flight = self._in_flight.get(receipt)
        if flight is None:
            return False
        self._checkpoint("ack")
        with self._lock:
            self._in_flight.pop(receipt, None)
            self._consumers[flight.consumer].holding.pop(receipt, None)
''')],
    3: [('''        with self._lock:  # (1)!
            now = self._clock()
            expired = [r for r, flight in self._in_flight.items() if flight.deadline <= now]
            for receipt in expired:
                self._checkpoint("sweep")
                self._requeue(receipt)
            return len(expired)
''', '''        with self._lock:
            now = self._clock()
            expired = [r for r, flight in self._in_flight.items() if flight.deadline <= now]
        for receipt in expired:
            self._checkpoint("sweep")
            with self._lock:
                self._requeue(receipt)
        return len(expired)
''')],
    4: [("self._not_empty = threading.Condition(self._lock)  # (1)!",
         "self._not_empty = threading.Condition()"),
        ('''            self._ready.append(message_id)
            self._not_empty.notify()  # (1)!
''', '''            self._ready.append(message_id)
        with self._not_empty:
            self._not_empty.notify()
'''),
        ('''        self._ready.append(flight.message_id)
        self._not_empty.notify()
''', '''        self._ready.append(flight.message_id)
        with self._not_empty:
            self._not_empty.notify()
'''),
        ('''        with self._not_empty:
            self._known(consumer)
            if not self._ready:
                self._checkpoint("receive")
            if not self._not_empty.wait_for(lambda: self._ready, timeout):  # (1)!
                return None
            record = self._consumers.get(consumer)
            if record is None:  # (2)!
                self._not_empty.notify()
                raise KeyError(f"unknown consumer {consumer!r}")
''', '''        with self._lock:
            self._known(consumer)
            empty = not self._ready
        if empty:
            self._checkpoint("receive")
            with self._not_empty:
                self._not_empty.wait(timeout)
        with self._lock:
            record = self._known(consumer)
            if not self._ready:
                return None
''')],
    5: [("callback = self._on_ack.pop(flight.message_id, None)  # (2)!",
         "callback = self._on_ack.get(flight.message_id)")],
    6: [("    holding: dict[str, int] = field(default_factory=dict)  # receipt -> message id\n",
         "    holding: dict[str, int] = field(default_factory=dict)  # receipt -> message id\n"
         "    closed: bool = False\n"),
        ("del self._consumers[consumer]  # (2)!", "record.closed = True"),
        ('''            raise KeyError(f"unknown consumer {consumer!r}")
        return record
''', '''            raise KeyError(f"unknown consumer {consumer!r}")
        if record.closed:
            raise KeyError(f"consumer {consumer!r} was unregistered")
        return record
'''),
        ("if consumer in self._consumers:",
         "if consumer in self._consumers and not self._consumers[consumer].closed:"),
        ('"consumers": len(self._consumers)}',
         '"consumers": sum(not c.closed for c in self._consumers.values())}')],
}


def queue_with_only(bug, folder):
    source = (PACKAGE / "solution.py").read_text(encoding="utf-8")
    for fixed, broken in REINTRODUCE[bug]:
        assert source.count(fixed) == 1, f"solution.py no longer contains, once: {fixed!r}"
        source = source.replace(fixed, broken)
    path = folder / f"only_bug_{bug}.py"
    path.write_text(source, encoding="utf-8")
    return load_module(path).MessageQueue


@pytest.mark.slow  # every level test against six broken queues: about 15 s
@pytest.mark.parametrize("bug", sorted(BUGS))
def test_each_bug_alone_fails_exactly_the_tests_that_expose_it(bug, tmp_path):
    queue_class = queue_with_only(bug, tmp_path)
    failed = set()
    for name, test in LEVEL_TESTS:
        try:
            test(queue_class)
        except AssertionError:
            failed.add(name)
    claimed = {name for name, test in LEVEL_TESTS if bug in getattr(test, "exposes", ())}
    allowed = {name for name, test in LEVEL_TESTS if bug in getattr(test, "also_exposes", ())}
    assert claimed <= failed <= claimed | allowed, failed


@pytest.mark.parametrize("scenario", [
    lambda q: test_level2.scenario_register_twice(q),
    lambda q: test_level2.scenario_sweep_inside_ack(q, []),
    lambda q: test_level2.scenario_ack_inside_sweep(q, []),
    lambda q: test_level2.scenario_publish_before_wait(q),
], ids=["register", "sweep-inside-ack", "ack-inside-sweep", "publish-before-wait"])
def test_each_race_scenario_forces_its_switch_on_the_fixed_queue(scenario):
    switch, first, then, _ = scenario(solution.MessageQueue)
    assert switch.fired
    assert first.error is None or isinstance(first.error, ValueError)


# The test kit's paths that the fixed and the broken queue do not take.

def test_a_first_call_that_never_reaches_its_point_runs_before_the_second():
    switch, order = Switch(), []
    first, then = switch.run(lambda: order.append("first"), at="nowhere",
                             then=lambda: order.append("then"))
    assert order == ["first", "then"] and not switch.fired
    assert first.error is None and then.error is None


def test_a_second_call_blocked_by_the_first_waits_for_it():
    switch, lock, order = Switch(grace=0.05), threading.Lock(), []

    def first():
        with lock:
            switch("inside")  # a checkpoint inside a critical section
            order.append("first")

    def then():
        with lock:
            order.append("then")

    switch.run(first, at="inside", then=then)
    assert switch.fired and order == ["first", "then"]


def test_a_first_call_that_blocks_before_its_point_gets_the_second_run():
    switch, gate = Switch(patience=0.05), threading.Event()
    first, then = switch.run(lambda: gate.wait(5), at="never", then=gate.set)
    assert first.value is True and not switch.fired


def test_a_call_that_never_returns_is_reported_as_stuck():
    switch, gate = Switch(grace=0.05, patience=0.05), threading.Event()
    try:
        with pytest.raises(Stuck, match="the first call was still running 0.05 s after the switch"):
            switch.run(gate.wait, at="never", then=lambda: None)
    finally:
        gate.set()
    switch("elsewhere")
    assert switch.reached == ["elsewhere"]


def test_retained_bytes_leaves_tracing_on_if_it_was_on():
    tracemalloc.start()
    try:
        assert retained_bytes(lambda i: None, cycles=10, warmup=1) < 1000
        assert tracemalloc.is_tracing()
    finally:
        tracemalloc.stop()


# Our own choices, tested on the reference only.

def test_a_callback_that_raises_reaches_the_acker_after_the_ack_took_effect():
    queue = solution.MessageQueue(clock=FakeClock())
    queue.register("c")

    def explode(message_id):
        raise RuntimeError("callback failed")

    queue.publish("job", on_ack=explode)
    receipt = queue.receive("c", timeout=0).receipt
    with pytest.raises(RuntimeError):
        queue.ack(receipt)
    assert queue.stats() == {"ready": 0, "in_flight": 0, "consumers": 1}
    assert queue.ack(receipt) is False


def test_a_consumer_unregistered_while_it_waits_hands_its_wakeup_on():
    """Two consumers wait, and the first to wait is unregistered; then one
    message comes. `notify` wakes one waiter, the one that waited longest
    (CPython's Condition is first in, first out): it must raise KeyError and
    pass the wakeup on, or the other sleeps beside a ready message (symptom 1)."""
    waiting = threading.Semaphore(0)
    queue = solution.MessageQueue(clock=FakeClock(),
                                  checkpoint=lambda point: point == "receive" and waiting.release())
    outcomes = {}

    def receive(name):
        try:
            outcomes[name] = queue.receive(name).body
        except KeyError as error:
            outcomes[name] = error

    threads = []
    for name in ("gone", "stays"):
        queue.register(name)
        threads.append(threading.Thread(target=receive, args=(name,), daemon=True))
        threads[-1].start()
        assert waiting.acquire(timeout=2.0)  # at its checkpoint, holding the lock, about to wait
        queue.stats()  # takes the lock, so returns only once that call waits (which releases it)
    queue.unregister("gone")
    queue.publish("job")
    for thread in threads:
        thread.join(2.0)
    assert isinstance(outcomes.get("gone"), KeyError)
    assert outcomes.get("stays") == "job", "the wakeup went to the unregistered consumer and stopped there"
    assert queue.stats() == {"ready": 0, "in_flight": 1, "consumers": 1}


def test_the_switch_waits_only_briefly_for_a_call_blocked_on_a_watched_lock():
    class Owner:
        def __init__(self):
            self.lock, self.condition, self.name = threading.Lock(), threading.Condition(threading.RLock()), "x"

    owner, order = Owner(), []
    switch = Switch(grace=30, brief=0.01)  # a 30 s wait would stall this test
    switch.watch(owner)
    assert switch._watched == [owner.lock, owner.condition]

    def first():
        with owner.lock:
            switch("inside")
            order.append("first")

    def then():
        with owner.lock:
            order.append("then")

    switch.run(first, at="inside", then=then)
    assert switch.fired and order == ["first", "then"]
    with owner.condition:
        assert switch._holding_a_lock()
    assert not switch._holding_a_lock()


# The page's tables against the code.

def attributes_set_in_init(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    init = next(node for node in ast.walk(tree)
                if isinstance(node, ast.FunctionDef) and node.name == "__init__")
    return {target.attr for node in ast.walk(init) if isinstance(node, (ast.Assign, ast.AnnAssign))
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Attribute)}


def section(title):
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_the_page_inventories_every_piece_of_state_both_queues_keep():
    state = attributes_set_in_init(PACKAGE / "starter.py") | attributes_set_in_init(PACKAGE / "solution.py")
    assert state >= {"_lock", "_not_empty", "_messages", "_on_ack", "_ready", "_in_flight", "_consumers"}
    listed = set(re.findall(r"^\| `(_\w+)` \|", section("Approach"), flags=re.MULTILINE))
    assert listed == state


def test_the_page_names_every_bug_and_only_tests_that_exist():
    text = PAGE.read_text(encoding="utf-8")
    names = {name for name, _ in LEVEL_TESTS} | {
        name for module in (test_level2,) for name in vars(module) if name.startswith("test_")}
    for name in set(re.findall(r"`(test_\w+)`", text)):
        assert name in names, name
    approach = section("Approach")
    for bug in BUGS:
        assert re.search(rf"^\| {bug} \|", approach, flags=re.MULTILINE), f"bug {bug} is not in the table"


def test_the_page_budget_tables_are_the_plans_in_budget_py():
    page = PAGE.read_text(encoding="utf-8")
    assert budget_tables(page) == [[(part, minutes, by) for (part, minutes), (_, by)
                                    in zip(plan, checkpoints(plan))] for plan in (FULL, TALK)]
    assert f"budget plus {OVERRUN} minutes" in page


@pytest.mark.slow  # the benchmark at full size
def test_the_benchmark_prints_its_report_when_run(capsys):
    runpy.run_path(str(PACKAGE / "benchmark.py"), run_name="__main__")
    out = capsys.readouterr().out.splitlines()
    assert out[3].split() == ["in", "flight", "sweep", "publish", "receive", "ack"]
    assert [line.split()[0] for line in out[4:7]] == ["1,000", "10,000", "100,000"]
    assert "starter  ack with callback" in "\n".join(out)
