"""Level 2: the sliding log and the sliding counter, beside level 1's bucket.

One test per rule on the page for each algorithm, then seeded random call
sequences against the naive model (oracle.py). Every time used is a multiple of
1/16 s, so float arithmetic is exact in any order.
"""
from fractions import Fraction

import pytest

from tests.coding.rate_limiter.helpers import FakeClock, admitted, answers
from tests.coding.rate_limiter.oracle import NaiveLimiter, random_trace

LEVEL = 2


def log_limiter(RateLimiter, limit, window, clock):
    return RateLimiter(limit, window, algorithm="sliding_log", clock=clock)


def counter_limiter(RateLimiter, limit, window, clock):
    return RateLimiter(limit, window, algorithm="sliding_counter", clock=clock)


# ---- the sliding log ---------------------------------------------------------

def test_log_our_worked_example(RateLimiter):
    clock = FakeClock()
    limiter = log_limiter(RateLimiter, 3, 1.0, clock)
    assert answers(limiter, 4) == [True, True, True, False]
    clock.now = 0.5
    assert answers(limiter, 1) == [False]
    clock.now = 1.0
    assert answers(limiter, 4) == [True, True, True, False]


def test_log_a_request_leaves_the_window_exactly_window_s_later(RateLimiter):
    clock = FakeClock()
    limiter = log_limiter(RateLimiter, 1, 2.0, clock)
    assert admitted(limiter) is True
    clock.now = 2.0 - 1 / 16
    assert admitted(limiter) is False
    clock.now = 2.0
    assert admitted(limiter) is True


def test_log_requests_leave_one_at_a_time_in_the_order_they_came(RateLimiter):
    clock = FakeClock()
    limiter = log_limiter(RateLimiter, 3, 1.0, clock)
    for now in (0.0, 0.25, 0.5):
        clock.now = now
        assert admitted(limiter) is True
    for now, expected in ((0.75, False), (1.0, True), (1.0, False), (1.25, True), (1.5, True),
                          (1.5, False)):
        clock.now = now
        assert admitted(limiter) is expected, f"t={now}"


def test_log_refused_requests_do_not_count(RateLimiter):
    clock = FakeClock()
    limiter = log_limiter(RateLimiter, 2, 1.0, clock)
    answers(limiter, 2)
    for step in range(1, 16):  # hammering while full must not extend the block
        clock.now = step / 16
        assert answers(limiter, 3) == [False] * 3
    clock.now = 1.0
    assert answers(limiter, 3) == [True, True, False]


def test_log_no_burst_across_a_boundary(RateLimiter):
    clock = FakeClock(0.9375)  # the end of one second ...
    limiter = log_limiter(RateLimiter, 5, 1.0, clock)
    assert answers(limiter, 5) == [True] * 5
    clock.now = 1.0             # ... and the start of the next: still the same window
    assert answers(limiter, 5) == [False] * 5


@pytest.mark.parametrize("seed", range(25))
def test_log_no_window_ever_holds_more_than_limit(RateLimiter, seed):
    limit, window = 1 + seed % 4, (1.0, 2.0)[seed % 2]
    clock = FakeClock()
    limiter = log_limiter(RateLimiter, limit, window, clock)
    times = []
    for now, _ in random_trace(seed, window_s=window):
        clock.now = now
        if admitted(limiter):
            times.append(Fraction(now))
    for i, start in enumerate(times):
        inside = [t for t in times[i:] if t < start + Fraction(window)]
        assert len(inside) <= limit


@pytest.mark.parametrize("seed", range(25))
def test_log_random_calls_agree_with_the_naive_model(RateLimiter, seed):
    limit, window = 1 + seed % 5, (1.0, 2.0, 4.0)[seed % 3]
    clock = FakeClock()
    limiter = log_limiter(RateLimiter, limit, window, clock)
    naive = NaiveLimiter(limit, window, "sliding_log")
    for index, (now, _) in enumerate(random_trace(seed, window_s=window)):
        clock.now = now
        assert admitted(limiter) == naive.allow(now), f"call {index} at t={now}"


# ---- the sliding counter -----------------------------------------------------

