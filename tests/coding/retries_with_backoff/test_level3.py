"""Level 3: one idempotency key for every attempt of a call, and a retry budget
shared by all calls. Payments go to the fake PaymentServer, which deduplicates by
key, can lose its reply after charging, or can still be working when the client
gives up; its ledger says how many times money actually moved.
"""
import itertools

import pytest

from snippets.coding.retries_with_backoff.fakes import (FakeClock, FakeSleep, FlakyService,
                                                        PaymentServer, ServiceError)
from tests.coding.retries_with_backoff.helpers import result_of

LEVEL = 3


def keys():
    counter = itertools.count(1)
    return lambda: f"key-{next(counter)}"


def payments(Retrier, script, **options):
    clock = FakeClock()
    sleep = FakeSleep(clock)
    server = PaymentServer(clock, script, timeout_s=1.0)
    options = {"max_attempts": 4, "base_s": 0.5, "cap_s": 8.0, **options}
    retrier = Retrier(options.pop("max_attempts"), options.pop("base_s"), options.pop("cap_s"),
                      clock=clock, sleep=sleep, new_key=keys(), **options)
    return retrier, server, sleep, clock


# ---- idempotency keys -----------------------------------------------------------

def test_our_worked_example(Retrier):
    retrier, server, _, _ = payments(Retrier, ["lose_reply"])
    assert result_of(retrier, server.charge, 100, method="call_idempotent") == "ch_1"
    assert server.ledger == [("ch_1", 100, "key-1")]


def test_every_attempt_of_a_call_carries_the_same_key(Retrier):
    clock = FakeClock()
    service = FlakyService(clock, ["503", "reset", "timeout:1"])
    retrier = Retrier(5, 0.5, 8.0, clock=clock, sleep=FakeSleep(clock), new_key=keys())
    assert retrier.call_idempotent(service, "order-7", amount=5) == "ok"
    assert [kwargs for _, _, kwargs in service.calls] == [{"amount": 5, "idempotency_key": "key-1"}] * 4
    assert [args for _, args, _ in service.calls] == [("order-7",)] * 4


def test_each_call_gets_a_new_key(Retrier):
    retrier, server, _, _ = payments(Retrier, [])
    assert [retrier.call_idempotent(server.charge, 100) for _ in range(3)] == ["ch_1", "ch_2", "ch_3"]
    assert [key for _, _, key in server.ledger] == ["key-1", "key-2", "key-3"]


def test_a_lost_reply_then_a_retry_charges_once(Retrier):
    retrier, server, sleep, _ = payments(Retrier, ["lose_reply", "lose_reply"])
    assert retrier.call_idempotent(server.charge, 250) == "ch_1"
    assert len(server.ledger) == 1 and server.calls == 3 and sleep.slept == [0.5, 1.0]


def test_a_slow_charge_answers_409_until_done_then_the_stored_reply(Retrier):
    retrier, server, sleep, clock = payments(Retrier, ["slow:3"], max_attempts=6)
    assert retrier.call_idempotent(server.charge, 100) == "ch_1"
    # 0: starts, times out at 1; sleep 0.5; 1.5: 409; sleep 1; 2.5: 409; sleep 2; 4.5: done
    assert sleep.slept == [0.5, 1.0, 2.0] and clock() == 4.5
    assert server.ledger == [("ch_1", 100, "key-1")]


def test_an_outage_before_the_charge_then_success_charges_once(Retrier):
    retrier, server, _, _ = payments(Retrier, ["unavailable", "unavailable"])
    assert retrier.call_idempotent(server.charge, 100) == "ch_1"
    assert len(server.ledger) == 1


def test_a_rejected_payment_is_not_retried(Retrier):
    retrier, server, sleep, _ = payments(Retrier, [])
    retrier.call_idempotent(server.charge, 100)
    server.by_key["key-2"] = server.by_key["key-1"]     # the next key is already taken...
    with pytest.raises(ServiceError) as caught:          # ...for another amount: 422
        retrier.call_idempotent(server.charge, 999)
    assert caught.value.status == 422 and sleep.slept == [] and len(server.ledger) == 1


def test_call_still_sends_no_key(Retrier):
    clock = FakeClock()
    service = FlakyService(clock, [])
    Retrier(3, 0.5, 8.0, clock=clock, sleep=FakeSleep(clock), new_key=keys()).call(service, 1)
    assert service.calls[0][2] == {}


# ---- the retry budget -------------------------------------------------------------

def outage(Retrier, calls, every_s, **options):
    """`calls` calls, `every_s` apart, to a service that always fails with 503.
    Returns the number of attempts the service saw."""
    clock = FakeClock()
    sleep = FakeSleep(clock)
    retrier = Retrier(options.pop("max_attempts", 4), 0.25, 0.25, clock=clock, sleep=sleep, **options)
    service = FlakyService(clock, ["503"] * 100_000)
    start = 0.0
    for number in range(calls):
        clock.now = max(clock.now, start + number * every_s)
        with pytest.raises(ServiceError):
            retrier.call(service)
    return len(service.calls)


