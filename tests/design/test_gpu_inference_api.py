"""Tests for snippets/design/gpu_inference_api/ (page: docs/design/gpu-inference-api.md).

The doctests pin the numbers the page prints; these check the model against
hand-worked cases and independent recomputation, and check its invariants:
batches sit exactly on their memory and latency limits, plans cover their load
with no spare replica, and the pool comparison moves the way the page argues.
"""
import math
import runpy
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from snippets.design.gpu_inference_api import adapters, estimates
from snippets.design.gpu_inference_api.estimates import (
    BASE, EFF, GPU_A, GPU_B, MIX, CpuPath, Traffic, batch_for_latency, batch_for_memory,
    cpu_cores, decode_tokens_per_s, fleet_options, headroom, hpa_desired, kv_free_bytes,
    lead_time_s, mean_decode_context, output_tokens_per_s, plan, prefill_s,
    prefill_tokens_per_s, prompt_tokens_per_s, queue_target, running_batch, step_s,
    utilisation_trap)
from snippets.notebooks.gpu_memory_and_kv_cache.model import SHAPES, as_model

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets/design/gpu_inference_api"
KV_8B = 32 * 8 * 128 * 2 * 2  # layers x KV heads x head dim x (key, value) x 2 bytes


def test_mean_context_matches_a_hand_worked_two_class_mix():
    mix = (Traffic("a", 2, 1000, 100, "sync"), Traffic("b", 1, 3000, 400, "sync"))
    # a: 200 tokens/s out, each holding 1000 + 50; b: 400 tokens/s out, holding 3000 + 200
    expected = (200 * 1050 + 400 * 3200) / 600
    assert mean_decode_context(mix) == pytest.approx(expected)
    assert prompt_tokens_per_s(mix) == 5000 and output_tokens_per_s(mix) == 600


def test_step_time_is_bytes_read_over_achieved_bandwidth_plus_overhead():
    weights = 8_030_261_248 * 2
    expected = 0.003 + (weights + 64 * 2000 * KV_8B) / (2.0e12 * 0.6)
    assert step_s(64, 2000) == pytest.approx(expected)
    assert step_s(64, 2000, replace(BASE, tp=2)) == pytest.approx(0.003 + (expected - 0.003) / 2)


@pytest.mark.parametrize("context", [500, 2356, 8000, 32_000])
@pytest.mark.parametrize("tp", [1, 2])
def test_batches_sit_exactly_on_their_limits(context, tp):
    d = replace(BASE, tp=tp)
    b = batch_for_memory(context, d)
    assert b * context * KV_8B <= kv_free_bytes(d) < (b + 1) * context * KV_8B
    b = batch_for_latency(context, d)
    assert step_s(b, context, d) <= d.per_token_slo_s + 1e-12 < step_s(b + 1, context, d)
    assert running_batch(context, d) == min(batch_for_memory(context, d), b, d.max_batch)


def test_the_engine_cap_binds_when_memory_and_latency_allow_more():
    assert running_batch(100, BASE) == BASE.max_batch
    assert running_batch(100, replace(BASE, max_batch=8)) == 8


def test_a_70b_model_does_not_fit_one_gpu_but_runs_on_four():
    big = replace(BASE, model=as_model(SHAPES["70b-gqa"]))
    with pytest.raises(ValueError, match="not one sequence fits"):
        plan(MIX, big)
    p = plan(MIX, replace(big, tp=4))
    assert p.batch >= 1 and p.gpus == 4 * p.replicas


def test_a_plan_covers_its_load_with_no_spare_replica():
    for mix in (MIX, MIX[:1], tuple(replace(t, requests_per_s=3 * t.requests_per_s) for t in MIX)):
        p = plan(mix)
        # an independent count: GPU-seconds needed each second, from the token rates
        need = output_tokens_per_s(mix) / decode_tokens_per_s(p.context) + prompt_tokens_per_s(mix) / (
            300e12 * 0.4 / (2 * 8_030_261_248))
        assert p.replicas * EFF.target_busy >= need > (p.replicas - 1) * EFF.target_busy


def test_replicas_grow_linearly_with_traffic():
    double = tuple(replace(t, requests_per_s=2 * t.requests_per_s) for t in MIX)
    assert abs(plan(double).replicas - 2 * plan(MIX).replicas) <= 1


def test_tensor_parallelism_halves_prefill_time():
    assert prefill_s(4000, replace(BASE, tp=2)) == pytest.approx(prefill_s(4000) / 2)
    assert prefill_tokens_per_s(replace(BASE, gpu=GPU_B)) == pytest.approx(
        prefill_tokens_per_s() * GPU_B.flops / GPU_A.flops)


@pytest.mark.parametrize("share", [0.01, 0.1, 0.3, 0.5, 0.9, 1.0])
def test_the_utilisation_trap_batch_is_the_smallest_that_carries_the_load(share):
    busy, b, kv_share = utilisation_trap(share)
    load = share * decode_tokens_per_s(2356)
    assert busy == 1.0
    assert b / step_s(b, 2356) >= load * (1 - 1e-9)
    assert (b - 1) / step_s(b - 1, 2356) < load
    assert kv_share == round(b * 2356 * KV_8B / kv_free_bytes(), 2)