def test_counter_our_worked_example(RateLimiter):
    clock = FakeClock(0.75)
    limiter = counter_limiter(RateLimiter, 4, 1.0, clock)
    assert answers(limiter, 5) == [True] * 4 + [False]  # window [0, 1) holds 4
    clock.now = 1.25                      # estimate 4 x 0.75 + 0 = 3: room for one
    assert answers(limiter, 2) == [True, False]
    clock.now = 1.5                       # 4 x 0.5 + 1 = 3: room for one more
    assert answers(limiter, 2) == [True, False]
    clock.now = 2.0                       # [1, 2) held 2: 2 x 1 + 0 = 2
    assert answers(limiter, 3) == [True, True, False]


def test_counter_windows_start_at_multiples_of_window_s_not_at_the_first_call(RateLimiter):
    clock = FakeClock(1.75)
    limiter = counter_limiter(RateLimiter, 2, 2.0, clock)  # fixed windows [0, 2), [2, 4)
    assert answers(limiter, 3) == [True, True, False]
    clock.now = 3.0                       # halfway into [2, 4): 2 x 0.5 + 0 = 1
    assert answers(limiter, 2) == [True, False]


def test_counter_an_estimate_exactly_at_limit_minus_one_admits(RateLimiter):
    clock = FakeClock(0.0)
    limiter = counter_limiter(RateLimiter, 3, 1.0, clock)
    answers(limiter, 3)
    clock.now = 1.5                       # 3 x 0.5 + 0 = 1.5: 1.5 + 1 <= 3, then 2.5 + 1 > 3
    assert answers(limiter, 2) == [True, False]
    clock.now = 1.75                      # 3 x 0.25 + 1 = 1.75: one more fits (2.75 <= 3)
    assert answers(limiter, 2) == [True, False]


def test_counter_a_window_two_back_no_longer_counts(RateLimiter):
    clock = FakeClock(0.5)
    limiter = counter_limiter(RateLimiter, 2, 1.0, clock)
    answers(limiter, 2)
    clock.now = 2.0                       # [0, 1) is two windows back; [1, 2) was empty
    assert answers(limiter, 3) == [True, True, False]


def test_counter_refused_requests_do_not_count(RateLimiter):
    clock = FakeClock()
    limiter = counter_limiter(RateLimiter, 2, 1.0, clock)
    answers(limiter, 2)
    for step in range(1, 16):
        clock.now = step / 16
        assert answers(limiter, 2) == [False, False]
    clock.now = 1.5                       # 2 x 0.5 + 0 = 1: one fits
    assert answers(limiter, 2) == [True, False]


def test_counter_no_fixed_window_ever_holds_more_than_limit(RateLimiter):
    clock = FakeClock()
    limiter = counter_limiter(RateLimiter, 3, 1.0, clock)
    per_window: dict[int, int] = {}
    for step in range(64):              # ten calls every 1/16 s for four seconds
        clock.now = step / 16
        per_window[step // 16] = per_window.get(step // 16, 0) + sum(answers(limiter, 10))
    assert max(per_window.values()) <= 3 and sum(per_window.values()) >= 4


@pytest.mark.parametrize("seed", range(25))
def test_counter_random_calls_agree_with_the_naive_model(RateLimiter, seed):
    limit, window = 1 + seed % 5, (1.0, 2.0, 4.0)[seed % 3]
    clock = FakeClock()
    limiter = counter_limiter(RateLimiter, limit, window, clock)
    naive = NaiveLimiter(limit, window, "sliding_counter")
    for index, (now, _) in enumerate(random_trace(seed, window_s=window)):
        clock.now = now
        assert admitted(limiter) == naive.allow(now), f"call {index} at t={now}"


# ---- all three ---------------------------------------------------------------

def test_the_token_bucket_is_still_the_default(RateLimiter):
    clock = FakeClock()
    limiter = RateLimiter(2, 1.0, clock=clock)
    answers(limiter, 2)
    clock.now = 0.5  # a bucket has one token back; a window would still be full
    assert admitted(limiter) is True


def test_the_three_algorithms_differ_where_the_page_says(RateLimiter):
    # The same calls: 4 at t=0.75, then 4 at t=1.25, with a limit of 4 per second.
    results = {}
    for name in ("token_bucket", "sliding_log", "sliding_counter"):
        clock = FakeClock(0.75)
        limiter = RateLimiter(4, 1.0, algorithm=name, clock=clock)
        first = sum(answers(limiter, 4))
        clock.now = 1.25
        results[name] = (first, sum(answers(limiter, 4)))
    assert results == {"token_bucket": (4, 2), "sliding_log": (4, 0), "sliding_counter": (4, 1)}
