"""The message queue of docs/coding/message-queue-bugs.md, fixed.

starter.py is the same queue with six bugs in it; this file is what it looks
like once they are gone, changed as little as the fixes allow, so that
`diff starter.py solution.py` shows each fix. Our own code: the source that
reports the question gives none.

Producers `publish` messages; consumers `register`, `receive` a message, work on
it and `ack` it. A delivered message is hidden from other consumers until its
visibility timeout passes; then `redeliver_expired` (a background thread in
production, the test itself here) makes it ready again. Delivery is therefore
at least once: a slow consumer's message can be handed to another one.

>>> from snippets.coding.message_queue_bugs.testkit import FakeClock
>>> clock = FakeClock()
>>> queue = MessageQueue(visibility_timeout=30, clock=clock)
>>> queue.register("worker-1")
>>> queue.publish("resize photo 17")
1
>>> first = queue.receive("worker-1", timeout=0)
>>> first
Delivery(receipt='1.1', message_id=1, body='resize photo 17', attempt=1)
>>> clock.advance(30)
>>> queue.redeliver_expired()   # no ack within 30 s: ready again
1
>>> queue.ack(first.receipt)    # too late: that delivery is over
False
>>> second = queue.receive("worker-1", timeout=0)
>>> second.receipt, second.attempt
('1.2', 2)
>>> queue.ack(second.receipt), queue.stats()
(True, {'ready': 0, 'in_flight': 0, 'consumers': 1})
"""
from __future__ import annotations

import itertools
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable


# --8<-- [start:types]
@dataclass(frozen=True)
class Delivery:
    """What `receive` hands a consumer; `ack(receipt)` finishes it."""

    receipt: str
    message_id: int
    body: Any
    attempt: int


@dataclass
class _Message:
    body: Any
    attempts: int = 0


@dataclass
class _Flight:
    """One delivery waiting for its ack."""

    message_id: int
    consumer: str
    deadline: float


@dataclass
class _Consumer:
    holding: dict[str, int] = field(default_factory=dict)  # receipt -> message id


def no_switch(point: str) -> None:
    """The checkpoint in production: nothing. Tests pass one that switches threads."""
# --8<-- [end:types]


class MessageQueue:
    """An at-least-once work queue. Every method may be called from any thread."""

    # --8<-- [start:init]
    def __init__(self, visibility_timeout: float = 30.0, *,
                 clock: Callable[[], float] = time.monotonic,
                 checkpoint: Callable[[str], None] = no_switch) -> None:
        if visibility_timeout <= 0:
            raise ValueError("visibility_timeout must be positive")
        self._visibility = visibility_timeout
        self._clock = clock
        self._checkpoint = checkpoint
        self._lock = threading.Lock()
        self._not_empty = threading.Condition(self._lock)  # (1)!
        self._ids = itertools.count(1)
        self._messages: dict[int, _Message] = {}         # published, not yet acked
        self._on_ack: dict[int, Callable[[int], Any]] = {}
        self._ready: deque[int] = deque()                # ids waiting for a consumer
        self._in_flight: dict[str, _Flight] = {}         # receipt -> delivery
        self._consumers: dict[str, _Consumer] = {}
    # --8<-- [end:init]

    # --8<-- [start:publish]
    def publish(self, body: Any, on_ack: Callable[[int], Any] | None = None) -> int:
        """Add a message; `on_ack(message_id)` is called once, when it is acked."""
        with self._lock:
            message_id = next(self._ids)
            self._messages[message_id] = _Message(body)
            if on_ack is not None:
                self._on_ack[message_id] = on_ack
            self._ready.append(message_id)
            self._not_empty.notify()  # (1)!
        return message_id
    # --8<-- [end:publish]

    # --8<-- [start:register]
    def register(self, consumer: str) -> None:
        """Add a consumer. ValueError if the name is taken."""
        with self._lock:
            if consumer in self._consumers:
                raise ValueError(f"consumer {consumer!r} is already registered")
            self._checkpoint("register")  # (1)!
            self._consumers[consumer] = _Consumer()

    def unregister(self, consumer: str) -> int:
        """Remove a consumer; what it held is ready again. Returns how many."""
        with self._lock:
            record = self._known(consumer)
            held = list(record.holding)
            for receipt in held:
                self._requeue(receipt)
            del self._consumers[consumer]  # (2)!
            return len(held)
    # --8<-- [end:register]

    def _known(self, consumer: str) -> _Consumer:
        """The consumer's record; KeyError if there is none. Caller holds the lock."""
        record = self._consumers.get(consumer)
        if record is None:
            raise KeyError(f"unknown consumer {consumer!r}")
        return record

    # --8<-- [start:receive]
    def receive(self, consumer: str, timeout: float | None = None) -> Delivery | None:
        """The oldest ready message, waiting up to `timeout` seconds for one
        (None: as long as it takes); None if none came."""
        with self._not_empty:
            self._known(consumer)
            if not self._ready:
                self._checkpoint("receive")
            if not self._not_empty.wait_for(lambda: self._ready, timeout):  # (1)!
                return None
            record = self._consumers.get(consumer)
            if record is None:  # (2)!
                self._not_empty.notify()
                raise KeyError(f"unknown consumer {consumer!r}")
            message_id = self._ready.popleft()
            message = self._messages[message_id]
            message.attempts += 1
            receipt = f"{message_id}.{message.attempts}"
            deadline = self._clock() + self._visibility
            self._in_flight[receipt] = _Flight(message_id, consumer, deadline)
            record.holding[receipt] = message_id
            return Delivery(receipt, message_id, message.body, message.attempts)
    # --8<-- [end:receive]

    # --8<-- [start:ack]
    def ack(self, receipt: str) -> bool:
        """Finish a delivery. False if the receipt is unknown, already acked, or
        stale: its timeout passed and the message went back to the queue."""
        with self._lock:
            flight = self._in_flight.pop(receipt, None)  # (1)!
            if flight is None:
                return False
            self._checkpoint("ack")
            del self._consumers[flight.consumer].holding[receipt]
            del self._messages[flight.message_id]
            callback = self._on_ack.pop(flight.message_id, None)  # (2)!
        if callback is not None:
            callback(flight.message_id)  # (3)!
        return True
    # --8<-- [end:ack]

    # --8<-- [start:sweep]
    def redeliver_expired(self) -> int:
        """Make every delivery whose timeout has passed ready again; how many."""
        with self._lock:  # (1)!
            now = self._clock()
            expired = [r for r, flight in self._in_flight.items() if flight.deadline <= now]
            for receipt in expired:
                self._checkpoint("sweep")
                self._requeue(receipt)
            return len(expired)

    def _requeue(self, receipt: str) -> None:
        """Put a delivered message back at the end of the queue. Caller holds the lock."""
        flight = self._in_flight.pop(receipt)
        del self._consumers[flight.consumer].holding[receipt]
        self._ready.append(flight.message_id)
        self._not_empty.notify()
    # --8<-- [end:sweep]

    def stats(self) -> dict[str, int]:
        """How many messages are ready and in flight, and how many consumers exist."""
        with self._lock:
            return {"ready": len(self._ready), "in_flight": len(self._in_flight),
                    "consumers": len(self._consumers)}
