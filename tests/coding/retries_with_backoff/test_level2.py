"""Level 2: jitter, Retry-After and a deadline. Randomness comes only from
`rng.uniform(low, high)`; the tests pass a ScriptedRandom that returns chosen points
of each range and records the ranges asked for, or a seeded random.Random.
"""
import random

import pytest

from snippets.coding.retries_with_backoff.fakes import (FakeClock, FakeSleep, FlakyService,
                                                        ScriptedRandom, ServiceError)
from tests.coding.retries_with_backoff.helpers import result_of

LEVEL = 2


def setup(script, Retrier, fractions=(0.5,), **options):
    clock = FakeClock()
    sleep = FakeSleep(clock)
    rng = ScriptedRandom(fractions)
    options = {"max_attempts": 6, "base_s": 1.0, "cap_s": 8.0, **options}
    retrier = Retrier(options.pop("max_attempts"), options.pop("base_s"), options.pop("cap_s"),
                      clock=clock, sleep=sleep, rng=rng, **options)
    return retrier, FlakyService(clock, script), sleep, rng, clock


def test_our_worked_example(Retrier):
    retrier, service, sleep, _, _ = setup(["503", "503", "429:3", "ok"], Retrier, jitter="full")
    assert result_of(retrier, service) == "ok"
    assert sleep.slept == [0.5, 1.0, 3.0]


def test_no_jitter_is_the_default_and_draws_nothing(Retrier):
    retrier, service, sleep, rng, _ = setup(["503"] * 3, Retrier)
    retrier.call(service)
    assert sleep.slept == [1.0, 2.0, 4.0] and rng.calls == []


def test_full_jitter_draws_between_zero_and_the_backoff(Retrier):
    retrier, service, sleep, rng, _ = setup(["503"] * 5, Retrier, fractions=[0.25, 1.0], jitter="full")
    retrier.call(service)
    assert rng.calls == [(0, 1.0), (0, 2.0), (0, 4.0), (0, 8.0), (0, 8.0)]
    assert sleep.slept == [0.25, 2.0, 1.0, 8.0, 2.0]


def test_equal_jitter_keeps_half_and_draws_the_other_half(Retrier):
    retrier, service, sleep, rng, _ = setup(["503"] * 4, Retrier, fractions=[0.0, 0.5, 1.0],
                                            jitter="equal")
    retrier.call(service)
    assert rng.calls == [(0, 0.5), (0, 1.0), (0, 2.0), (0, 4.0)]
    assert sleep.slept == [0.5, 1.5, 4.0, 4.0]


def test_decorrelated_jitter_draws_from_base_to_three_times_the_last_delay(Retrier):
    retrier, service, sleep, rng, _ = setup(["503"] * 5, Retrier, fractions=[0.5], jitter="decorrelated",
                                            base_s=1.0, cap_s=8.0)
    retrier.call(service)
    # previous starts at base: uniform(1, 3) -> 2; uniform(1, 6) -> 3.5; uniform(1, 10.5) -> 5.75;
    # uniform(1, 17.25) -> 9.125, capped at 8; uniform(1, 24) -> 12.5, capped at 8
    assert rng.calls == [(1.0, 3.0), (1.0, 6.0), (1.0, 10.5), (1.0, 17.25), (1.0, 24.0)]
    assert sleep.slept == [2.0, 3.5, 5.75, 8.0, 8.0]