def test_without_a_budget_every_call_uses_every_attempt(Retrier):
    assert outage(Retrier, 40, 1.0) == 160


def test_a_budget_caps_retries_at_ratio_times_first_attempts_plus_minimum(Retrier):
    # 40 calls, 0.25 s apart: all inside one 100 s window. 0.25 x 40 + 2 = 12 retries.
    seen = outage(Retrier, 40, 0.25, budget_ratio=0.25, budget_window_s=100.0, budget_min=2)
    assert seen == 40 + 12


def test_the_budget_counts_the_first_attempt_of_the_call_asking(Retrier):
    # one call: 0.5 x 1 first attempt + 0 minimum = 0.5, so no retry; two calls: 1.0, one retry
    assert outage(Retrier, 1, 1.0, budget_ratio=0.5, budget_window_s=100.0, budget_min=0) == 1
    assert outage(Retrier, 2, 0.0, budget_ratio=0.5, budget_window_s=100.0, budget_min=0) == 3


def test_the_minimum_lets_a_quiet_client_retry(Retrier):
    assert outage(Retrier, 1, 1.0, budget_ratio=0.1, budget_window_s=10.0, budget_min=3) == 4


def test_the_budget_refills_as_its_window_slides(Retrier):
    # one call every 2 s, each failing; window 4 s, ratio 0, minimum 1: each window holds
    # at most one retry, so the calls retry once, then not, alternately
    seen = outage(Retrier, 6, 2.0, max_attempts=2, budget_ratio=0.0, budget_window_s=4.0, budget_min=1)
    assert seen == 6 + 3


def test_a_spent_budget_fails_fast_with_the_real_error(Retrier):
    clock = FakeClock()
    sleep = FakeSleep(clock)
    retrier = Retrier(4, 1.0, 8.0, clock=clock, sleep=sleep, budget_ratio=0.0, budget_min=0)
    with pytest.raises(ServiceError) as caught:
        retrier.call(FlakyService(clock, ["504"]))
    assert caught.value.status == 504 and sleep.slept == []


def test_successes_and_non_retryable_errors_spend_nothing(Retrier):
    clock = FakeClock()
    retrier = Retrier(4, 0.25, 8.0, clock=clock, sleep=FakeSleep(clock), budget_ratio=0.0,
                      budget_window_s=100.0, budget_min=1)
    for _ in range(5):
        assert retrier.call(FlakyService(clock, [])) == "ok"
        with pytest.raises(ServiceError):
            retrier.call(FlakyService(clock, ["400"]))
    service = FlakyService(clock, ["503", "503"])
    with pytest.raises(ServiceError):
        retrier.call(service)       # the one retry the minimum allows is still there
    assert len(service.calls) == 2


def test_a_call_out_of_attempts_spends_no_budget_on_its_last_failure(Retrier):
    # minimum 2, ratio 0: the first call's one retry leaves one for the second call
    clock = FakeClock()
    retrier = Retrier(2, 0.25, 8.0, clock=clock, sleep=FakeSleep(clock), budget_ratio=0.0,
                      budget_window_s=100.0, budget_min=2)
    with pytest.raises(ServiceError):
        retrier.call(FlakyService(clock, ["503", "503"]))
    assert retrier.call(FlakyService(clock, ["503"])) == "ok"


def test_a_retry_the_deadline_forbids_spends_no_budget(Retrier):
    # the server asks for 10 s, past the 5 s deadline: that call gives up without spending
    # the single retry the minimum allows, so the next call still has it
    clock = FakeClock()
    retrier = Retrier(4, 0.25, 8.0, clock=clock, sleep=FakeSleep(clock), deadline_s=5.0,
                      budget_ratio=0.0, budget_window_s=100.0, budget_min=1)
    with pytest.raises(ServiceError):
        retrier.call(FlakyService(clock, ["429:10"]))
    assert retrier.call(FlakyService(clock, ["503"])) == "ok"


def test_the_budget_is_shared_by_all_calls_and_operations(Retrier):
    clock = FakeClock()
    retrier = Retrier(4, 0.25, 8.0, clock=clock, sleep=FakeSleep(clock), budget_ratio=0.0,
                      budget_window_s=100.0, budget_min=2)
    first, second = FlakyService(clock, ["503"] * 9), FlakyService(clock, ["503"] * 9)
    for service in (first, second):
        with pytest.raises(ServiceError):
            retrier.call(service)
    assert len(first.calls) + len(second.calls) == 2 + 2


def test_idempotent_calls_spend_the_same_budget(Retrier):
    retrier, server, _, _ = payments(Retrier, ["unavailable"] * 10, budget_ratio=0.0,
                                     budget_window_s=100.0, budget_min=1)
    with pytest.raises(ServiceError):
        retrier.call_idempotent(server.charge, 100)
    assert server.calls == 2 and server.ledger == []
