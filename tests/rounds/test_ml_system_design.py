"""The memory and concurrency model behind docs/rounds/ml-system-design.md."""
import contextlib
import io
import math
import runpy
from dataclasses import replace

import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.ml_system_design.numbers import (
    EXAMPLE, concurrent_sequences, gpus_for_cache, kv_bytes_per_token, report,
    sequences_that_fit, weight_bytes)

MODULE = ROOT / "snippets/rounds/ml_system_design/numbers.py"
SHAPES = [EXAMPLE, replace(EXAMPLE, layers=80, kv_heads=8, head_dim=128, params=70e9),
          replace(EXAMPLE, kv_heads=32), replace(EXAMPLE, bytes_per_value=1)]


@pytest.mark.parametrize("model", SHAPES, ids=lambda m: f"L{m.layers}-kv{m.kv_heads}-b{m.bytes_per_value}")
def test_cache_per_token_counts_one_key_and_one_value_vector_per_layer_and_head(model):
    vectors = [(kind, layer, head) for kind in ("key", "value")
               for layer in range(model.layers) for head in range(model.kv_heads)]
    assert kv_bytes_per_token(model) == len(vectors) * model.head_dim * model.bytes_per_value


@pytest.mark.parametrize("model", SHAPES, ids=lambda m: f"L{m.layers}-kv{m.kv_heads}-b{m.bytes_per_value}")
@pytest.mark.parametrize("gpu, tokens", [(80e9, 4096), (80e9, 128_000), (24e9, 2048), (141e9, 8192)])
def test_the_count_that_fits_is_the_largest_that_fits(model, gpu, tokens):
    fit = sequences_that_fit(gpu, tokens, model)
    need = tokens * kv_bytes_per_token(model)
    free = gpu - weight_bytes(model)
    if free < 0:
        assert fit == 0
    else:
        assert fit * need <= free < (fit + 1) * need


def test_nothing_fits_when_the_weights_fill_the_gpu():
    assert sequences_that_fit(weight_bytes(), 1) == 0
    assert sequences_that_fit(weight_bytes() / 2, 1) == 0


@pytest.mark.parametrize("live, per_gpu", [(1, 119), (119, 119), (120, 119), (200_000, 119)])
def test_enough_gpus_and_not_one_more(live, per_gpu):
    n = gpus_for_cache(live, per_gpu)
    assert n * per_gpu >= live > (n - 1) * per_gpu


def test_longer_replies_mean_more_sequences_in_flight():
    assert concurrent_sequences(100, 40) == 2 * concurrent_sequences(100, 20)
    assert math.isclose(concurrent_sequences(0.5, 3), 1.5)


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()
