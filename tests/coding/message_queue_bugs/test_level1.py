"""Level 1: what the queue promises when one thread uses it.

The broken queue passes all of these: its bugs need a second thread or a long
run to show. A fix that breaks one of them has broken the queue.
"""
import pytest

from snippets.coding.message_queue_bugs.testkit import FakeClock, finishes

LEVEL = 1


def make(MessageQueue, *names, visibility=30, checkpoint=None):
    clock = FakeClock()
    extra = {} if checkpoint is None else {"checkpoint": checkpoint}
    queue = MessageQueue(visibility_timeout=visibility, clock=clock, **extra)
    for name in names:
        queue.register(name)
    return queue, clock


def test_messages_come_out_in_the_order_they_went_in(MessageQueue):
    queue, _ = make(MessageQueue, "c")
    ids = [queue.publish(body) for body in ("a", "b", "c")]
    got = [queue.receive("c", timeout=0) for _ in ids]
    assert [d.body for d in got] == ["a", "b", "c"]
    assert [d.message_id for d in got] == ids and len(set(ids)) == 3
    assert all(d.attempt == 1 for d in got)


def test_an_empty_queue_gives_none_when_told_not_to_wait(MessageQueue):
    queue, _ = make(MessageQueue, "c")
    assert queue.receive("c", timeout=0) is None


def test_a_delivered_message_stays_hidden_until_its_timeout_passes(MessageQueue):
    queue, clock = make(MessageQueue, "a", "b", visibility=30)
    queue.publish("job")
    first = queue.receive("a", timeout=0)
    assert queue.receive("b", timeout=0) is None
    clock.advance(29.5)
    assert queue.redeliver_expired() == 0
    assert queue.receive("b", timeout=0) is None
    clock.advance(0.5)  # exactly 30 s after the delivery: the timeout has passed
    assert queue.redeliver_expired() == 1
    second = queue.receive("b", timeout=0)
    assert (second.body, second.message_id, second.attempt) == ("job", first.message_id, 2)
    assert second.receipt != first.receipt


def test_an_ack_finishes_a_message_once(MessageQueue):
    queue, clock = make(MessageQueue, "c")
    queue.publish("job")
    delivery = queue.receive("c", timeout=0)
    assert queue.ack(delivery.receipt) is True
    assert queue.ack(delivery.receipt) is False
    assert queue.ack("no-such-receipt") is False
    clock.advance(3600)
    assert queue.redeliver_expired() == 0
    assert queue.receive("c", timeout=0) is None


def test_a_stale_receipt_cannot_ack_the_redelivered_message(MessageQueue):
    queue, clock = make(MessageQueue, "c")
    queue.publish("job")
    old = queue.receive("c", timeout=0)
    clock.advance(30)
    queue.redeliver_expired()
    new = queue.receive("c", timeout=0)
    assert queue.ack(old.receipt) is False
    assert queue.stats()["in_flight"] == 1
    assert queue.ack(new.receipt) is True


def test_on_ack_runs_once_with_the_message_id_and_only_on_an_ack(MessageQueue):
    calls = []
    queue, clock = make(MessageQueue, "c")
    message_id = queue.publish("job", on_ack=calls.append)
    old = queue.receive("c", timeout=0)
    clock.advance(30)
    queue.redeliver_expired()
    assert calls == []
    assert queue.ack(old.receipt) is False and calls == []
    assert queue.ack(queue.receive("c", timeout=0).receipt) is True
    assert calls == [message_id]


def test_on_ack_may_call_the_queue(MessageQueue):
    queue, _ = make(MessageQueue, "c")
    queue.publish("first", on_ack=lambda message_id: queue.publish("follow-up"))
    receipt = queue.receive("c", timeout=0).receipt
    assert finishes(lambda: queue.ack(receipt)).get() is True  # no deadlock
    assert queue.receive("c", timeout=0).body == "follow-up"


def test_unregister_hands_back_what_the_consumer_held(MessageQueue):
    queue, _ = make(MessageQueue, "quitter", "stayer")
    for body in ("a", "b", "c"):
        queue.publish(body)
    held = [queue.receive("quitter", timeout=0) for _ in range(2)]
    assert queue.unregister("quitter") == 2
    assert [queue.receive("stayer", timeout=0).body for _ in range(3)] == ["c", "a", "b"]
    assert all(queue.ack(d.receipt) is False for d in held)
    assert queue.stats() == {"ready": 0, "in_flight": 3, "consumers": 1}


def test_redelivered_messages_join_the_back_of_the_queue(MessageQueue):
    queue, clock = make(MessageQueue, "c")
    queue.publish("early")
    queue.receive("c", timeout=0)
    queue.publish("late")
    clock.advance(30)
    assert queue.redeliver_expired() == 1
    assert [queue.receive("c", timeout=0).body for _ in range(2)] == ["late", "early"]


def test_consumer_names_are_checked(MessageQueue):
    queue, _ = make(MessageQueue, "c")
    with pytest.raises(ValueError):
        queue.register("c")
    with pytest.raises(KeyError):
        queue.receive("nobody", timeout=0)
    with pytest.raises(KeyError):
        queue.unregister("nobody")
    assert queue.unregister("c") == 0
    with pytest.raises(KeyError):
        queue.receive("c", timeout=0)
    queue.register("c")  # the name is free again
    queue.publish("job")
    assert queue.receive("c", timeout=0).body == "job"


def test_the_visibility_timeout_must_be_positive(MessageQueue):
    for bad in (0, -1):
        with pytest.raises(ValueError):
            MessageQueue(visibility_timeout=bad, clock=FakeClock())


def test_stats_count_ready_in_flight_and_consumers(MessageQueue):
    queue, _ = make(MessageQueue, "a", "b")
    assert queue.stats() == {"ready": 0, "in_flight": 0, "consumers": 2}
    for body in range(3):
        queue.publish(body)
    delivery = queue.receive("a", timeout=0)
    assert queue.stats() == {"ready": 2, "in_flight": 1, "consumers": 2}
    queue.ack(delivery.receipt)
    queue.unregister("b")
    assert queue.stats() == {"ready": 2, "in_flight": 0, "consumers": 1}


def test_every_operation_still_passes_its_checkpoint(MessageQueue):
    """The level 2 tests force a thread switch at these points; a method that no
    longer calls its checkpoint would let them pass without testing anything."""
    reached = []
    queue, clock = make(MessageQueue, checkpoint=reached.append)
    queue.register("c")
    assert "register" in reached
    assert queue.receive("c", timeout=0) is None
    assert "receive" in reached
    queue.publish("job")
    assert queue.ack(queue.receive("c", timeout=0).receipt) is True
    assert "ack" in reached
    queue.publish("job")
    queue.receive("c", timeout=0)
    clock.advance(30)
    assert queue.redeliver_expired() == 1
    assert "sweep" in reached
