"""The model behind docs/notebooks/gpu-memory-and-kv-cache.py.

The memory formulas are not repeated here: weight bytes, cache bytes per token
(per layer and in all), the cache of a batch and the sequences that fit live in
snippets/rounds/ml_system_design/numbers.py, the round page's snippet, and are
imported. This module adds what the notebook needs on top of them:

- a dense decoder's shape as its config file publishes it (layers, hidden size,
  feed-forward size, vocabulary, query heads, key/value heads), its parameter
  count, and the `numbers.Model` it becomes at a chosen precision;
- three example shapes, with the numbers from the config files published with
  three open-weight models;
- paged allocation of the cache in blocks of tokens, where a block as long as
  the longest allowed sequence is the old way: reserve the maximum up front.

Decimal units throughout: 1 GB = 1e9 bytes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from snippets.rounds.ml_system_design.numbers import (
    Model, kv_bytes_per_token, kv_bytes_per_token_per_layer, kv_cache_bytes,
    sequences_that_fit, weight_bytes)

GPU_BYTES = 80e9
RESERVE_BYTES = 8e9  # per GPU: activations, runtime and allocator slack (our assumption)


# --8<-- [start:shape]
@dataclass(frozen=True)
class Shape:
    """A dense decoder-only transformer (Llama-style: gated MLP, RMS norms, no
    biases), with the fields its config file publishes."""

    name: str
    layers: int
    hidden: int
    intermediate: int
    vocab: int
    query_heads: int
    kv_heads: int
    tied_embeddings: bool = False

    @property
    def head_dim(self) -> int:
        return self.hidden // self.query_heads


def params(shape: Shape) -> int:
    """Parameters: embeddings, per layer the attention projections (queries and
    output full width, keys and values only `kv_heads` wide), the three MLP
    matrices and two norms, then a final norm and the output head.

    >>> f"{params(SHAPES['8b-gqa']):,}"
    '8,030,261,248'
    """
    h, d = shape.hidden, shape.head_dim
    attention = 2 * h * shape.query_heads * d + 2 * h * shape.kv_heads * d
    mlp = 3 * h * shape.intermediate
    per_layer = attention + mlp + 2 * h
    head = 0 if shape.tied_embeddings else shape.vocab * h
    return shape.vocab * h + shape.layers * per_layer + h + head


def as_model(shape: Shape, bytes_per_value: int = 2, kv_bytes_per_value: int | None = None) -> Model:
    """The round page's `Model` for this shape, weights at `bytes_per_value`
    and the cache at `kv_bytes_per_value` (default: the same).

    >>> m = as_model(SHAPES["8b-gqa"], kv_bytes_per_value=1)
    >>> m.layers, m.query_heads, m.kv_heads, m.head_dim, m.bytes_per_value, m.cache_bytes_per_value
    (32, 32, 8, 128, 2, 1)
    """
    return Model(params=params(shape), layers=shape.layers, kv_heads=shape.kv_heads,
                 head_dim=shape.head_dim, bytes_per_value=bytes_per_value,
                 query_heads=shape.query_heads, kv_bytes_per_value=kv_bytes_per_value)
# --8<-- [end:shape]


# --8<-- [start:shapes]
# Shapes from the config.json files published with three open-weight models, on
# Hugging Face: meta-llama/Meta-Llama-3-8B, meta-llama/Meta-Llama-3-70B and
# meta-llama/Llama-2-7b-hf (num_hidden_layers, hidden_size, intermediate_size,
# vocab_size, num_attention_heads, num_key_value_heads; tie_word_embeddings false).
SHAPES = {
    "8b-gqa": Shape("shaped like Llama 3 8B", layers=32, hidden=4096, intermediate=14336,
                    vocab=128256, query_heads=32, kv_heads=8),
    "70b-gqa": Shape("shaped like Llama 3 70B", layers=80, hidden=8192, intermediate=28672,
                     vocab=128256, query_heads=64, kv_heads=8),
    "7b-mha": Shape("shaped like Llama 2 7B", layers=32, hidden=4096, intermediate=11008,
                    vocab=32000, query_heads=32, kv_heads=32),
}
# --8<-- [end:shapes]


# --8<-- [start:report]
def report(key: str, context: int = 8192, gpus: int = 1, kv_bytes_per_value: int | None = None) -> str:
    """One shape's numbers at 16-bit weights: weights, cache per token per
    layer and per token, one sequence of `context` tokens, and how many fit on
    `gpus` 80 GB GPUs (pooled, as tensor parallelism splits the KV heads) after
    the weights and an 8 GB reserve per GPU.

    >>> print(report("8b-gqa"))
    shaped like Llama 3 8B (32 layers, 32 query / 8 KV heads of 128)
      parameters                     8.03 billion
      weights at 16 bits             16.06 GB
      KV cache per token per layer   4,096 bytes
      KV cache per token             131,072 bytes
      one 8,192-token sequence       1.07 GB
      sequences of 8,192 on 1 GPU    52
    >>> print(report("8b-gqa", kv_bytes_per_value=1).splitlines()[-1])
      sequences of 8,192 on 1 GPU    104
    >>> print(report("7b-mha"))
    shaped like Llama 2 7B (32 layers, 32 query / 32 KV heads of 128)
      parameters                     6.74 billion
      weights at 16 bits             13.48 GB
      KV cache per token per layer   16,384 bytes
      KV cache per token             524,288 bytes
      one 8,192-token sequence       4.29 GB
      sequences of 8,192 on 1 GPU    13
    >>> print(report("70b-gqa", gpus=2))
    shaped like Llama 3 70B (80 layers, 64 query / 8 KV heads of 128)
      parameters                     70.55 billion
      weights at 16 bits             141.11 GB
      KV cache per token per layer   4,096 bytes
      KV cache per token             327,680 bytes
      one 8,192-token sequence       2.68 GB
      sequences of 8,192 on 2 GPUs   1
    >>> print(report("70b-gqa", gpus=4).splitlines()[-1])
      sequences of 8,192 on 4 GPUs   54
    """
    shape = SHAPES[key]
    model = as_model(shape, kv_bytes_per_value=kv_bytes_per_value)
    fit = sequences_that_fit(gpus * GPU_BYTES, context, model, reserve_bytes=gpus * RESERVE_BYTES)
    rows = [
        ("parameters", f"{model.params / 1e9:.2f} billion"),
        ("weights at 16 bits", f"{weight_bytes(model) / 1e9:.2f} GB"),
        ("KV cache per token per layer", f"{kv_bytes_per_token_per_layer(model):,} bytes"),
        ("KV cache per token", f"{kv_bytes_per_token(model):,} bytes"),
        (f"one {context:,}-token sequence", f"{kv_cache_bytes(context, model=model) / 1e9:.2f} GB"),
        (f"sequences of {context:,} on {gpus} GPU{'s' if gpus > 1 else ''}", f"{fit}"),
    ]
    title = (f"{shape.name} ({shape.layers} layers, {shape.query_heads} query / "
             f"{shape.kv_heads} KV heads of {shape.head_dim})")
    return "\n".join([title] + [f"  {name:<30} {value}" for name, value in rows])
# --8<-- [end:report]


# --8<-- [start:paged]
def blocks_for(tokens: int, block_tokens: int) -> int:
    """Blocks a sequence of `tokens` holds: the last one partly empty.

    >>> blocks_for(1, 16), blocks_for(16, 16), blocks_for(17, 16)
    (1, 1, 2)
    """
    return math.ceil(tokens / block_tokens)


def paged_fit(lengths: np.ndarray, free_bytes: float, bytes_per_token: int, block_tokens: int) -> int:
    """How many of the sequences in `lengths`, admitted in order, get their
    blocks from a pool of `free_bytes`. With `block_tokens` equal to the
    longest allowed sequence, every sequence reserves the maximum: the
    contiguous, reserve-up-front allocator.

    >>> paged_fit(np.array([100, 100, 100]), 300 * 10, 10, block_tokens=16)
    2
    >>> paged_fit(np.array([100, 100, 100]), 300 * 10, 10, block_tokens=1)
    3
    """
    pool = math.floor(free_bytes / (block_tokens * bytes_per_token))
    used = np.cumsum(-(-np.asarray(lengths) // block_tokens))
    return int(np.searchsorted(used, pool, side="right"))


def wasted_share(lengths: np.ndarray, block_tokens: int) -> float:
    """Share of the allocated cache slots that hold no token.

    >>> round(wasted_share(np.array([100, 28]), 16), 4)  # 16 of 144 slots empty
    0.1111
    """
    lengths = np.asarray(lengths)
    allocated = (-(-lengths // block_tokens) * block_tokens).sum()
    return float(1 - lengths.sum() / allocated)


def sequence_lengths(count: int, shortest: int, longest: int, seed: int) -> np.ndarray:
    """Seeded prompt-plus-reply lengths, spread evenly on a log scale between
    `shortest` and `longest` (our stand-in for a real length mix).

    >>> lengths = sequence_lengths(10_000, 256, 8192, seed=1)
    >>> int(lengths.min()) >= 256, int(lengths.max()) <= 8192, round(float(lengths.mean()))
    (True, True, 2309)
    """
    rng = np.random.default_rng(seed)
    logs = rng.uniform(math.log(shortest), math.log(longest), count)
    return np.clip(np.round(np.exp(logs)).astype(np.int64), shortest, longest)
# --8<-- [end:paged]