@pytest.mark.parametrize("jitter", ["full", "equal", "decorrelated"])
def test_one_draw_per_retry_and_a_fresh_sequence_per_call(Retrier, jitter):
    clock = FakeClock()
    sleep, rng = FakeSleep(clock), ScriptedRandom([0.5])
    retrier = Retrier(4, 1.0, 8.0, jitter=jitter, clock=clock, sleep=sleep, rng=rng)
    retrier.call(FlakyService(clock, ["503", "503"]))
    first = list(sleep.slept)
    retrier.call(FlakyService(clock, ["503", "503"]))
    assert len(rng.calls) == 4 and sleep.slept == first + first


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("jitter", ["full", "equal", "decorrelated"])
def test_jittered_delays_stay_in_their_ranges(Retrier, jitter, seed):
    clock = FakeClock()
    sleep = FakeSleep(clock)
    retrier = Retrier(9, 0.5, 4.0, jitter=jitter, clock=clock, sleep=sleep, rng=random.Random(seed))
    retrier.call(FlakyService(clock, ["503"] * 8))
    ceilings = [min(4.0, 0.5 * 2 ** n) for n in range(8)]
    for delay, ceiling in zip(sleep.slept, ceilings):
        low, high = {"full": (0, ceiling), "equal": (ceiling / 2, ceiling),
                     "decorrelated": (0.5, 4.0)}[jitter]
        assert low <= delay <= high
    assert len(set(sleep.slept)) > 1  # really random


def test_retry_after_is_a_minimum(Retrier):
    retrier, service, sleep, _, _ = setup(["429:2.5", "503:0.25", "503"], Retrier)
    retrier.call(service)
    assert sleep.slept == [2.5, 2.0, 4.0]  # 2.5 over 1; 2 over 0.25; none given: 4


def test_retry_after_wins_over_jitter_without_changing_the_next_draws(Retrier):
    retrier, service, sleep, rng, _ = setup(["429:6", "503"], Retrier, fractions=[0.5], jitter="full")
    retrier.call(service)
    assert sleep.slept == [6.0, 1.0] and rng.calls == [(0, 1.0), (0, 2.0)]


def test_no_retry_would_start_at_or_after_the_deadline(Retrier):
    retrier, service, sleep, _, clock = setup(["503"] * 10, Retrier, max_attempts=10, base_s=1.0,
                                              cap_s=100.0, deadline_s=7.0)
    with pytest.raises(ServiceError):
        retrier.call(service)
    assert sleep.slept == [1.0, 2.0]   # 1 + 2 = 3; then 3 + 4 = 7 is not before 7
    assert len(service.calls) == 3 and clock() == 3.0


def test_a_retry_just_before_the_deadline_is_made(Retrier):
    retrier, service, sleep, _, _ = setup(["503", "503", "503"], Retrier, base_s=1.0, cap_s=100.0,
                                          deadline_s=7.25)
    assert retrier.call(service) == "ok"
    assert sleep.slept == [1.0, 2.0, 4.0]  # the last starts at 7, before 7.25


def test_time_spent_in_attempts_counts_against_the_deadline(Retrier):
    retrier, service, sleep, _, clock = setup(["timeout:2", "timeout:2", "timeout:2", "ok"], Retrier,
                                              base_s=0.5, cap_s=100.0, deadline_s=6.0)
    with pytest.raises(TimeoutError):
        retrier.call(service)
    # 2 s, sleep 0.5, 2 s, sleep 1 (at 5.5), 2 s -> 7.5: a retry would start after 6
    assert sleep.slept == [0.5, 1.0] and len(service.calls) == 3


def test_a_retry_after_beyond_the_deadline_gives_up_without_sleeping(Retrier):
    retrier, service, sleep, _, _ = setup(["429:30", "ok"], Retrier, deadline_s=10.0)
    with pytest.raises(ServiceError) as caught:
        retrier.call(service)
    assert caught.value.status == 429 and sleep.slept == [] and len(service.calls) == 1


def test_each_call_has_its_own_deadline(Retrier):
    retrier, _, sleep, _, clock = setup([], Retrier, base_s=1.0, cap_s=100.0, deadline_s=4.0)
    for _ in range(3):
        assert retrier.call(FlakyService(clock, ["503", "503"])) == "ok"
    assert sleep.slept == [1.0, 2.0] * 3


def test_without_a_deadline_only_max_attempts_stops_it(Retrier):
    retrier, service, sleep, _, _ = setup(["503"] * 20, Retrier, max_attempts=20, base_s=1.0,
                                          cap_s=1000.0)
    with pytest.raises(ServiceError):
        retrier.call(service)
    assert len(service.calls) == 20 and sleep.slept[-1] == 1000.0
