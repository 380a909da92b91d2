"""Level 2: races, each forced with a thread switch at a named checkpoint.

Each `scenario_*` builds a queue whose checkpoint is a `Switch`, runs one call
in a thread, and the moment that thread reaches the checkpoint, runs a second
call to the end before letting the first go on. That interleaving is the one
that breaks the broken queue, and it happens on every run: no sleeps, no luck.
A fixed queue is paused at the same point, after the check and before the act,
now inside its critical section: the second call waits for the lock, and the
queue must still keep its promises. So that a checkpoint moved before the check
cannot pass for a fix, the call paused there must be the one that wins.
The scenarios are shared with test_reference.py, which checks that the switch
really fired.
"""
import collections
import random
import sys
import threading
import time

from snippets.coding.message_queue_bugs.testkit import FakeClock, Switch
from tests.coding.message_queue_bugs.catalogue import exposes, luck_based

LEVEL = 2


def make(MessageQueue, *names):
    clock, switch = FakeClock(), Switch()
    queue = MessageQueue(visibility_timeout=30, clock=clock, checkpoint=switch)
    switch.watch(queue)  # paused holding the queue's lock: the other call waits for it
    for name in names:
        queue.register(name)
    return queue, clock, switch


def scenario_register_twice(MessageQueue):
    queue, _, switch = make(MessageQueue)
    first, then = switch.run(lambda: queue.register("w"), at="register",
                             then=lambda: queue.register("w"))
    return switch, first, then, queue


@exposes(1)
def test_two_registrations_of_one_name_cannot_both_succeed(MessageQueue):
    _, first, then, queue = scenario_register_twice(MessageQueue)
    ended = sorted("returned" if o.error is None else type(o.error).__name__ for o in (first, then))
    assert ended == ["ValueError", "returned"], (
        f"the two register('w') calls ended with {ended}: exactly one must succeed "
        "and the other raise ValueError")
    assert first.error is None, (
        "the register('w') paused at its checkpoint lost to the one run during the pause: "
        "checkpoint('register') must come after the name is checked, or this test cannot see the race")
    assert queue.stats()["consumers"] == 1


def test_two_different_names_can_register_at_once(MessageQueue):
    queue, _, switch = make(MessageQueue)
    first, then = switch.run(lambda: queue.register("a"), at="register",
                             then=lambda: queue.register("b"))
    assert first.error is None and then.error is None
    assert queue.stats()["consumers"] == 2


def expired_delivery(MessageQueue, calls):
    """A queue holding one delivery whose visibility timeout has just passed."""
    queue, clock, switch = make(MessageQueue, "c")
    queue.publish("job", on_ack=calls.append)
    delivery = queue.receive("c", timeout=0)
    clock.advance(30)
    return queue, switch, delivery


def scenario_sweep_inside_ack(MessageQueue, calls):
    queue, switch, delivery = expired_delivery(MessageQueue, calls)
    first, then = switch.run(lambda: queue.ack(delivery.receipt), at="ack",
                             then=queue.redeliver_expired)
    return switch, first, then, queue


def scenario_ack_inside_sweep(MessageQueue, calls):
    queue, switch, delivery = expired_delivery(MessageQueue, calls)
    first, then = switch.run(queue.redeliver_expired, at="sweep",
                             then=lambda: queue.ack(delivery.receipt))
    return switch, first, then, queue


def one_winner(acked, requeued, queue, calls):
    """An ack and a redelivery of the same delivery raced: exactly one may win."""
    assert (acked, requeued) in {(True, 0), (False, 1)}, (
        f"ack returned {acked} and the sweep requeued {requeued}: an acked message "
        "must never be handed out again, and a requeued one must not count as acked")
    again = queue.receive("c", timeout=0)
    if acked:
        assert again is None and calls != []
    else:
        assert again is not None and again.attempt == 2 and calls == []
        assert queue.ack(again.receipt) is True
    assert len(calls) == 1 and queue.stats() == {"ready": 0, "in_flight": 0, "consumers": 1}


@exposes(2)
def test_a_redelivery_inside_an_ack_leaves_one_winner(MessageQueue):
    calls = []
    _, ack, sweep, queue = scenario_sweep_inside_ack(MessageQueue, calls)
    assert ack.error is None and sweep.error is None, f"{ack.error!r} {sweep.error!r}"
    one_winner(ack.value, sweep.value, queue, calls)
    assert ack.value is True, (
        "the ack paused at its checkpoint lost to the sweep run during the pause: "
        "checkpoint('ack') must come after ack has found the delivery, or this test cannot see the race")


@exposes(3, also=(2,))  # an ack that finds its delivery outside the lock may act on it late
def test_an_ack_inside_a_redelivery_leaves_one_winner(MessageQueue):
    calls = []
    _, sweep, ack, queue = scenario_ack_inside_sweep(MessageQueue, calls)
    assert sweep.error is None, (
        f"redeliver_expired raised {sweep.error!r} after an ack finished the delivery "
        "it was about to requeue; a sweeper thread that dies stops all redelivery")
    assert ack.error is None, repr(ack.error)
    one_winner(ack.value, sweep.value, queue, calls)
    assert sweep.value == 1, (
        "the sweep paused at its checkpoint lost to the ack run during the pause: "
        "checkpoint('sweep') must come after the sweep has listed what expired, or this test cannot see the race")


