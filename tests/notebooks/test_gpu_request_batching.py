"""Tests for snippets/notebooks/gpu_request_batching/ (notebook: docs/notebooks/gpu-request-batching.py).

Invariants checked on seeded Poisson runs (below, at and beyond capacity), cases
small enough to work out by hand (written out in the comments), and one
cross-check between the two simulators, which share no scheduling code: with
one-step requests, continuous batching is static batching with no wait.
"""
import numpy as np
import pytest

from snippets.notebooks.gpu_request_batching.model import (
    StepCost, generation_lengths, max_wait_for_budget, poisson_arrivals, simulate_continuous,
    simulate_static)

COST = StepCost(fixed_ms=10, per_item_ms=1)
GEN_COST = StepCost(fixed_ms=10, per_item_ms=0.5)
MAX_BATCH = 32
MAX_WAIT = max_wait_for_budget(150, COST, MAX_BATCH)  # 66 ms
N = 2000
LOADS = [50, 300, 700, 900]  # requests per second; the ceiling is 762
GEN_LOADS = [2, 8, 20, 40]   # requests per second; the ceiling is about 31


def one_step_runs(rate):
    arrivals, ones = poisson_arrivals(rate, N, seed=rate), np.ones(N, dtype=int)
    return {
        "none": simulate_static(arrivals, ones, COST, 1, 0),
        "static": simulate_static(arrivals, ones, COST, MAX_BATCH, MAX_WAIT),
        "continuous": simulate_continuous(arrivals, ones, COST, MAX_BATCH),
    }


def generation_runs(rate):
    arrivals, lengths = poisson_arrivals(rate, N, seed=rate), generation_lengths(N, seed=rate)
    return {
        "none": simulate_static(arrivals, lengths, GEN_COST, 1, 0),
        "static": simulate_static(arrivals, lengths, GEN_COST, MAX_BATCH, MAX_WAIT),
        "continuous": simulate_continuous(arrivals, lengths, GEN_COST, MAX_BATCH),
    }


def batches(run):
    """Group requests by dispatch time: static batches, in order."""
    starts, first = np.unique(run.dispatch_ms, return_index=True)
    return starts, np.append(first, len(run.dispatch_ms))


