"""Behaviour of our reference files that the level tests leave to the reader.

Our answers to the page's open questions (bad arguments, the note on a given-up
error), thread safety of the shared budget, the cost claims, the fakes' own
behaviour (including the double charge that keys prevent), the simulations, the
follow-ups and the budgets: tested here, against our files only.
"""
import importlib
import itertools
import random
import threading

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.retries_with_backoff import budget, followups, herd, starter
from snippets.coding.retries_with_backoff.fakes import (FakeClock, FakeSleep, FlakyService,
                                                        PaymentServer, ScriptedRandom, ServiceError)
from snippets.coding.retries_with_backoff.solution import JITTERS, Retrier, RetryBudget, retryable
from tests.coding.shared import kept

PACKAGE = "snippets.coding.retries_with_backoff"
KEPT = kept(__file__)


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "solution"]


def test_the_starter_refuses_with_a_pointer_to_level_1():
    with pytest.raises(NotImplementedError, match="level 1"):
        starter.Retrier().call(lambda: "ok")


def test_every_kept_state_classifies_errors_the_same_way():
    errors = [TimeoutError(), ConnectionResetError(), ServiceError(429), ServiceError(500),
              ServiceError(400), ValueError(), OSError()]
    for name in ["level1", "solution"]:
        module = importlib.import_module(f"{PACKAGE}.{name}")
        assert [module.retryable(e) for e in errors] == [True, True, True, True, False, False, False]


def test_a_status_that_is_not_a_number_is_not_retryable():
    error = ServiceError(503)
    error.status = "503"
    assert retryable(error) is False


# ---- ours: arguments --------------------------------------------------------------

@pytest.mark.parametrize("options, message", [
    ({"max_attempts": 0}, "max_attempts"), ({"max_attempts": 2.5}, "max_attempts"),
    ({"max_attempts": True}, "max_attempts"), ({"base_s": 0}, "base_s"),
    ({"base_s": 2.0, "cap_s": 1.0}, "cap_s"), ({"jitter": "gaussian"}, "'gaussian'"),
    ({"deadline_s": 0}, "deadline_s"), ({"budget_ratio": -0.1}, "budget"),
    ({"budget_ratio": 0.1, "budget_window_s": 0}, "budget"),
    ({"budget_ratio": 0.1, "budget_min": -1}, "budget")])
def test_bad_arguments_are_refused_by_name(options, message):
    with pytest.raises(ValueError, match=message):
        Retrier(**options)


# ---- ours: a given-up error says why ------------------------------------------------

def give_up(script, **options):
    clock = FakeClock()
    retrier = Retrier(clock=clock, sleep=FakeSleep(clock), **options)
    with pytest.raises(Exception) as caught:
        retrier.call(FlakyService(clock, script))
    return caught.value


def test_the_note_says_how_many_attempts():
    error = give_up(["503"] * 5, max_attempts=3)
    assert error.__notes__ == ["retries stopped: after 3 attempts"]


def test_the_note_names_the_deadline():
    error = give_up(["503"] * 5, max_attempts=5, base_s=1.0, deadline_s=2.0)
    assert error.__notes__ == ["retries stopped: the next try would start after the 2 s deadline"]


def test_the_note_names_the_budget():
    error = give_up(["503"] * 5, budget_ratio=0.0, budget_min=0)
    assert error.__notes__ == ["retries stopped: the retry budget is spent"]


def test_an_error_never_retried_carries_no_note():
    error = give_up(["404"])
    assert not hasattr(error, "__notes__")


# ---- the shared budget under threads -------------------------------------------------