def scenario_publish_before_wait(MessageQueue):
    queue, _, switch = make(MessageQueue, "c")
    try:
        first, then = switch.run(lambda: queue.receive("c"), at="receive",
                                 then=lambda: queue.publish("wake up"))
    finally:
        queue.publish("unstick")  # frees a receive that missed its wakeup
    return switch, first, then, queue


@exposes(4)
def test_a_publish_just_before_a_consumer_waits_is_not_lost(MessageQueue):
    _, receive, publish, _ = scenario_publish_before_wait(MessageQueue)
    assert publish.error is None and receive.error is None
    assert receive.value is not None and receive.value.body == "wake up"


@luck_based
def test_under_real_thread_switches_each_message_is_acked_once(MessageQueue):
    """An extra, not a proof: real threads with a tiny switch interval and a
    yield at every checkpoint. It can catch what the forced switches do not
    (a deadlock, or a wakeup stolen by another consumer), but passing it proves
    little, because a bad interleaving may simply not have come up."""
    total, blocking = 300, 2
    clock = FakeClock()
    queue = MessageQueue(visibility_timeout=5, clock=clock,
                         checkpoint=lambda point: time.sleep(0))  # a yield, not a wait
    lock, done, problems = threading.Lock(), threading.Event(), []
    callbacks, true_acks = collections.Counter(), collections.Counter()

    def on_ack(message_id):
        with lock:
            callbacks[message_id] += 1
            if len(callbacks) == total:
                done.set()

    def settle(name, rng, delivery):
        if rng.random() < 0.2:
            return  # this consumer "crashes": the message must come back
        if queue.ack(delivery.receipt):
            with lock:
                true_acks[delivery.message_id] += 1

    def blocking_consumer(name, seed):
        rng = random.Random(seed)
        while True:
            delivery = queue.receive(name)  # waits for as long as it takes
            if delivery is None:
                problems.append(f"{name}: receive() with no timeout returned None")
                return
            if delivery.body == "stop":
                return
            settle(name, rng, delivery)

    def janitor(name, seed):
        rng = random.Random(seed)
        while not done.is_set():
            delivery = queue.receive(name, timeout=0)
            if delivery is None:
                clock.advance(5)
                queue.redeliver_expired()
            elif delivery.body == "stop":
                queue.publish("stop")  # meant for a blocking consumer
            else:
                settle(name, rng, delivery)

    names = [f"blocking-{i}" for i in range(blocking)] + ["janitor"]
    for name in names:
        queue.register(name)
    threads = [threading.Thread(target=blocking_consumer if name != "janitor" else janitor,
                                args=(name, seed), daemon=True) for seed, name in enumerate(names)]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        for thread in threads:
            thread.start()
        for i in range(total):
            queue.publish(i, on_ack=on_ack)
        finished = done.wait(3.0)
    finally:
        sys.setswitchinterval(previous)
        for _ in range(blocking):
            queue.publish("stop")
        deadline = time.monotonic() + 1.0  # all joins share one second
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
    assert not problems, problems
    assert finished, f"only {len(callbacks)} of {total} messages were acked"
    assert not any(thread.is_alive() for thread in threads), "a consumer never returned"
    assert set(callbacks) == set(true_acks) and len(callbacks) == total
    assert set(callbacks.values()) == {1} and set(true_acks.values()) == {1}


@luck_based
def test_a_consumer_told_to_wait_never_comes_back_empty_handed(MessageQueue):
    """An extra aimed at stolen wakeups, and luck-based like the one above: one
    consumer waits with no timeout while another polls, and each message is
    published into an empty queue only after the last was acked. When the poller
    takes the message between the waiter's wakeup and its return to the lock, a
    waiter that does not test again in a loop returns None."""
    queue = MessageQueue(clock=FakeClock(), checkpoint=lambda point: time.sleep(0))  # a yield
    queue.register("waiter")
    queue.register("poller")
    acked, stop, problems = threading.Event(), threading.Event(), []

    def waiter():
        while True:
            delivery = queue.receive("waiter")
            if delivery is None:
                problems.append("receive() with no timeout returned None")
                return
            queue.ack(delivery.receipt)
            if delivery.body == "stop":
                return

    def poller():
        while not stop.is_set():
            delivery = queue.receive("poller", timeout=0)
            if delivery is not None:
                queue.ack(delivery.receipt)

    threads = [threading.Thread(target=job, daemon=True) for job in (waiter, poller)]
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        for thread in threads:
            thread.start()
        for i in range(300):
            acked.clear()
            queue.publish(i, on_ack=lambda message_id: acked.set())
            assert acked.wait(1.0), f"message {i} was never acked"
            if problems:
                break
    finally:
        sys.setswitchinterval(previous)
        stop.set()
        waiter_thread, poller_thread = threads
        deadline = time.monotonic() + 1.0  # both joins share one second
        poller_thread.join(1.0)  # first, so that the poller cannot take the waiter's "stop"
        queue.publish("stop")
        waiter_thread.join(max(0.0, deadline - time.monotonic()))
    assert not problems, problems
