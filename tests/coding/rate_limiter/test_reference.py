"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check the rules the page states. Our answers to the questions it
leaves open (its "Clarifying questions"), the cost claims of its Complexity
section, `retry_after`, the comparison and benchmark code, the follow-ups and the
budgets are tested here, against our files only.
"""
import gc
import importlib
import math
import random
import tracemalloc
from collections import OrderedDict, deque
from fractions import Fraction

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.rate_limiter import budget, compare, followups, solution, starter
from snippets.coding.rate_limiter.clock import FakeClock
from snippets.coding.rate_limiter.solution import ALGORITHMS, RateLimiter
from tests.coding.rate_limiter.oracle import NaiveLimiter, random_trace
from tests.coding.shared import kept

PACKAGE = "snippets.coding.rate_limiter"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").RateLimiter for name in KEPT}
NAMES = list(ALGORITHMS)


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "solution"]


def test_the_starter_refuses_with_a_pointer_to_level_1():
    limiter = starter.RateLimiter(1, 1.0, clock=FakeClock())
    with pytest.raises(NotImplementedError, match="level 1"):
        limiter.allow()


# ---- ours: arguments ---------------------------------------------------------

@pytest.mark.parametrize("limit", [0, -1, 1.5, True, "3"])
def test_limit_must_be_a_whole_number_of_at_least_one(limit):
    with pytest.raises(ValueError, match="limit"):
        RateLimiter(limit, 1.0)


@pytest.mark.parametrize("window", [0, -1.0, math.inf, math.nan, "1"])
def test_window_must_be_a_positive_finite_number(window):
    with pytest.raises(ValueError, match="window_s"):
        RateLimiter(1, window)


def test_an_unknown_algorithm_is_named():
    with pytest.raises(ValueError, match="'leaky_bucket'.*token_bucket, sliding_log, sliding_counter"):
        RateLimiter(1, 1.0, algorithm="leaky_bucket")


def test_the_default_clock_is_monotonic():
    assert RateLimiter(1, 1.0).clock.__name__ == "monotonic"


# ---- ours: a clock that goes backwards counts as no time passing ----------------

@pytest.mark.parametrize("name", KEPT)
def test_a_clock_going_back_refills_nothing(name):
    clock = FakeClock(10.0)
    limiter = REFERENCES[name](2, 1.0, clock=clock)
    assert [limiter.allow(), limiter.allow()] == [True, True]
    clock.now = 5.0
    assert limiter.allow() is False
    clock.now = 10.5  # half a second after the latest time seen: one token
    assert [limiter.allow(), limiter.allow()] == [True, False]


@pytest.mark.parametrize("algorithm", ["sliding_log", "sliding_counter"])
def test_a_clock_going_back_does_not_reopen_a_window(algorithm):
    clock = FakeClock(10.0)
    limiter = RateLimiter(1, 1.0, algorithm=algorithm, clock=clock)
    assert limiter.allow("k") is True
    clock.now = 8.0   # earlier than the admitted call: read as 10.0
    assert limiter.allow("k") is False
    clock.now = 12.0  # two windows on, both algorithms have room again
    assert limiter.allow("k") is True


# ---- retry_after ------------------------------------------------------------------

def replay(algorithm, limit, window, calls, until):
    clock = FakeClock()
    limiter = RateLimiter(limit, window, algorithm=algorithm, clock=clock)
    for now in calls:
        clock.now = now
        limiter.allow("k")
    clock.now = until
    return limiter, clock


@pytest.mark.parametrize("algorithm", NAMES)
@pytest.mark.parametrize("seed", range(40))
def test_retry_after_is_exactly_when_the_next_call_would_be_admitted(algorithm, seed):
    rng = random.Random(seed)
    limit, window = rng.randint(1, 5), rng.choice([1.0, 2.0, 3.0])
    calls = sorted(rng.uniform(0, 3 * window) for _ in range(rng.randint(1, 20)))
    now = calls[-1] + rng.choice([0.0, rng.uniform(0, window)])
    limiter, _ = replay(algorithm, limit, window, calls, now)
    wait = limiter.retry_after("k")
    assert wait >= 0
    later, clock = replay(algorithm, limit, window, calls, now)
    clock.now = now + wait + 1e-9
    assert later.allow("k") is True, f"not admitted {wait} s later"
    if wait > 1e-6:
        sooner, clock = replay(algorithm, limit, window, calls, now)
        clock.now = now + wait - 1e-6
        assert sooner.allow("k") is False, f"admitted before the {wait} s said"


def test_retry_after_of_the_counter_can_cross_two_window_edges():
    limiter, clock = replay("sliding_counter", 1, 1.0, [0.5], 0.5)  # [0, 1) holds its one
    assert limiter.retry_after("k") == pytest.approx(1.5)            # [1, 2) still weighs it
    clock.now = 1.999
    assert limiter.allow("k") is False
    clock.now = 2.0
    assert limiter.allow("k") is True


def test_retry_after_neither_counts_as_a_call_nor_needs_one():
    clock = FakeClock()
    limiter = RateLimiter(1, 1.0, algorithm="sliding_log", clock=clock)
    assert limiter.retry_after("never-seen") == 0.0 and len(limiter) == 0
    limiter.allow("k")
    for step in range(1, 40):
        clock.now = step / 20
        limiter.retry_after("k")
    assert limiter.allow("other") and len(limiter) == 2  # k: last call at 0, idle 1.95 s...
    clock.now = 2.0
    limiter.allow("other")
    assert len(limiter) == 1                              # ...and gone at 2 s, polling or not


# ---- ours: memory is given back ------------------------------------------------------

def test_the_key_table_is_rebuilt_when_most_keys_have_gone():
    clock = FakeClock()
    limiter = RateLimiter(4, 1.0, clock=clock)
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        for number in range(20_000):
            limiter.allow(f"user-{number}")
        held = tracemalloc.get_traced_memory()[0] - base
        clock.now = 2.0
        limiter.allow("someone")
        gc.collect()
        left = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert len(limiter) == 1 and left < held / 20


def test_no_rebuild_while_keys_are_in_use():
    limiter = RateLimiter(4, 1.0, clock=FakeClock())
    for number in range(100):
        limiter.allow(number)
    table = limiter.keys
    limiter.allow(100)
    assert limiter.keys is table and limiter.peak == 101


# ---- the cost claims ----------------------------------------------------------------

class CountingDeque(deque):
    appends = pops = 0

    def append(self, item):
        CountingDeque.appends += 1
        super().append(item)

    def popleft(self):
        CountingDeque.pops += 1
        return super().popleft()


def test_the_log_drops_each_time_at_most_once(monkeypatch):
    monkeypatch.setattr(solution, "deque", CountingDeque)
    CountingDeque.appends = CountingDeque.pops = 0
    clock = FakeClock()
    limiter = RateLimiter(50, 1.0, algorithm="sliding_log", clock=clock)
    calls = 0
    for step in range(2_000):
        clock.now = step / 100
        for _ in range(5):
            limiter.allow("k")
            calls += 1
    assert CountingDeque.pops <= CountingDeque.appends <= calls
    assert CountingDeque.appends == 50 * 20  # 50 per second for 20 s: the log is exact


class CountingOrderedDict(OrderedDict):
    peeks = 0

    def items(self):
        CountingOrderedDict.peeks += 1
        return super().items()


def test_forgetting_idle_keys_looks_at_no_more_than_one_key_it_keeps_per_call(monkeypatch):
    monkeypatch.setattr(solution, "OrderedDict", CountingOrderedDict)
    CountingOrderedDict.peeks = 0
    clock = FakeClock()
    limiter = RateLimiter(3, 1.0, clock=clock)
    calls = 0
    for number in range(30_000):
        clock.now = number / 1_000          # 2,000 keys in use at any time
        limiter.allow(number)
        calls += 1
    forgotten = 30_000 - len(limiter)
    assert CountingOrderedDict.peeks <= calls + forgotten


@pytest.mark.parametrize("algorithm", NAMES)
def test_state_per_key_is_constant_except_the_logs_times(algorithm):
    clock = FakeClock()
    limiter = RateLimiter(1_000, 60.0, algorithm=algorithm, clock=clock)
    for step in range(1_000):
        clock.now = step / 100
        limiter.allow("k")
    state = limiter.keys["k"][1]
    held = vars(state) if hasattr(state, "__dict__") else {}
    sizes = {name: len(value) for name, value in held.items() if hasattr(value, "__len__")}
    assert sizes == ({"times": 1_000} if algorithm == "sliding_log" else {})


# ---- compare.py ---------------------------------------------------------------------

def test_the_fixed_window_resets_at_each_calendar_window():
    assert compare.admitted("fixed_window", 2, 1.0, [0.9, 0.9, 0.9, 1.0, 1.0, 1.0]) == \
        [True, True, False, True, True, False]


def test_the_edge_bursts_fit_in_one_sliding_window():
    for first, second in compare.edge_bursts(100, 1.0).values():
        assert 0 < second - first < 1.0


@pytest.mark.parametrize("algorithm", NAMES)
def test_the_comparison_uses_the_same_rules_as_the_naive_model(algorithm):
    calls = [now for now, _ in random_trace(3, window_s=1.0)]
    naive = NaiveLimiter(3, 1.0, algorithm)
    assert compare.admitted(algorithm, 3, 1.0, calls) == [naive.allow(now) for now in calls]


def test_most_in_any_window_counts_half_open_windows():
    assert compare.most_in_any_window([0.0, 0.5, 1.0, 1.0, 1.9], 1.0) == 3  # (0, 1] or (0.9, 1.9]
    assert compare.most_in_any_window([0.0, 0.5, 0.99], 1.0) == 3
    assert compare.most_in_any_window([0.0, 1.0, 2.0], 1.0) == 1


def test_the_log_never_breaks_the_exact_rule_and_the_others_do():
    calls = compare.poisson_calls(15.0, 60.0, seed=1)
    for name in compare.NAMES:
        over, under = compare.judged(calls, compare.admitted(name, 10, 1.0, calls), 10, 1.0)
        assert (over, under) == (0, 0) if name == "sliding_log" else over + under > 0


def test_poisson_calls_arrive_at_about_the_rate_asked():
    calls = compare.poisson_calls(50.0, 200.0, seed=2)
    assert calls == sorted(calls) and 9_500 < len(calls) < 10_500


def test_the_random_table_at_a_small_size():
    table = compare.random_table(limit=5, seconds=20.0).splitlines()
    assert table[0].endswith("calls in 20 s, 1.5 x the limit of 5 per 1 s") and len(table) == 6
    log = next(line for line in table if line.startswith("sliding_log")).split()
    assert log[2:] == ["5", "0.00%", "0.00%"]


# ---- follow-ups ---------------------------------------------------------------------

def test_a_refusal_never_says_retry_after_zero():
    clock = FakeClock()
    limiter = RateLimiter(1, 0.25, clock=clock)
    followups.response_for(limiter, "k")
    assert followups.response_for(limiter, "k") == (429, {"Retry-After": "1"})


def test_check_then_add_lets_racing_servers_past_the_limit():
    store = followups.SharedCounters(FakeClock())
    store.incr_with_expiry("k", 60.0)                     # 1 of 3 already used
    racing = [followups.check_then_add(store, "k", 3, 60.0) for _ in range(4)]
    assert followups.interleaved(racing) == [True] * 4    # all four read 1 before anyone added
    assert store.get("k") == 5


def test_add_then_check_never_does():
    store = followups.SharedCounters(FakeClock())
    store.incr_with_expiry("k", 60.0)
    racing = [followups.add_then_check(store, "k", 3, 60.0) for _ in range(4)]
    assert followups.interleaved(racing) == [True, True, False, False]


def test_the_shared_counter_expires_with_its_window():
    clock = FakeClock()
    store = followups.SharedCounters(clock)
    assert [store.incr_with_expiry("k", 1.0) for _ in range(3)] == [1, 2, 3]
    clock.now = 0.999
    assert store.get("k") == 3
    clock.now = 1.0                                       # one expiry, set by the first add
    assert store.get("k") == 0 and store.incr_with_expiry("k", 1.0) == 1


@pytest.mark.parametrize("seed", range(50))
def test_fair_shares_are_max_min_fair(seed):
    rng = random.Random(seed)
    wants = {f"c{i}": rng.choice([1, 5, 20, 100, 300]) for i in range(rng.randint(1, 8))}
    capacity = rng.choice([10, 90, 200, 1_000])
    shares = followups.fair_shares(capacity, wants)
    assert sum(shares.values()) <= capacity + 1e-9
    assert all(shares[c] <= wants[c] + 1e-9 for c in wants)
    short = [c for c in wants if shares[c] < wants[c] - 1e-9]
    if short:  # capacity is all used, and the short ones get the most anyone gets
        assert sum(shares.values()) == pytest.approx(capacity)
        assert all(shares[c] == pytest.approx(max(shares.values())) for c in short)


def test_a_leased_rate_holds_until_the_lease_ends_then_the_safe_rate():
    clock = FakeClock()
    bucket = followups.LeasedBucket(safe_rate=2.0, clock=clock)
    bucket.grant(10.0, lease_s=5.0)
    admitted = 0
    for step in range(1, 4 * 100 + 1):   # 4 s, a call every 10 ms: 10 a second get through
        clock.now = step / 100
        admitted += bucket.allow()
    assert admitted == pytest.approx(40, abs=2)
    clock.now = 6.0                       # the lease ended at 5 and was not renewed
    admitted = 0
    for step in range(1, 4 * 100 + 1):
        clock.now = 6.0 + step / 100
        admitted += bucket.allow()
    assert admitted == pytest.approx(2 + 8, abs=1)   # a burst of 2, then 2 a second


def test_a_new_bucket_starts_on_the_safe_rate():
    clock = FakeClock()
    bucket = followups.LeasedBucket(safe_rate=3.0, clock=clock)
    assert sum(bucket.allow() for _ in range(10)) == 3


@pytest.mark.parametrize("algorithm", NAMES)
def test_striping_changes_no_answer(algorithm):
    clock = FakeClock()
    striped = followups.StripedRateLimiter(4, 2, 1.0, algorithm=algorithm, clock=clock)
    naive = NaiveLimiter(2, 1.0, algorithm)
    for now, key in random_trace(5, keys="abcdefgh", window_s=1.0, horizon_windows=10):
        clock.now = now
        assert striped.allow(key) == naive.allow(now, key)
    assert 0 < len(striped) <= 8


# ---- budget -----------------------------------------------------------------------

def test_both_budgets_fill_the_pages_minutes():
    page = (ROOT / "docs/coding/rate-limiter.md").read_text(encoding="utf-8")
    minutes = int(page.split("\nminutes:")[1].split()[0])
    assert budget.checkpoints(budget.LIVE)[-1][1] == minutes
    assert budget.checkpoints(budget.GATED)[-1][1] == minutes


def test_the_oracle_is_exact_where_floats_are_not():
    naive = NaiveLimiter(3, 1.0, "token_bucket")
    assert [naive.allow(0.0) for _ in range(4)] == [True, True, True, False]
    assert naive.allow(Fraction(1, 3)) is True   # exactly one token back, no rounding


def test_check_then_add_alone_is_right():
    store = followups.SharedCounters(FakeClock())
    store.incr_with_expiry("k", 60.0)
    alone = [followups.interleaved([followups.check_then_add(store, "k", 3, 60.0)])[0] for _ in range(4)]
    assert alone == [True, True, False, False]  # the race needs company
