"""Level 1: one token bucket, one caller. One test per rule on the page, then
seeded random call sequences compared answer by answer with a naive model that
replays the whole history in exact fractions (oracle.py).

Runs against every reference state (level1.py, level2.py, solution.py), or against
a reader's file with `python3 dev.py practice rate-limiter --impl FILE`. Every
time used is a multiple of 1/16 s, so float arithmetic is exact in any order.
"""
from fractions import Fraction

import pytest

from tests.coding.rate_limiter.helpers import FakeClock, admitted, answers
from tests.coding.rate_limiter.oracle import NaiveLimiter, random_trace

LEVEL = 1


def test_our_worked_example(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(4, 2.0, clock=clock)
    assert answers(limiter, 5) == [True, True, True, True, False]
    clock.now = 0.25
    assert answers(limiter, 1) == [False]
    clock.now = 0.5
    assert answers(limiter, 2) == [True, False]


@pytest.mark.parametrize("limit", [1, 3, 10])
def test_a_new_bucket_is_full_and_admits_exactly_limit_at_once(RateLimiter, limit):
    limiter = RateLimiter(limit, 1.0, clock=FakeClock(100.0))
    assert answers(limiter, limit + 5) == [True] * limit + [False] * 5


def test_tokens_come_back_at_limit_per_window(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(3, 1.0, clock=clock)  # 3 tokens a second: one per 1/3 s
    answers(limiter, 3)
    clock.now = 1.0
    assert answers(limiter, 4) == [True, True, True, False]


def test_part_of_a_token_is_not_enough_but_parts_add_up(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(2, 4.0, clock=clock)  # half a token a second
    answers(limiter, 2)
    for now in (0.5, 1.0, 1.5):  # a quarter, a half, three quarters
        clock.now = now
        assert admitted(limiter) is False
    clock.now = 2.0
    assert answers(limiter, 2) == [True, False]


def test_a_refused_call_spends_nothing(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(1, 1.0, clock=clock)
    admitted(limiter)
    for step in range(1, 16):  # refused fifteen times while refilling
        clock.now = step / 16
        assert admitted(limiter) is False
    clock.now = 1.0
    assert admitted(limiter) is True


def test_the_bucket_never_holds_more_than_limit(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(5, 1.0, clock=clock)
    answers(limiter, 2)
    clock.now = 1000.0  # idle for a long time
    assert answers(limiter, 7) == [True] * 5 + [False] * 2


def test_a_caller_at_exactly_the_rate_is_never_refused(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(4, 1.0, clock=clock)  # one token every 0.25 s
    answers(limiter, 4)
    for step in range(1, 200):
        clock.now = step * 0.25
        assert admitted(limiter) is True
        assert admitted(limiter) is False


def test_a_window_that_is_not_a_whole_number_of_tokens_per_second(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(3, 4.0, clock=clock)  # 0.75 tokens a second
    answers(limiter, 3)
    clock.now = 1.0
    assert admitted(limiter) is False
    clock.now = 1.5  # 1.125 tokens
    assert answers(limiter, 2) == [True, False]


def test_two_limiters_do_not_share_a_bucket(RateLimiter):
    clock = FakeClock()
    first, second = RateLimiter(2, 1.0, clock=clock), RateLimiter(2, 1.0, clock=clock)
    assert answers(first, 3) == [True, True, False]
    assert answers(second, 3) == [True, True, False]


def test_only_the_clock_passed_in_is_used(RateLimiter):
    clock = FakeClock(5.0)
    limiter = RateLimiter(1, 3600.0, clock=clock)
    assert answers(limiter, 2) == [True, False]  # a real clock would not help either
    clock.now = 5.0 + 3600.0
    assert admitted(limiter) is True


@pytest.mark.parametrize("seed", range(30))
def test_random_calls_agree_with_the_naive_model(RateLimiter, seed):
    limit, window = 1 + seed % 5, (1.0, 2.0, 4.0)[seed % 3]
    clock = FakeClock()
    limiter, naive = RateLimiter(limit, window, clock=clock), NaiveLimiter(limit, window)
    for index, (now, _) in enumerate(random_trace(seed, window_s=window)):
        clock.now = now
        assert admitted(limiter) == naive.allow(now), f"call {index} at t={now}"


@pytest.mark.parametrize("seed", range(10))
def test_no_stretch_of_time_admits_more_than_limit_plus_what_refills(RateLimiter, seed):
    limit, window = 3, 2.0
    clock = FakeClock()
    limiter = RateLimiter(limit, window, clock=clock)
    times = []
    for now, _ in random_trace(seed, window_s=window):
        clock.now = now
        if admitted(limiter):
            times.append(Fraction(now))
    rate = Fraction(limit) / Fraction(window)
    for i, start in enumerate(times):
        for j in range(i, len(times)):
            assert j - i + 1 <= limit + rate * (times[j] - start)
