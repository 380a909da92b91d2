"""Level 3: leaks. Work that leaves the queue as it found it must leave memory
as it found it too.

`retained_bytes` runs a cycle of work (say publish, receive, ack) 200 times to
warm up, then 2,000 times more under `tracemalloc`, and reports what those
2,000 cycles left allocated. A queue that is empty again after each cycle
should keep next to nothing: the limit allows 8 bytes a cycle (16,000 bytes
in all), far below the size of any record a leak would keep. The weakref
tests name the exact object that must be let go.
"""
import gc
import weakref

from snippets.coding.message_queue_bugs.testkit import FakeClock, retained_bytes
from tests.coding.message_queue_bugs.catalogue import exposes

LEVEL = 3
CYCLES = 2000
LIMIT = 8 * CYCLES  # bytes


class Callback:
    """An on_ack callback that a weakref can follow (a closure in real code)."""

    def __init__(self, calls):
        self.calls = calls

    def __call__(self, message_id):
        self.calls.append(message_id)


class Body:
    """A message body that a weakref can follow."""


@exposes(5)
def test_acked_messages_leave_no_memory_behind(MessageQueue):
    queue = MessageQueue(clock=FakeClock())
    queue.register("c")

    def cycle(i):
        queue.publish(f"payload {i}", on_ack=lambda message_id: None)
        assert queue.ack(queue.receive("c", timeout=0).receipt)

    kept = retained_bytes(cycle, CYCLES)
    assert kept < LIMIT, (f"{CYCLES} publish-receive-ack cycles with an on_ack callback left "
                          f"{kept} bytes allocated ({kept / CYCLES:.0f} per cycle)")


@exposes(5)
def test_an_acked_message_lets_go_of_its_body_and_callback(MessageQueue):
    queue = MessageQueue(clock=FakeClock())
    queue.register("c")
    body, calls = Body(), []
    callback = Callback(calls)
    message_id = queue.publish(body, on_ack=callback)
    delivery = queue.receive("c", timeout=0)
    body_ref, callback_ref = weakref.ref(body), weakref.ref(callback)
    del body, callback
    gc.collect()
    assert body_ref() is not None and callback_ref() is not None  # still needed
    assert queue.ack(delivery.receipt) and calls == [message_id]
    del delivery
    gc.collect()
    assert body_ref() is None, "the queue still holds an acked message's body"
    assert callback_ref() is None, "the queue still holds an acked message's on_ack callback"


@exposes(6)
def test_consumers_that_come_and_go_leave_no_memory_behind(MessageQueue):
    queue = MessageQueue(clock=FakeClock())

    def cycle(i):
        queue.register(f"worker-{i}")
        queue.unregister(f"worker-{i}")

    kept = retained_bytes(cycle, CYCLES)
    assert kept < LIMIT, (f"{CYCLES} consumers registered and unregistered left {kept} bytes "
                          f"allocated ({kept / CYCLES:.0f} per consumer)")


def test_redelivered_messages_leave_no_memory_behind(MessageQueue):
    clock = FakeClock()
    queue = MessageQueue(visibility_timeout=1, clock=clock)
    queue.register("c")

    def cycle(i):
        queue.publish(f"payload {i}")
        queue.receive("c", timeout=0)
        clock.advance(1)
        assert queue.redeliver_expired() == 1
        assert queue.ack(queue.receive("c", timeout=0).receipt)

    kept = retained_bytes(cycle, CYCLES)
    assert kept < LIMIT, f"{CYCLES} redelivery cycles left {kept} bytes allocated"


def test_a_message_waiting_for_its_ack_is_kept(MessageQueue):
    queue = MessageQueue(clock=FakeClock())
    queue.register("c")
    queue.publish(Body())
    receipt = queue.receive("c", timeout=0).receipt
    gc.collect()
    assert queue.stats()["in_flight"] == 1
    assert queue.ack(receipt)