def test_threads_never_spend_more_than_the_budget():
    retrier = Retrier(4, 0.1, 1.0, clock=lambda: 0.0, sleep=lambda _: None,
                      budget_ratio=0.0, budget_window_s=100.0, budget_min=25)
    attempts, lock = [0], threading.Lock()

    def failing():
        with lock:
            attempts[0] += 1
        raise ServiceError(503)

    def caller():
        for _ in range(50):
            with pytest.raises(ServiceError):
                retrier.call(failing)

    threads = [threading.Thread(target=caller) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert attempts[0] == 8 * 50 + 25


def test_the_budget_forgets_what_left_its_window():
    clock = FakeClock()
    spend = RetryBudget(0.5, 1.0, 0, clock)
    for step in range(1_000):
        clock.now = step / 10
        spend.first_attempt()
        spend.try_spend()
    assert len(spend.firsts) <= 10 and len(spend.retries) <= 10  # one window's worth


# ---- the cost claims -------------------------------------------------------------------

def test_delays_do_not_overflow_after_many_retries():
    delays = Retrier(base_s=0.5, cap_s=30.0).delays()
    assert list(itertools.islice(delays, 2_000))[-1] == 30.0


@pytest.mark.parametrize("jitter", JITTERS)
def test_one_call_costs_one_delay_generator_and_no_state_between_calls(jitter):
    retrier = Retrier(jitter=jitter, rng=random.Random(1))
    assert vars(retrier).keys() == {"max_attempts", "base_s", "cap_s", "jitter", "deadline_s",
                                    "clock", "sleep", "rng", "new_key", "budget"}


# ---- the fakes ----------------------------------------------------------------------------

def test_without_a_key_a_lost_reply_is_charged_twice():
    clock = FakeClock()
    server = PaymentServer(clock, ["lose_reply"])
    retrier = Retrier(3, 0.5, clock=clock, sleep=FakeSleep(clock))
    assert retrier.call(server.charge, 100) == "ch_2"
    assert [amount for _, amount, _ in server.ledger] == [100, 100]   # the bug keys prevent


def test_a_slow_charge_is_made_when_its_time_comes_even_if_nobody_asks_again():
    clock = FakeClock()
    server = PaymentServer(clock, ["slow:2"])
    with pytest.raises(TimeoutError):
        server.charge(5, idempotency_key="k")
    clock.now = 2.0
    server.settle()
    assert server.ledger == [("ch_1", 5, "k")]


def test_the_fake_sleep_refuses_impossible_delays():
    sleep = FakeSleep(FakeClock())
    for bad in (-1.0, float("inf"), float("nan")):
        with pytest.raises(ValueError):
            sleep(bad)


def test_scripted_random_cycles_its_fractions():
    rng = ScriptedRandom([0.0, 1.0])
    assert [rng.uniform(2, 4) for _ in range(3)] == [2, 4, 2]


def test_a_flaky_service_gives_retry_after_only_when_scripted():
    clock = FakeClock()
    service = FlakyService(clock, ["429:1.5", "429"])
    errors = []
    for _ in range(2):
        with pytest.raises(ServiceError) as caught:
            service()
        errors.append(caught.value.retry_after_s)
    assert errors == [1.5, None] and str(caught.value) == "429 Too Many Requests"


# ---- the simulations ------------------------------------------------------------------------

def test_without_jitter_the_herd_does_the_most_work_and_finishes_last():
    results = {j: herd.herd(j, 200, 5, 0.01, 0.01, 1.0) for j in JITTERS}
    assert all(results["none"][0] > results[j][0] for j in JITTERS if j != "none")
    assert all(results["none"][1] > results[j][1] for j in JITTERS if j != "none")


def test_without_jitter_retries_arrive_together():
    requests, _, peak = herd.herd("none", 50, 5, 0.01, 0.01, 1.0)
    assert peak == 45 and requests == sum(range(5, 55, 5))  # 45 then 40 ... back together


def test_every_client_gets_through_exactly_once():
    for jitter in JITTERS:
        requests, done, _ = herd.herd(jitter, 30, 3, 0.01, 0.01, 1.0)
        assert requests >= 30 and done > 0


def test_the_herd_is_the_same_for_the_same_seed():
    assert herd.herd("full", 100, 5, 0.01, 0.01, 1.0, seed=3) == herd.herd("full", 100, 5, 0.01, 0.01, 1.0, seed=3)


def test_a_full_outage_multiplies_load_by_max_attempts_without_a_budget():
    load, worked = herd.amplification(1.0, None, rate_per_s=10, seconds=10, max_attempts=3)
    assert (load, worked) == (3.0, 0.0)


def test_a_budget_bounds_load_in_a_full_outage():
    load, _ = herd.amplification(1.0, 0.1, rate_per_s=100, seconds=60)
    # any 10 s window: 10% of its first attempts plus 10; 60 s overlap at most 7 windows
    assert 1.1 < load <= 1.1 + 10 * 7 / 6_000


def test_the_herd_table_has_a_row_per_jitter():
    assert [line.split()[0] for line in herd.herd_table(clients=20, per_slot=5).splitlines()[1:]] == list(JITTERS)


# ---- follow-ups -------------------------------------------------------------------------------

def test_within_fails_at_once_when_no_time_is_left():
    clock = FakeClock()
    attempt = followups.within(1.0, lambda timeout_s: timeout_s, clock)
    clock.now = 1.0
    with pytest.raises(TimeoutError):
        attempt()


def test_retries_inside_a_deadline_get_ever_shorter_timeouts():
    clock = FakeClock()
    service = FlakyService(clock, ["503", "503"])
    retrier = Retrier(4, 1.0, clock=clock, sleep=FakeSleep(clock))
    retrier.call(followups.within(10.0, service, clock))
    assert [kwargs["timeout_s"] for _, _, kwargs in service.calls] == [10.0, 9.0, 7.0]


def test_the_breaker_opens_after_threshold_failures_and_half_opens_later():
    clock = FakeClock()
    breaker = followups.CircuitBreaker(3, 10.0, clock)
    service = FlakyService(clock, ["503"] * 4)
    for _ in range(3):
        with pytest.raises(ServiceError):
            breaker.call(service)
    assert breaker.state == "open"
    with pytest.raises(ServiceError, match="circuit open") as caught:
        breaker.call(service)
    assert caught.value.retry_after_s == 10.0 and len(service.calls) == 3
    clock.now = 10.0
    assert breaker.state == "half-open"
    with pytest.raises(ServiceError):
        breaker.call(service)           # the trial fails: open again
    assert breaker.state == "open"
    clock.now = 20.0
    assert breaker.call(service) == "ok" and breaker.state == "closed"


def test_a_retrier_around_a_breaker_waits_for_it_to_half_open():
    clock = FakeClock()
    sleep = FakeSleep(clock)
    breaker = followups.CircuitBreaker(2, 5.0, clock)
    service = FlakyService(clock, ["503", "503"])
    retrier = Retrier(4, 0.5, clock=clock, sleep=sleep)
    assert retrier.call(breaker.call, service) == "ok"
    # fails at 0 and 0.5 (open until 5.5); at 1.5 the breaker refuses with Retry-After 4,
    # which beats the backoff of 2; at 5.5 the trial call goes through
    assert sleep.slept == [0.5, 1.0, 4.0] and len(service.calls) == 3


# ---- budget ---------------------------------------------------------------------------

def test_both_budgets_fill_the_pages_minutes():
    page = (ROOT / "docs/coding/retries-with-backoff.md").read_text(encoding="utf-8")
    minutes = int(page.split("\nminutes:")[1].split()[0])
    assert budget.checkpoints(budget.LIVE)[-1][1] == minutes
    assert budget.checkpoints(budget.GATED)[-1][1] == minutes
