"""Tests for snippets/notebooks/gpu_memory_and_kv_cache/ (notebook: docs/notebooks/gpu-memory-and-kv-cache.py).

The byte formulas (imported from snippets/rounds/ml_system_design/numbers.py)
are checked against an independent count: NumPy arrays of zeros built in the
shapes a serving engine would allocate, at tiny sizes, and their `nbytes`. The
parameter count is checked the same way, one array per weight matrix. Paged
admission is checked against a block allocator that hands out blocks from a
free list token by token.
"""
from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest

from snippets.notebooks.gpu_memory_and_kv_cache.model import (
    SHAPES, Shape, as_model, blocks_for, paged_fit, params, report, sequence_lengths,
    wasted_share)
from snippets.rounds.ml_system_design.numbers import (
    EXAMPLE, Model, kv_bytes_per_token, kv_bytes_per_token_per_layer, kv_cache_bytes,
    sequences_that_fit, weight_bytes)

DTYPES = {1: np.int8, 2: np.float16, 4: np.float32}
TINY = [Model(params=1_000, layers=layers, kv_heads=kv, head_dim=d, bytes_per_value=2,
              query_heads=q, kv_bytes_per_value=cache)
        for layers, (q, kv), d, cache in itertools.product(
            (1, 3), ((4, 4), (4, 2), (6, 1)), (2, 8), (None, 1, 4))]


def cache_arrays(model: Model, batch: int, tokens: int) -> list[np.ndarray]:
    """A key array and a value array per layer, as an engine would hold them."""
    dtype = DTYPES[model.cache_bytes_per_value]
    return [np.zeros((batch, model.kv_heads, tokens, model.head_dim), dtype=dtype)
            for _layer in range(model.layers) for _kind in ("key", "value")]


@pytest.mark.parametrize("model", TINY, ids=lambda m: f"L{m.layers}-q{m.query_heads}-kv{m.kv_heads}-d{m.head_dim}-c{m.cache_bytes_per_value}")
@pytest.mark.parametrize("batch, tokens", [(1, 1), (1, 7), (3, 5), (4, 16)])
def test_cache_bytes_match_the_arrays_a_server_would_allocate(model, batch, tokens):
    arrays = cache_arrays(model, batch, tokens)
    assert kv_cache_bytes(tokens, batch, model) == sum(a.nbytes for a in arrays)
    one = cache_arrays(replace(model, layers=1), 1, 1)
    assert kv_bytes_per_token_per_layer(model) == sum(a.nbytes for a in one)
    assert kv_bytes_per_token(model) == sum(a.nbytes for a in cache_arrays(model, 1, 1))


