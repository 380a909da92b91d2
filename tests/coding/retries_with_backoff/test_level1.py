"""Level 1: what to retry, how long to wait, when to stop. One test per rule on
the page, against every reference state (level1.py, level2.py, solution.py) or a
reader's file with `python3 dev.py practice retries-with-backoff --impl FILE`.

The services are the fakes in snippets/coding/retries_with_backoff/fakes.py; the
sleeper records every delay and moves a fake clock, so no test waits. Delays are
multiples of 1/4 s, which floats hold exactly.
"""
import pytest

from snippets.coding.retries_with_backoff.fakes import FakeClock, FakeSleep, FlakyService, ServiceError
from tests.coding.retries_with_backoff.helpers import result_of

LEVEL = 1


def setup(script, Retrier, max_attempts=4, base_s=0.25, cap_s=5.0):
    clock = FakeClock()
    sleep = FakeSleep(clock)
    return Retrier(max_attempts, base_s, cap_s, sleep=sleep), FlakyService(clock, script), sleep


def test_our_worked_example(Retrier):
    retrier, service, sleep = setup(["503", "reset", "ok"], Retrier)
    assert result_of(retrier, service) == "ok"
    assert sleep.slept == [0.25, 0.5]


def test_a_first_success_returns_at_once_without_sleeping(Retrier):
    retrier, service, sleep = setup([], Retrier)
    assert result_of(retrier, service) == "ok"
    assert len(service.calls) == 1 and sleep.slept == []


def test_arguments_reach_the_operation_on_every_attempt(Retrier):
    retrier, service, _ = setup(["503", "503"], Retrier)
    retrier.call(service, "order-7", amount=100)
    assert [(args, kwargs) for _, args, kwargs in service.calls] == [(("order-7",), {"amount": 100})] * 3


def test_what_the_operation_returns_is_returned(Retrier):
    retrier = Retrier(3, 0.25, 5.0, sleep=FakeSleep(FakeClock()))
    assert result_of(retrier, lambda: {"id": 42}) == {"id": 42}
    assert result_of(retrier, lambda: None) is None


def test_the_delay_doubles_from_base_s(Retrier):
    retrier, service, sleep = setup(["503"] * 4, Retrier, max_attempts=5, base_s=0.25, cap_s=100.0)
    retrier.call(service)
    assert sleep.slept == [0.25, 0.5, 1.0, 2.0]


def test_the_delay_never_exceeds_cap_s(Retrier):
    retrier, service, sleep = setup(["503"] * 6, Retrier, max_attempts=7, base_s=1.0, cap_s=5.0)
    retrier.call(service)
    assert sleep.slept == [1.0, 2.0, 4.0, 5.0, 5.0, 5.0]


@pytest.mark.parametrize("step", ["timeout:1", "reset", "408", "409", "429", "500", "502", "503",
                                  "504", "599"])
def test_no_reply_and_not_now_statuses_are_retried(Retrier, step):
    retrier, service, _ = setup([step], Retrier)
    assert retrier.call(service) == "ok" and len(service.calls) == 2


@pytest.mark.parametrize("step", ["400", "401", "403", "404", "422"])
def test_other_client_errors_are_not_retried(Retrier, step):
    retrier, service, sleep = setup([step], Retrier)
    with pytest.raises(ServiceError) as caught:
        retrier.call(service)
    assert caught.value.status == int(step)
    assert len(service.calls) == 1 and sleep.slept == []


@pytest.mark.parametrize("error", [ValueError("bad input"), KeyError("id"), ZeroDivisionError()])
def test_a_bug_in_the_operation_is_not_retried_and_comes_out_unchanged(Retrier, error):
    calls = []

    def broken():
        calls.append(1)
        raise error

    retrier = Retrier(4, 0.25, 5.0, sleep=FakeSleep(FakeClock()))
    with pytest.raises(type(error)) as caught:
        retrier.call(broken)
    assert caught.value is error and calls == [1]


def test_after_max_attempts_the_last_error_is_raised(Retrier):
    retrier, service, sleep = setup(["503", "reset", "timeout:1", "502", "ok"], Retrier, max_attempts=4)
    with pytest.raises(ServiceError) as caught:
        retrier.call(service)
    assert caught.value.status == 502             # the fourth failure, not the first
    assert len(service.calls) == 4 and sleep.slept == [0.25, 0.5, 1.0]  # no sleep after the last


def test_the_last_error_is_the_very_object_the_operation_raised(Retrier):
    raised = []

    def failing():
        raised.append(TimeoutError(f"attempt {len(raised) + 1}"))
        raise raised[-1]

    retrier = Retrier(3, 0.25, 5.0, sleep=FakeSleep(FakeClock()))
    with pytest.raises(TimeoutError) as caught:
        retrier.call(failing)
    assert caught.value is raised[-1] and len(raised) == 3


def test_one_attempt_means_no_retry(Retrier):
    retrier, service, sleep = setup(["503"], Retrier, max_attempts=1)
    with pytest.raises(ServiceError):
        retrier.call(service)
    assert len(service.calls) == 1 and sleep.slept == []


def test_each_call_starts_its_backoff_again(Retrier):
    clock = FakeClock()
    sleep = FakeSleep(clock)
    retrier = Retrier(4, 0.25, 5.0, sleep=sleep)
    retrier.call(FlakyService(clock, ["503", "503"]))
    retrier.call(FlakyService(clock, ["503", "503"]))
    assert sleep.slept == [0.25, 0.5, 0.25, 0.5]


def test_a_success_after_failures_ends_the_retries(Retrier):
    retrier, service, sleep = setup(["503", "ok", "503", "503"], Retrier, max_attempts=5)
    assert result_of(retrier, service) == "ok"
    assert len(service.calls) == 2 and sleep.slept == [0.25]
