"""The strongest rival for docs/design/gpu-inference-api.md: many fine-tuned
variants of one base model, served either from one dedicated pool per variant
(weights merged, no adapter cost) or from one shared pool of base-model replicas
that load low-rank (LoRA) adapters per request and batch requests for
different adapters together, as S-LoRA and vLLM's multi-LoRA support do.

The replica arithmetic comes from estimates.py; the model's shape from the GPU
memory notebook. What is ours: the adapter slowdown in a mixed batch, the
request rates and their skew, the minimum replicas per pool and the load rates.

>>> print(compare())
40 variants, 60 requests/s in all, busiest 16.3/s
design                          GPUs
one pool per variant              88
one shared pool with adapters     30
hybrid: 2 dedicated + shared      29
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from snippets.design.gpu_inference_api.estimates import (
    BASE, EFF, Deployment, Efficiency, Traffic, mean_decode_context, prefill_tokens_per_s,
    running_batch, step_s)
from snippets.notebooks.gpu_memory_and_kv_cache.model import SHAPES, Shape


# --8<-- [start:adapter]
def lora_params(shape: Shape, rank: int) -> int:
    """Parameters of a rank-`rank` adapter on the four attention projections of
    every layer: a d_in x r and an r x d_out matrix for each.

    >>> f"{lora_params(SHAPES['8b-gqa'], 16):,}"
    '13,631,488'
    """
    h, kv = shape.hidden, shape.kv_heads * shape.head_dim
    per_layer = rank * ((h + h) + (h + kv) + (h + kv) + (h + h))  # q, k, v, o
    return shape.layers * per_layer


def load_ms(nbytes: float, bytes_per_s: float) -> float:
    """Milliseconds to copy `nbytes` at `bytes_per_s`.

    >>> round(load_ms(2 * lora_params(SHAPES['8b-gqa'], 16), 25e9), 1)  # host memory to GPU
    1.1
    >>> round(load_ms(16.06e9, 2e9))                                   # a whole model from NVMe
    8030
    """
    return 1000 * nbytes / bytes_per_s
# --8<-- [end:adapter]


# --8<-- [start:pools]
CHAT = Traffic("chat", 1, 1_500, 350, api="stream")


@dataclass(frozen=True)
class Pools:
    variants: int = 40
    total_rps: float = 60.0
    skew: float = 1.1              # Zipf exponent of the request rates (ours)
    min_replicas: int = 2          # per pool: survive one replica or one zone
    adapter_slowdown: float = 0.15  # extra GPU time in a mixed-adapter batch (ours)
    dedicate_above: int = 4        # hybrid: own pool once a variant needs this many


def rates(p: Pools = Pools()) -> list[float]:
    """Requests per second for each variant, busiest first.

    >>> r = rates(Pools(variants=3, total_rps=11, skew=1.0))
    >>> [round(x, 2) for x in r]
    [6.0, 3.0, 2.0]
    """
    weights = [1 / (i + 1) ** p.skew for i in range(p.variants)]
    return [p.total_rps * w / sum(weights) for w in weights]


def replica_s_per_request(t: Traffic = CHAT, d: Deployment = BASE, e: Efficiency = EFF) -> float:
    """Replica-seconds one request of class `t` costs: its share of decode steps
    at the running batch, plus its prefill.

    >>> round(replica_s_per_request(), 3)
    0.296
    """
    context = mean_decode_context((t,))
    b = running_batch(context, d, e)
    return t.output_tokens * step_s(b, context, d, e) / b + t.prompt_tokens / prefill_tokens_per_s(d, e)


def replicas_for(rps: float, slowdown: float, floor: int, e: Efficiency = EFF) -> int:
    return max(floor, math.ceil(rps * replica_s_per_request() * (1 + slowdown) / e.target_busy))


def dedicated(p: Pools = Pools()) -> int:
    return sum(replicas_for(r, 0.0, p.min_replicas) for r in rates(p))


def shared(p: Pools = Pools()) -> int:
    return replicas_for(sum(rates(p)), p.adapter_slowdown, p.min_replicas)


def hybrid(p: Pools = Pools()) -> tuple[int, int]:
    """Variants that fill `dedicate_above` replicas get their own pool with merged
    weights; the rest share one adapter pool. Returns (dedicated pools, GPUs)."""
    own = [r for r in rates(p) if replicas_for(r, 0.0, 0) >= p.dedicate_above]
    rest = sum(rates(p)) - sum(own)
    gpus = sum(replicas_for(r, 0.0, p.min_replicas) for r in own)
    if rest > 0:
        gpus += replicas_for(rest, p.adapter_slowdown, p.min_replicas)
    return len(own), gpus


def compare(p: Pools = Pools()) -> str:
    n_own, hybrid_gpus = hybrid(p)
    r = rates(p)
    rows = [("one pool per variant", dedicated(p)),
            ("one shared pool with adapters", shared(p)),
            (f"hybrid: {n_own} dedicated + shared", hybrid_gpus)]
    lines = [f"{p.variants} variants, {sum(r):.0f} requests/s in all, busiest {r[0]:.1f}/s",
             f"{'design':<30}{'GPUs':>6}"]
    return "\n".join(lines + [f"{name:<30}{gpus:>6,}" for name, gpus in rows])


def sweep(cases=((1, 60), (5, 60), (40, 60), (200, 60), (40, 600))) -> str:
    """GPUs for each design as the number of variants and the traffic change.

    >>> print(sweep())
    variants  req/s  per-variant  shared  hybrid
           1     60           26      30      26
           5     60           28      30      28
          40     60           88      30      29
         200     60          405      30      29
          40    600          277     292     271
    """
    lines = [f"{'variants':>8}{'req/s':>7}{'per-variant':>13}{'shared':>8}{'hybrid':>8}"]
    for variants, rps in cases:
        p = Pools(variants=variants, total_rps=rps)
        lines.append(f"{variants:>8,}{rps:>7,.0f}{dedicated(p):>13,}{shared(p):>8,}{hybrid(p)[1]:>8,}")
    return "\n".join(lines)
# --8<-- [end:pools]