def test_query_heads_do_not_enter_the_cache_and_kv_heads_scale_it():
    mha = Model(query_heads=32, kv_heads=32)
    for kv in (1, 2, 4, 8, 16, 32):
        gqa = Model(query_heads=32, kv_heads=kv)
        assert kv_bytes_per_token(mha) == (32 // kv) * kv_bytes_per_token(gqa)
        assert kv_bytes_per_token(gqa) == kv_bytes_per_token(Model(query_heads=kv * 2, kv_heads=kv))


def test_query_heads_must_split_evenly_among_kv_heads():
    with pytest.raises(ValueError):
        Model(query_heads=32, kv_heads=5)


def weight_arrays(shape: Shape, dtype=np.float16) -> list[np.ndarray]:
    """Every weight matrix of a Llama-style decoder, laid out as PyTorch would."""
    h, i, d = shape.hidden, shape.intermediate, shape.head_dim
    arrays = [np.zeros((shape.vocab, h), dtype)]  # token embedding
    for _ in range(shape.layers):
        arrays += [np.zeros((shape.query_heads * d, h), dtype),  # q_proj
                   np.zeros((shape.kv_heads * d, h), dtype),  # k_proj
                   np.zeros((shape.kv_heads * d, h), dtype),  # v_proj
                   np.zeros((h, shape.query_heads * d), dtype),  # o_proj
                   np.zeros((i, h), dtype), np.zeros((i, h), dtype),  # gate, up
                   np.zeros((h, i), dtype),  # down
                   np.zeros(h, dtype), np.zeros(h, dtype)]  # two RMS norms
    arrays.append(np.zeros(h, dtype))  # final norm
    if not shape.tied_embeddings:
        arrays.append(np.zeros((shape.vocab, h), dtype))  # output head
    return arrays


@pytest.mark.parametrize("shape", [
    Shape("tiny MHA", layers=2, hidden=16, intermediate=40, vocab=50, query_heads=4, kv_heads=4),
    Shape("tiny GQA", layers=3, hidden=24, intermediate=64, vocab=30, query_heads=6, kv_heads=2),
    Shape("tiny MQA, tied", layers=1, hidden=32, intermediate=48, vocab=20, query_heads=8, kv_heads=1,
          tied_embeddings=True),
], ids=lambda s: s.name)
def test_weight_bytes_match_one_array_per_weight_matrix(shape):
    arrays = weight_arrays(shape)
    assert weight_bytes(as_model(shape)) == sum(a.nbytes for a in arrays)
    assert params(shape) == sum(a.size for a in arrays)
    assert weight_bytes(as_model(shape, bytes_per_value=1)) == sum(a.size for a in arrays)


@pytest.mark.parametrize("key, billions", [("8b-gqa", 8), ("70b-gqa", 70), ("7b-mha", 7)])
def test_parameter_counts_are_near_the_size_in_the_model_name(key, billions):
    assert abs(params(SHAPES[key]) / (billions * 1e9) - 1) < 0.05


def test_an_8bit_cache_halves_the_cache_but_not_the_weights():
    for shape in SHAPES.values():
        full, half = as_model(shape), as_model(shape, kv_bytes_per_value=1)
        assert kv_bytes_per_token(full) == 2 * kv_bytes_per_token(half)
        assert weight_bytes(full) == weight_bytes(half)


@pytest.mark.parametrize("reserve", [0.0, 8e9, 30e9, 64e9])
@pytest.mark.parametrize("tokens", [1, 4096, 131_072])
def test_the_count_that_fits_after_a_reserve_is_the_largest_that_fits(reserve, tokens):
    fit = sequences_that_fit(80e9, tokens, EXAMPLE, reserve_bytes=reserve)
    free = 80e9 - weight_bytes() - reserve
    one = sum(a.nbytes for a in cache_arrays(replace(EXAMPLE, layers=1), 1, tokens)) * EXAMPLE.layers
    assert fit * one <= max(free, 0) < (fit + 1) * one


def test_the_report_counts_what_fits_on_pooled_gpus():
    model = as_model(SHAPES["70b-gqa"])
    for gpus in (1, 2, 4, 8):
        fit = int(report("70b-gqa", gpus=gpus).split()[-1])
        free = gpus * (80e9 - 8e9) - weight_bytes(model)
        assert fit * 8192 * kv_bytes_per_token(model) <= max(free, 0) < (fit + 1) * 8192 * kv_bytes_per_token(model)


def allocate_token_by_token(lengths, pool_blocks: int, block_tokens: int) -> int:
    """A block allocator: each sequence takes a block from the free list when
    its tail block is full; admission stops at the first that cannot finish."""
    free = list(range(pool_blocks))
    admitted = 0
    for length in lengths:
        table = []
        for position in range(length):
            if position % block_tokens == 0:
                if not free:
                    return admitted
                table.append(free.pop())
        admitted += 1
    return admitted


@pytest.mark.parametrize("block_tokens", [1, 4, 16, 64])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_paged_admission_matches_a_block_allocator(block_tokens, seed):
    model = Model(layers=2, kv_heads=2, head_dim=4, query_heads=4)
    lengths = sequence_lengths(60, 3, 64, seed=seed)
    block = np.zeros((model.layers, 2, model.kv_heads, block_tokens, model.head_dim), np.float16)
    free_bytes = 900 * kv_bytes_per_token(model) + 5
    pool = int(free_bytes // block.nbytes)
    expected = allocate_token_by_token(lengths.tolist(), pool, block_tokens)
    assert paged_fit(lengths, free_bytes, kv_bytes_per_token(model), block_tokens) == expected


def test_a_block_as_long_as_the_longest_sequence_is_reserving_the_maximum():
    lengths = sequence_lengths(1_000, 256, 8192, seed=3)
    free, per_token = 56e9, kv_bytes_per_token()
    reserved = int(free // (8192 * per_token))
    assert paged_fit(lengths, free, per_token, block_tokens=8192) == reserved


def test_smaller_blocks_never_fit_fewer_sequences_and_waste_at_most_a_block_each():
    lengths = sequence_lengths(2_000, 256, 8192, seed=4)
    fits = [paged_fit(lengths, 56e9, kv_bytes_per_token(), b) for b in (1, 16, 256, 8192)]
    assert fits == sorted(fits, reverse=True) and fits[0] > 3 * fits[-1]
    assert wasted_share(lengths, 1) == 0
    for block in (16, 256):
        empty = wasted_share(lengths, block) * sum(blocks_for(int(n), block) * block for n in lengths)
        assert 0 < empty < len(lengths) * block


def test_lengths_are_seeded_and_within_bounds():
    a, b = sequence_lengths(500, 10, 1000, seed=9), sequence_lengths(500, 10, 1000, seed=9)
    assert np.array_equal(a, b) and a.min() >= 10 and a.max() <= 1000
    assert not np.array_equal(a, sequence_lengths(500, 10, 1000, seed=10))
