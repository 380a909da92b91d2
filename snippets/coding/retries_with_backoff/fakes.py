"""The test doubles for docs/coding/retries-with-backoff.md: time, randomness and
two services that fail on cue. Nothing here sleeps or touches the network.

- `ServiceError`: what a service raises for an HTTP-style error status, with the
  server's `Retry-After` in seconds when it sent one.
- `FakeClock` and `FakeSleep`: sleeping moves the fake clock and is recorded.
- `ScriptedRandom`: `uniform(low, high)` returns chosen points of the range.
- `FlakyService`: fails as its script says, then succeeds.
- `PaymentServer`: charges money, deduplicates by idempotency key, and can lose
  its reply after charging, or still be working when the client gives up.

>>> clock = FakeClock()
>>> sleep = FakeSleep(clock)
>>> service = FlakyService(clock, ["503", "timeout:2", "ok"])
>>> for _ in range(3):
...     try:
...         print(service())
...     except Exception as error:
...         print(type(error).__name__, error)
ServiceError 503 Service Unavailable
TimeoutError no reply after 2 s
ok
>>> sleep(0.5); clock(), sleep.slept
(2.5, [0.5])
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

REASONS = {400: "Bad Request", 404: "Not Found", 408: "Request Timeout", 409: "Conflict",
           422: "Unprocessable Content", 429: "Too Many Requests", 500: "Internal Server Error",
           502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"}


class ServiceError(Exception):
    """An error reply: an HTTP-style status and, if the server sent one, Retry-After."""

    def __init__(self, status: int, retry_after_s: float | None = None, detail: str = "") -> None:
        self.status, self.retry_after_s = status, retry_after_s
        text = f"{status} {REASONS.get(status, 'Error')}"
        super().__init__(text + (f": {detail}" if detail else ""))


class FakeClock:
    """Seconds as a number that moves only when told to."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeSleep:
    """A `time.sleep` stand-in: records each delay and moves the clock by it."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock, self.slept = clock, []

    def __call__(self, seconds: float) -> None:
        if not 0 <= seconds < math.inf:
            raise ValueError(f"sleep({seconds!r}): a delay must be finite and not negative")
        self.slept.append(seconds)
        self.clock.advance(seconds)


class ScriptedRandom:
    """`uniform(low, high)` returns low + f x (high - low), f taken from `fractions` in
    turn (cycling). Only `uniform` exists: that is the one draw the problem allows."""

    def __init__(self, fractions: Iterable[float] = (0.5,)) -> None:
        self.fractions, self.calls = list(fractions), []

    def uniform(self, low: float, high: float) -> float:
        fraction = self.fractions[len(self.calls) % len(self.fractions)]
        self.calls.append((low, high))
        return low + fraction * (high - low)


class FlakyService:
    """A callable that plays its script, one entry per call, then succeeds.

    "ok" returns "ok"; "timeout:S" takes S seconds then raises TimeoutError;
    "reset" raises ConnectionError; "429:S" raises ServiceError(429) with
    Retry-After S; any other number raises ServiceError with that status.
    """

    def __init__(self, clock: FakeClock, script: Iterable[str] = ()) -> None:
        self.clock, self.script, self.calls = clock, list(script), []

    def __call__(self, *args, **kwargs) -> str:
        self.calls.append((self.clock(), args, kwargs))
        step = self.script.pop(0) if self.script else "ok"
        if step == "ok":
            return "ok"
        if step == "reset":
            raise ConnectionError("connection reset by peer")
        kind, _, value = step.partition(":")
        if kind == "timeout":
            self.clock.advance(float(value))
            raise TimeoutError(f"no reply after {float(value):g} s")
        return self._fail(int(kind), float(value) if value else None)

    @staticmethod
    def _fail(status: int, retry_after_s: float | None) -> str:
        raise ServiceError(status, retry_after_s)


# --8<-- [start:payments]
@dataclass
class _Request:
    amount: int
    charge_id: str
    done_at: float        # when the charge is (or was) applied


class PaymentServer:
    """Charges an amount; a request with an idempotency key it has seen gets the
    first request's reply back instead of a second charge.

    Each request plays the next step of `script` (then "ok"): "unavailable" fails
    before doing anything (503); "lose_reply" does the work, then the reply is lost:
    the client waits `timeout_s` and sees TimeoutError; "slow:S" starts a charge that
    completes S seconds later, while the client times out as before. A request whose
    key is still being worked on gets 409; one that reuses a key with a different
    amount gets 422. `ledger` lists every charge actually made, in order.
    """

    def __init__(self, clock: FakeClock, script: Iterable[str] = (), timeout_s: float = 1.0) -> None:
        self.clock, self.script, self.timeout_s = clock, list(script), timeout_s
        self.ledger: list[tuple[str, int, str | None]] = []  # (charge id, amount, key)
        self.by_key: dict[str, _Request] = {}
        self.pending: list[tuple[_Request, str | None]] = []  # slow charges not yet made
        self.started = self.calls = 0

    def settle(self) -> None:
        """Make every slow charge whose time has come (a real server would on its own)."""
        for request, key in list(self.pending):
            if request.done_at <= self.clock():
                self.ledger.append((request.charge_id, request.amount, key))
                self.pending.remove((request, key))

    def charge(self, amount: int, *, idempotency_key: str | None = None) -> str:
        self.calls += 1
        self.settle()
        step = self.script.pop(0) if self.script else "ok"
        if step == "unavailable":
            raise ServiceError(503)
        seen = self.by_key.get(idempotency_key) if idempotency_key is not None else None
        if seen is not None:
            if seen.amount != amount:
                raise ServiceError(422, detail="idempotency key reused with a different amount")
            if seen.done_at > self.clock():
                raise ServiceError(409, detail="a request with this key is still being processed")
            return self._reply(seen.charge_id, step)
        self.started += 1
        kind, _, value = step.partition(":")
        request = _Request(amount, f"ch_{self.started}",
                           self.clock() + (float(value) if kind == "slow" else 0.0))
        if idempotency_key is not None:
            self.by_key[idempotency_key] = request
        if kind == "slow":
            self.pending.append((request, idempotency_key))
            return self._lost()
        self.ledger.append((request.charge_id, amount, idempotency_key))
        return self._reply(request.charge_id, step)

    def _reply(self, charge_id: str, step: str) -> str:
        return self._lost() if step == "lose_reply" else charge_id

    def _lost(self) -> str:
        self.clock.advance(self.timeout_s)
        raise TimeoutError(f"no reply after {self.timeout_s:g} s")
# --8<-- [end:payments]