@pytest.mark.parametrize("rate", LOADS)
@pytest.mark.parametrize("kind", ["one-step", "generation"])
def test_static_batcher_holds_no_request_past_the_max_wait_while_the_gpu_is_free(rate, kind):
    run = (one_step_runs(rate) if kind == "one-step" else generation_runs(rate // 20 + 1))["static"]
    starts, bounds = batches(run)
    previous_end = 0.0
    for b, start in enumerate(starts):
        members = slice(bounds[b], bounds[b + 1])
        assert bounds[b + 1] - bounds[b] <= MAX_BATCH
        assert (run.arrival_ms[members] <= start + 1e-9).all()  # nobody leaves before arriving
        waited = start - run.arrival_ms[members]
        # either every member was dispatched within the max wait, or the GPU was busy
        # past that point and the batch started the instant the previous one ended
        assert waited.max() <= MAX_WAIT + 1e-9 or abs(start - previous_end) < 1e-9
        previous_end = run.finish_ms[members].max()


def test_with_a_free_gpu_no_request_waits_longer_than_the_max_wait():
    # 40 req/s against a 762 req/s ceiling: the GPU is nearly always free
    run = simulate_static(poisson_arrivals(40, N, seed=5), np.ones(N, dtype=int), COST,
                          MAX_BATCH, MAX_WAIT)
    waited = run.dispatch_ms - run.arrival_ms
    assert waited.max() <= MAX_WAIT + 1e-9
    assert waited.max() > 0.9 * MAX_WAIT  # and the batcher does use the wait it is given


@pytest.mark.parametrize("rate", LOADS)
def test_throughput_never_exceeds_the_ceiling_and_reaches_it_under_overload(rate):
    ceiling = COST.ceiling_per_s(MAX_BATCH)
    for name, run in one_step_runs(rate).items():
        assert run.throughput_per_s() <= ceiling
        assert run.step_sizes.max() <= (1 if name == "none" else MAX_BATCH)
        if rate < ceiling and name != "none":  # below capacity: carries the offered load
            assert run.throughput_per_s() == pytest.approx(rate, rel=0.06)
    if rate > ceiling:
        assert one_step_runs(rate)["static"].throughput_per_s() > 0.95 * ceiling


@pytest.mark.parametrize("rate", GEN_LOADS)
def test_token_throughput_never_exceeds_the_ceiling(rate):
    for run in generation_runs(rate).values():
        assert run.throughput_per_s(tokens=True) <= GEN_COST.ceiling_per_s(MAX_BATCH)
        assert run.step_sizes.max() <= MAX_BATCH


@pytest.mark.parametrize("rate", GEN_LOADS)
def test_every_token_is_produced_once_and_gpu_time_adds_up(rate):
    for run in generation_runs(rate).values():
        assert run.step_sizes.sum() == run.length.sum()  # one token per sequence per step
        steps = GEN_COST.fixed_ms + GEN_COST.per_item_ms * run.step_sizes
        assert run.busy_ms == pytest.approx(steps.sum())
        assert 0 < run.busy_share() <= 1 + 1e-9
        assert (run.finish_ms >= run.dispatch_ms + GEN_COST.step_ms(1) * run.length - 1e-6).all()


@pytest.mark.parametrize("rate", [1, 4, 8, 12])
def test_continuous_batching_does_not_hold_short_replies_behind_long_ones(rate):
    runs = generation_runs(rate)
    short = runs["static"].length < 100
    static, continuous = (runs[k].latency_ms[short].mean() for k in ("static", "continuous"))
    assert continuous < 0.5 * static


@pytest.mark.parametrize("rate", [50, 300, 700, 900])
def test_continuous_with_one_step_requests_is_static_batching_without_a_wait(rate):
    arrivals, ones = poisson_arrivals(rate, N, seed=rate + 1), np.ones(N, dtype=int)
    a = simulate_continuous(arrivals, ones, COST, MAX_BATCH)
    b = simulate_static(arrivals, ones, COST, MAX_BATCH, max_wait_ms=0)
    np.testing.assert_allclose(a.finish_ms, b.finish_ms)
    np.testing.assert_array_equal(a.step_sizes, b.step_sizes)


@pytest.mark.parametrize("rate", [50, 300, 600])
def test_the_budget_rule_keeps_p95_within_the_budget_below_capacity(rate):
    assert one_step_runs(rate)["static"].percentile_ms(95) <= 150


def test_no_batching_by_hand():
    # every 10 ms, 11 ms of work each: request k starts at 11k, so it waits k ms
    arrivals = np.arange(10) * 10.0
    run = simulate_static(arrivals, np.ones(10, dtype=int), COST, 1, 0)
    np.testing.assert_allclose(run.latency_ms, 11 + np.arange(10))


def test_static_batches_that_fill_by_hand():
    # every 5 ms, batches of 4: the 4th arrival (15 ms) fills the first batch,
    # 14 ms of work -> done at 29; the next fills at 35 (GPU free since 29) -> 49
    arrivals = np.arange(8) * 5.0
    run = simulate_static(arrivals, np.ones(8, dtype=int), COST, 4, 25)
    np.testing.assert_allclose(run.dispatch_ms, [15] * 4 + [35] * 4)
    np.testing.assert_allclose(run.latency_ms, [29, 24, 19, 14] * 2)


def test_static_batches_behind_a_busy_gpu_by_hand():
    # 50 ms fixed cost, batches of 2, 3 ms wait, one request every 5 ms:
    # 0 goes alone at 3 (ends 54); 5 and 10 start at 54 (ends 106); 15 and 20 at 106
    cost = StepCost(fixed_ms=50, per_item_ms=1)
    run = simulate_static(np.arange(5) * 5.0, np.ones(5, dtype=int), cost, 2, 3)
    np.testing.assert_allclose(run.dispatch_ms, [3, 54, 54, 106, 106])
    np.testing.assert_allclose(run.finish_ms, [54, 106, 106, 158, 158])


def test_static_generation_batch_by_hand():
    # lengths 3 and 1 in one batch: step 1 serves both (12 ms), steps 2-3 one each
    # (11 ms): the short reply is out at 12, the long at 34; the next request, at 1 ms,
    # waits for the whole batch and then runs its 2 steps alone: 34 + 22 = 56
    run = simulate_static(np.array([0.0, 0.0, 1.0]), np.array([3, 1, 2]), COST, 2, 0)
    np.testing.assert_allclose(run.finish_ms, [34, 12, 56])
    np.testing.assert_array_equal(run.step_sizes, [2, 1, 1, 1, 1])


def test_continuous_generation_by_hand():
    # the same requests: step 1 (0-12) serves 0 and 1; 1 leaves and 2 takes its slot;
    # step 2 (12-24) and step 3 (24-36) serve 0 and 2, both finishing at 36
    run = simulate_continuous(np.array([0.0, 0.0, 1.0]), np.array([3, 1, 2]), COST, 2)
    np.testing.assert_allclose(run.dispatch_ms, [0, 0, 12])
    np.testing.assert_allclose(run.finish_ms, [36, 12, 36])


def test_continuous_admits_an_arrival_at_the_next_step_boundary():
    # one long sequence runs 11 ms steps; a request arriving at 25 ms joins at 33
    run = simulate_continuous(np.array([0.0, 25.0]), np.array([10, 1]), COST, 4)
    assert run.dispatch_ms[1] == pytest.approx(33)
    assert run.finish_ms[1] == pytest.approx(33 + 12)


def test_an_idle_gpu_waits_for_the_next_arrival():
    run = simulate_continuous(np.array([0.0, 500.0]), np.array([2, 1]), COST, 4)
    np.testing.assert_allclose(run.finish_ms, [22, 511])
    assert run.busy_ms == pytest.approx(33)


def test_waiting_buys_gpu_time_not_throughput():
    # 150 req/s, a fifth of the ceiling: with no wait the GPU runs tiny batches and is
    # busy most of the time; with the budget's wait it carries the same load in far less
    arrivals, ones = poisson_arrivals(150, N, seed=9), np.ones(N, dtype=int)
    greedy = simulate_static(arrivals, ones, COST, MAX_BATCH, 0)
    patient = simulate_static(arrivals, ones, COST, MAX_BATCH, MAX_WAIT)
    assert greedy.throughput_per_s() == pytest.approx(patient.throughput_per_s(), rel=0.02)
    assert greedy.busy_share() > 0.8 > 0.4 > patient.busy_share()
    assert patient.mean_batch() > 4 * greedy.mean_batch()
    assert patient.percentile_ms(50) > 2 * greedy.percentile_ms(50)
