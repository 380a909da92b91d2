"""Capacity, CPU path and autoscaling numbers for docs/design/gpu-inference-api.md.

A first-order model of serving a dense decoder on GPUs with continuous batching.
The memory arithmetic (weights, key/value cache per token, the Llama-3-8B-shaped
model) is not repeated here: it is imported from the GPU memory notebook's model
(snippets/notebooks/gpu_memory_and_kv_cache/model.py) and the round page's
numbers (snippets/rounds/ml_system_design/numbers.py).

What this module adds, each an assumption stated on the page:

- a decode step reads the replica's weights once and every running sequence's
  cache once, so its time is the bytes read over the memory bandwidth actually
  achieved, plus a fixed overhead per step (memory-bound decode);
- prefill costs 2 FLOPs per parameter per prompt token at an achieved share of
  the GPU's peak (compute-bound prefill);
- tensor parallelism over `tp` GPUs splits both reads and both FLOP counts
  evenly and its communication is ignored (so more GPUs per replica flatter it);
- prefill and decode time on a replica add up (no overlap credit).

Decimal units: 1 GB = 1e9 bytes, 1 TB/s = 1e12 bytes per second. Times in
seconds inside the model; the page prints milliseconds where that reads better.

>>> print(report())
traffic: 200 requests/s, 500,000 prompt tokens/s, 74,000 output tokens/s
model: 8.03B params, 16-bit, 1 GPU per replica (80 GB, 2.0 TB/s)
  KV cache free per replica          55.94 GB
  mean context while decoding        2,356 tokens
  batch that fits in memory          181
  batch that meets 50 ms per token   130
  decode step at that batch          49.8 ms
  decode tokens/s per replica        2,608
  prefill tokens/s per replica       7,472
  GPU-seconds per second, decode     28.4
  GPU-seconds per second, prefill    66.9
  replicas at 70% busy               137
  GPUs                               137
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from snippets.notebooks.gpu_memory_and_kv_cache.model import RESERVE_BYTES, SHAPES, as_model
from snippets.rounds.ml_system_design.numbers import Model, kv_bytes_per_token, weight_bytes


# --8<-- [start:assumptions]
@dataclass(frozen=True)
class Gpu:
    """One GPU type. Prices are ours; the other figures are of the order of two
    published datasheets (an A100 80 GB and an H100 SXM, dense 16-bit)."""

    name: str
    memory_bytes: float
    bandwidth_bytes_per_s: float
    flops: float
    dollars_per_hour: float


GPU_A = Gpu("type A", 80e9, 2.0e12, 300e12, dollars_per_hour=2.0)
GPU_B = Gpu("type B", 80e9, 3.35e12, 990e12, dollars_per_hour=4.0)


@dataclass(frozen=True)
class Efficiency:
    """Shares of the datasheet a serving engine achieves, and fixed costs (ours:
    measure them on your engine before sizing a fleet)."""

    bandwidth: float = 0.6        # of peak memory bandwidth, in decode
    flops: float = 0.4            # of peak FLOP/s, in prefill
    step_overhead_s: float = 0.003  # per decode step: launches, sampling, scheduling
    target_busy: float = 0.7      # plan replicas to be this busy at peak


@dataclass(frozen=True)
class Traffic:
    """One class of requests at peak."""

    name: str
    requests_per_s: float
    prompt_tokens: int
    output_tokens: int
    api: str  # how clients call it: stream, sync or async


MIX = (
    Traffic("chat", 120, 1_500, 350, api="stream"),
    Traffic("summarise", 40, 6_000, 200, api="sync"),
    Traffic("offline jobs", 40, 2_000, 600, api="async"),
)


@dataclass(frozen=True)
class Deployment:
    model: Model
    gpu: Gpu = GPU_A
    tp: int = 1                   # GPUs per replica (tensor parallel)
    per_token_slo_s: float = 0.05  # p95 time between output tokens
    max_batch: int = 256          # the engine's cap on running sequences


MODEL_8B = as_model(SHAPES["8b-gqa"])
BASE = Deployment(MODEL_8B)
EFF = Efficiency()
# --8<-- [end:assumptions]


# --8<-- [start:replica]
def prompt_tokens_per_s(mix=MIX) -> float:
    return sum(t.requests_per_s * t.prompt_tokens for t in mix)


def output_tokens_per_s(mix=MIX) -> float:
    return sum(t.requests_per_s * t.output_tokens for t in mix)


def mean_decode_context(mix=MIX) -> float:
    """Tokens in a decoding sequence's cache, averaged over decode time: a reply
    of n tokens holds its prompt plus, on average, n/2 tokens of its own for n
    steps, so each class is weighted by its output tokens per second.

    >>> mean_decode_context((Traffic("x", 1, 1000, 200, "sync"),))
    1100.0
    """
    held = sum(t.requests_per_s * t.output_tokens * (t.prompt_tokens + t.output_tokens / 2)
               for t in mix)
    return held / output_tokens_per_s(mix)


def kv_free_bytes(d: Deployment = BASE) -> float:
    """Cache memory a replica has once the weights and a reserve per GPU are
    loaded (the notebook's 8 GB reserve), pooled over its `tp` GPUs."""
    return d.tp * (d.gpu.memory_bytes - RESERVE_BYTES) - weight_bytes(d.model)


def step_s(batch: float, context: float, d: Deployment = BASE, e: Efficiency = EFF) -> float:
    """One decode step for `batch` sequences of `context` cached tokens each.

    >>> round(step_s(1, 2000) * 1000, 1)  # weights dominate at batch 1
    16.6
    """
    read = weight_bytes(d.model) + batch * context * kv_bytes_per_token(d.model)
    return e.step_overhead_s + read / (d.tp * d.gpu.bandwidth_bytes_per_s * e.bandwidth)


def batch_for_memory(context: float, d: Deployment = BASE) -> int:
    return max(0, math.floor(kv_free_bytes(d) / (context * kv_bytes_per_token(d.model))))


def batch_for_latency(context: float, d: Deployment = BASE, e: Efficiency = EFF) -> int:
    """The largest batch whose decode step stays within the per-token SLO."""
    budget = (d.per_token_slo_s - e.step_overhead_s) * d.tp * d.gpu.bandwidth_bytes_per_s * e.bandwidth
    return max(0, math.floor((budget - weight_bytes(d.model)) / (context * kv_bytes_per_token(d.model))))


def running_batch(context: float, d: Deployment = BASE, e: Efficiency = EFF) -> int:
    """The batch a replica runs at peak: the tightest of memory, latency and the cap."""
    return min(batch_for_memory(context, d), batch_for_latency(context, d, e), d.max_batch)


def prefill_tokens_per_s(d: Deployment = BASE, e: Efficiency = EFF) -> float:
    """Prompt tokens a replica processes per second when it does nothing else."""
    return d.tp * d.gpu.flops * e.flops / (2 * d.model.params)


def decode_tokens_per_s(context: float, d: Deployment = BASE, e: Efficiency = EFF) -> float:
    b = running_batch(context, d, e)
    return b / step_s(b, context, d, e)
# --8<-- [end:replica]


# --8<-- [start:plan]
@dataclass(frozen=True)
class Plan:
    context: float
    batch_memory: int
    batch_latency: int
    batch: int
    step_s: float
    decode_per_replica: float
    prefill_per_replica: float
    decode_load: float   # replica-seconds of decode per second of traffic
    prefill_load: float  # replica-seconds of prefill per second of traffic
    replicas: int
    gpus: int
    dollars_per_hour: float


def plan(mix=MIX, d: Deployment = BASE, e: Efficiency = EFF) -> Plan:
    """Replicas and GPUs for a traffic mix at peak.

    >>> p = plan()
    >>> p.batch, p.replicas, p.gpus, p.dollars_per_hour
    (130, 137, 137, 274.0)
    """
    context = mean_decode_context(mix)
    b = running_batch(context, d, e)
    if b < 1:
        raise ValueError("not one sequence fits this replica: more GPUs per replica, or a smaller model")
    decode = decode_tokens_per_s(context, d, e)
    prefill = prefill_tokens_per_s(d, e)
    decode_load = output_tokens_per_s(mix) / decode
    prefill_load = prompt_tokens_per_s(mix) / prefill
    replicas = math.ceil((decode_load + prefill_load) / e.target_busy)
    return Plan(context, batch_memory=batch_for_memory(context, d),
                batch_latency=batch_for_latency(context, d, e), batch=b,
                step_s=step_s(b, context, d, e), decode_per_replica=decode,
                prefill_per_replica=prefill, decode_load=decode_load,
                prefill_load=prefill_load, replicas=replicas, gpus=replicas * d.tp,
                dollars_per_hour=replicas * d.tp * d.gpu.dollars_per_hour)
# --8<-- [end:plan]


# --8<-- [start:report]
def report(mix=MIX, d: Deployment = BASE, e: Efficiency = EFF) -> str:
    p = plan(mix, d, e)
    g = d.gpu
    head = [
        f"traffic: {sum(t.requests_per_s for t in mix):,.0f} requests/s, "
        f"{prompt_tokens_per_s(mix):,.0f} prompt tokens/s, {output_tokens_per_s(mix):,.0f} output tokens/s",
        f"model: {d.model.params / 1e9:.2f}B params, {8 * d.model.bytes_per_value}-bit, "
        f"{d.tp} GPU{'s' if d.tp > 1 else ''} per replica "
        f"({g.memory_bytes / 1e9:.0f} GB, {g.bandwidth_bytes_per_s / 1e12:.1f} TB/s)",
    ]
    rows = [
        ("KV cache free per replica", f"{kv_free_bytes(d) / 1e9:.2f} GB"),
        ("mean context while decoding", f"{p.context:,.0f} tokens"),
        ("batch that fits in memory", f"{p.batch_memory:,}"),
        (f"batch that meets {d.per_token_slo_s * 1000:.0f} ms per token", f"{p.batch_latency:,}"),
        ("decode step at that batch", f"{p.step_s * 1000:.1f} ms"),
        ("decode tokens/s per replica", f"{p.decode_per_replica:,.0f}"),
        ("prefill tokens/s per replica", f"{p.prefill_per_replica:,.0f}"),
        ("GPU-seconds per second, decode", f"{p.decode_load * d.tp:.1f}"),
        ("GPU-seconds per second, prefill", f"{p.prefill_load * d.tp:.1f}"),
        (f"replicas at {e.target_busy:.0%} busy", f"{p.replicas:,}"),
        ("GPUs", f"{p.gpus:,}"),
    ]
    return "\n".join(head + [f"  {name:<34} {value}" for name, value in rows])
# --8<-- [end:report]


# --8<-- [start:ttft]
def prefill_s(prompt_tokens: int, d: Deployment = BASE, e: Efficiency = EFF) -> float:
    """Time to first token's floor: one prompt's prefill with the replica to itself.

    >>> round(prefill_s(6_000), 2), round(prefill_s(6_000, replace(BASE, tp=2)), 2)
    (0.8, 0.4)
    """
    return prompt_tokens / prefill_tokens_per_s(d, e)
# --8<-- [end:ttft]


# --8<-- [start:cpu]
@dataclass(frozen=True)
class CpuPath:
    """The CPU side of one request (ours: measure on your own gateway)."""

    tokens_per_core_s: float = 200_000   # tokenising prompts, detokenising output
    core_s_per_request: float = 0.002    # auth, parsing, validation, routing, logging
    target_busy: float = 0.5


def cpu_cores(mix=MIX, c: CpuPath = CpuPath()) -> int:
    """Cores for the CPU path at peak.

    >>> cpu_cores()
    7
    """
    requests = sum(t.requests_per_s for t in mix)
    busy = (prompt_tokens_per_s(mix) + output_tokens_per_s(mix)) / c.tokens_per_core_s
    busy += requests * c.core_s_per_request
    return math.ceil(busy / c.target_busy)
# --8<-- [end:cpu]


# --8<-- [start:signals]
def utilisation_trap(load_share: float, context: float = 2356, d: Deployment = BASE,
                     e: Efficiency = EFF) -> tuple[float, int, float]:
    """At `load_share` of a replica's peak decode throughput, what the usual GPU
    utilisation metric (share of time a kernel is running) reads, the batch the
    continuous batcher then runs, and the share of the KV cache in use.

    The batch b that serves L tokens/s solves b / step_s(b) = L; any b >= 1 keeps
    a kernel running all the time.

    >>> utilisation_trap(0.1)
    (1.0, 5, 0.03)
    >>> utilisation_trap(0.5)
    (1.0, 33, 0.18)
    >>> utilisation_trap(1.0)
    (1.0, 130, 0.72)
    """
    peak = decode_tokens_per_s(context, d, e)
    load = load_share * peak
    bandwidth = d.tp * d.gpu.bandwidth_bytes_per_s * e.bandwidth
    per_seq = context * kv_bytes_per_token(d.model)
    fixed = e.step_overhead_s + weight_bytes(d.model) / bandwidth
    batch = math.ceil(load * fixed / (1 - load * per_seq / bandwidth))
    busy = 1.0 if batch >= 1 else 0.0
    return busy, batch, round(batch * per_seq / kv_free_bytes(d), 2)


def hpa_desired(current: int, metric: float, target: float) -> int:
    """Kubernetes' HorizontalPodAutoscaler rule: replicas scale with the ratio
    of the observed metric to its target.

    >>> hpa_desired(10, metric=45, target=30), hpa_desired(10, metric=15, target=30)
    (15, 5)
    """
    return math.ceil(current * metric / target)


def queue_target(replicas: int, batch: int, queue_wait_budget_s: float, step: float, reply_tokens: int) -> float:
    """Waiting requests a pool can absorb within a queue-wait budget: a replica
    frees about batch / (reply_tokens * step) slots per second.

    >>> round(queue_target(1, 130, 0.5, 0.05, 350), 1)
    3.7
    """
    return replicas * batch / (reply_tokens * step) * queue_wait_budget_s


def headroom(ramp_per_min: float, lead_min: float) -> float:
    """Spare capacity needed so that traffic growing `ramp_per_min` (compound)
    does not outrun capacity that takes `lead_min` to arrive.

    >>> round(headroom(0.02, 6), 3), round(headroom(0.02, 0.5), 3)
    (0.126, 0.01)
    """
    return (1 + ramp_per_min) ** lead_min - 1


def lead_time_s(node_s: float, weights_bytes: float, load_bytes_per_s: float, warmup_s: float) -> float:
    """From the autoscaler's decision to a replica taking traffic.

    >>> lead_time_s(240, 16.06e9, 1e9, 30)  # new node, weights from the object store
    286.06
    >>> lead_time_s(0, 16.06e9, 5e9, 10)    # warm node, weights on local NVMe
    13.212
    """
    return node_s + weights_bytes / load_bytes_per_s + warmup_s
# --8<-- [end:signals]


# --8<-- [start:fleet]
def fleet_options(mix=MIX, e: Efficiency = EFF) -> str:
    """All on type A, all on type B, or prefill on B and decode on A
    (disaggregated: the cache moves between pools, which this ignores).

    >>> print(fleet_options())
    option                    GPUs   $/hour
    all type A                 137      274
    all type B                  52      208
    prefill B, decode A         70      198
    """
    a, b = BASE, replace(BASE, gpu=GPU_B)
    pa, pb = plan(mix, a, e), plan(mix, b, e)
    prefill_b = math.ceil(pb.prefill_load / e.target_busy)
    decode_a = math.ceil(pa.decode_load / e.target_busy)
    rows = [
        ("all type A", pa.gpus, pa.dollars_per_hour),
        ("all type B", pb.gpus, pb.dollars_per_hour),
        ("prefill B, decode A", prefill_b + decode_a,
         prefill_b * GPU_B.dollars_per_hour + decode_a * GPU_A.dollars_per_hour),
    ]
    lines = [f"{'option':<22}{'GPUs':>7}{'$/hour':>9}"]
    lines += [f"{name:<22}{gpus:>7,}{dollars:>9,.0f}" for name, gpus, dollars in rows]
    return "\n".join(lines)

# --8<-- [end:fleet]


if __name__ == "__main__":
    print(report())
    print()
    print(fleet_options())