def test_an_idle_replica_reads_zero():
    assert utilisation_trap(0.0)[:2] == (0.0, 0)


def test_hpa_rule_and_headroom():
    assert hpa_desired(4, 30, 30) == 4 and hpa_desired(3, 31, 30) == 4
    # a utilisation target below 100% keeps asking for more replicas at any load
    assert hpa_desired(10, 100, 70) > 10
    assert headroom(0.05, 0) == 0 and headroom(0.0, 10) == 0
    assert headroom(0.02, 6) == pytest.approx(np.prod([1.02] * 6) - 1)
    assert lead_time_s(0, 10e9, 1e9, 0) == pytest.approx(10)


def test_queue_target_is_slots_freed_within_the_wait_budget():
    # one replica, 100 slots, 200-token replies at 50 ms a token: 10 slots free per second
    assert queue_target(1, 100, 1.0, 0.05, 200) == pytest.approx(10)
    assert queue_target(3, 100, 0.5, 0.05, 200) == pytest.approx(15)


def test_cpu_cores_grow_with_tokens_and_requests():
    assert cpu_cores() < plan().gpus
    heavy = tuple(replace(t, prompt_tokens=10 * t.prompt_tokens) for t in MIX)
    assert cpu_cores(heavy) > cpu_cores()
    # by hand: 200 requests/s x 10 ms, plus 574,000 tokens/s at 1e9 per core, all at 100% busy
    assert cpu_cores(MIX, CpuPath(tokens_per_core_s=1e9, core_s_per_request=0.01, target_busy=1)) == math.ceil(
        200 * 0.01 + 574_000 / 1e9) == 3


def test_fleet_options_rows_follow_from_the_plans():
    rows = {line[:22].strip(): line[22:].split() for line in fleet_options().splitlines()[1:]}
    assert int(rows["all type A"][0]) == plan().gpus
    assert int(rows["all type B"][0]) == plan(MIX, replace(BASE, gpu=GPU_B)).gpus
    split_gpus, split_dollars = (int(x.replace(",", "")) for x in rows["prefill B, decode A"])
    prefill_b = math.ceil(plan(MIX, replace(BASE, gpu=GPU_B)).prefill_load / EFF.target_busy)
    assert split_dollars == prefill_b * GPU_B.dollars_per_hour + (split_gpus - prefill_b) * GPU_A.dollars_per_hour


def test_lora_params_count_every_adapter_matrix():
    shape = SHAPES["8b-gqa"]
    h, kv, r = shape.hidden, shape.kv_heads * shape.head_dim, 8
    projections = [(h, h), (h, kv), (h, kv), (h, h)]  # q, k, v, o: (in, out)
    per_layer = sum(np.zeros((i, r)).size + np.zeros((r, o)).size for i, o in projections)
    assert adapters.lora_params(shape, r) == shape.layers * per_layer
    assert adapters.lora_params(shape, 2 * r) == 2 * adapters.lora_params(shape, r)


def test_rates_are_zipf_and_sum_to_the_total():
    r = adapters.rates(adapters.Pools(variants=50, total_rps=80))
    assert sum(r) == pytest.approx(80) and r == sorted(r, reverse=True)
    assert r[0] / r[1] == pytest.approx(2 ** 1.1)
    flat = adapters.rates(adapters.Pools(variants=4, total_rps=8, skew=0))
    assert flat == pytest.approx([2, 2, 2, 2])


def test_each_pool_design_wins_where_the_page_says():
    one = adapters.Pools(variants=1)
    assert adapters.dedicated(one) < adapters.shared(one)  # one variant: adapters only cost
    tail = adapters.Pools(variants=100, total_rps=10)
    # 100 tiny variants share one small pool; apart, each pays the two-replica floor
    per_request = adapters.replica_s_per_request()
    assert adapters.shared(tail) == math.ceil(10 * per_request * 1.15 / 0.7) < 10
    assert adapters.dedicated(tail) == 100 * tail.min_replicas


def test_hybrid_spans_the_two_pure_designs():
    p = adapters.Pools()
    assert adapters.hybrid(replace(p, dedicate_above=0)) == (p.variants, adapters.dedicated(p))
    assert adapters.hybrid(replace(p, dedicate_above=10**6)) == (0, adapters.shared(p))


def test_a_shared_pool_never_needs_more_than_its_slowdown_over_perfect_packing():
    for variants, rps in ((3, 30), (40, 60), (40, 600)):
        p = adapters.Pools(variants=variants, total_rps=rps)
        perfect = rps * adapters.replica_s_per_request() / EFF.target_busy
        assert adapters.shared(p) <= max(p.min_replicas, math.ceil(perfect * 1.15))
        assert adapters.dedicated(p) >= math.ceil(perfect)


def test_modules_run_as_scripts(capsys):
    runpy.run_path(str(SNIPPETS / "estimates.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "replicas at 70% busy" in out and "prefill B, decode A" in out
    assert estimates.__doc__ and adapters.__doc__
