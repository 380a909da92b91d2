"""First-order GPU memory and concurrency numbers for docs/rounds/ml-system-design.md.

The example model has the published shape of an 8-billion-parameter open model
with grouped-query attention (Llama 3 8B: 32 layers, 8 key/value heads of
dimension 128), served in 16-bit precision on one 80 GB GPU. Decimal units:
1 GB = 1e9 bytes. The model counts only weights and the key/value cache; real
servers also need activations, allocator slack and the runtime, so the counts
here are upper bounds unless a reserve for them is passed in.

The same functions take any dense decoder's shape, a cache stored at another
precision than the weights (an 8-bit cache) and a batch; the notebook
docs/notebooks/gpu-memory-and-kv-cache.py imports them for its examples.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Model:
    params: float = 8e9
    layers: int = 32
    kv_heads: int = 8
    head_dim: int = 128
    bytes_per_value: int = 2  # 16-bit weights and cache
    query_heads: int = 32  # grouped-query attention: query heads share the kv_heads
    kv_bytes_per_value: int | None = None  # the cache's precision, if not the weights'

    def __post_init__(self) -> None:
        if self.query_heads % self.kv_heads:
            raise ValueError("query heads must split evenly among the key/value heads")

    @property
    def cache_bytes_per_value(self) -> int:
        """Bytes of one cached key or value element.

        >>> EXAMPLE.cache_bytes_per_value, Model(kv_bytes_per_value=1).cache_bytes_per_value
        (2, 1)
        """
        return self.bytes_per_value if self.kv_bytes_per_value is None else self.kv_bytes_per_value


EXAMPLE = Model()


def weight_bytes(model: Model = EXAMPLE) -> float:
    """Memory for the weights alone.

    >>> weight_bytes() / 1e9
    16.0
    """
    return model.params * model.bytes_per_value


def kv_bytes_per_token_per_layer(model: Model = EXAMPLE) -> int:
    """One layer's cache for one token: a key and a value vector per KV head.

    The number of query heads does not appear: with grouped-query attention
    several query heads read the same cached key and value.

    >>> kv_bytes_per_token_per_layer()
    4096
    """
    return 2 * model.kv_heads * model.head_dim * model.cache_bytes_per_value


def kv_bytes_per_token(model: Model = EXAMPLE) -> int:
    """Key/value cache per token: a key and a value per layer per KV head.

    >>> kv_bytes_per_token()
    131072
    """
    return model.layers * kv_bytes_per_token_per_layer(model)


def kv_cache_bytes(tokens: int, batch: int = 1, model: Model = EXAMPLE) -> int:
    """The cache of `batch` sequences of `tokens` tokens each.

    >>> kv_cache_bytes(4096) / 1e9, kv_cache_bytes(4096, batch=10) / 1e9
    (0.536870912, 5.36870912)
    """
    return batch * tokens * kv_bytes_per_token(model)


def sequences_that_fit(gpu_bytes: float, tokens: int, model: Model = EXAMPLE,
                       reserve_bytes: float = 0.0) -> int:
    """How many sequences of `tokens` fit in what the weights and a reserve
    (activations, runtime, allocator slack) leave free. With no reserve, an
    upper bound.

    >>> sequences_that_fit(80e9, 4096), sequences_that_fit(80e9, 4096, reserve_bytes=8e9)
    (119, 104)
    """
    free = gpu_bytes - weight_bytes(model) - reserve_bytes
    return max(0, math.floor(free / kv_cache_bytes(tokens, model=model)))


def concurrent_sequences(requests_per_second: float, seconds_each: float) -> float:
    """Little's law: sequences being generated at once.

    >>> concurrent_sequences(10_000, 20)
    200000
    """
    return requests_per_second * seconds_each


def gpus_for_cache(concurrent: float, per_gpu: int) -> int:
    """GPUs needed if the key/value cache is the only limit.

    >>> gpus_for_cache(200_000, 119)
    1681
    """
    return math.ceil(concurrent / per_gpu)


# --8<-- [start:report]
def report(gpu_bytes: float = 80e9, context_tokens: int = 4096,
           requests_per_second: float = 10_000, reply_tokens: int = 1000,
           tokens_per_second: float = 50) -> str:
    """The page's table. Every input is an assumption stated on the page.

    >>> print(report())
    weights, 8B params at 16 bits          16 GB
    KV cache per token                     131,072 bytes
    KV cache, one 4,096-token sequence     0.54 GB
    sequences per 80 GB GPU (at most)      119
    one 1,000-token reply at 50 tokens/s   20 s
    in flight at 10,000 requests/s         200,000 sequences
    GPUs if KV memory is the only limit    1,681
    """
    per_token = kv_bytes_per_token()
    fit = sequences_that_fit(gpu_bytes, context_tokens)
    seconds = reply_tokens / tokens_per_second
    live = concurrent_sequences(requests_per_second, seconds)
    rows = [
        ("weights, 8B params at 16 bits", f"{weight_bytes() / 1e9:.0f} GB"),
        ("KV cache per token", f"{per_token:,} bytes"),
        (f"KV cache, one {context_tokens:,}-token sequence", f"{context_tokens * per_token / 1e9:.2f} GB"),
        (f"sequences per {gpu_bytes / 1e9:.0f} GB GPU (at most)", f"{fit}"),
        (f"one {reply_tokens:,}-token reply at {tokens_per_second:g} tokens/s", f"{seconds:g} s"),
        (f"in flight at {requests_per_second:,.0f} requests/s", f"{live:,.0f} sequences"),
        ("GPUs if KV memory is the only limit", f"{gpus_for_cache(live, fit):,}"),
    ]
    return "\n".join(f"{name:<38} {value}" for name, value in rows)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report())
