"""Five checks, one aimed at each planted bug, run against any `Parts`.

Each returns a discrepancy that is zero (to rounding) for a correct step and
a threshold above which the check fails. The references are computed another
way than the step computes them: plain loops, a change the answer must not
notice, or finite differences against the hand-derived gradient.
"""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from snippets.notebooks.debug_a_grpo_step.model import (
    CORRECT, EOS, Parts, Rollouts, loss, policy_gradient, sample_rollouts, step)

V, PROMPTS, GROUP, MAX_NEW, TAU = 8, 16, 8, 6, 0.7
THRESHOLD = 1e-6


def example(seed: int = 0) -> tuple[np.ndarray, Rollouts]:
    """A random bigram policy and a fresh batch it sampled: 16 prompts x 8 completions.

    >>> W, r = example()
    >>> W.shape, r.tokens.shape, r.tau
    ((8, 8), (128, 8), 0.7)
    """
    rng = np.random.default_rng(seed)
    W = rng.normal(0.0, 1.0, (V, V))
    prompts = rng.integers(1, V, (PROMPTS, 2))
    return W, sample_rollouts(W, prompts, GROUP, MAX_NEW, TAU, seed=seed + 1)


# --8<-- [start:checks]
def alignment_error(parts: Parts) -> float:
    """Largest gap between parts.logprobs and a loop that scores token j+1 from token j."""
    rng = np.random.default_rng(3)
    W, tokens = rng.normal(0.0, 1.0, (V, V)), rng.integers(0, V, (3, 6))
    got = parts.logprobs(W, tokens, TAU)
    worst = 0.0
    for b in range(tokens.shape[0]):
        for j in range(tokens.shape[1] - 1):
            logits = [w / TAU for w in W[tokens[b, j]]]
            expected = logits[tokens[b, j + 1]] - math.log(sum(math.exp(z) for z in logits))
            worst = max(worst, abs(got[b, j] - expected))
    return worst


def padding_effect(parts: Parts) -> float:
    """How much the loss moves when the padding is widened by 3 columns and
    filled with random tokens (at a policy the batch has moved away from,
    so ratios differ from 1)."""
    W, r = example()
    moved = W + np.random.default_rng(4).normal(0.0, 0.3, W.shape)
    B, T = r.tokens.shape
    tokens = np.concatenate([r.tokens, np.full((B, 3), EOS)], axis=1)
    pad = np.arange(T + 3)[None, :] >= r.prompt_len + r.lengths[:, None]
    tokens[pad] = np.random.default_rng(5).integers(0, V, pad.sum())
    wider = replace(r, tokens=tokens,
                    sampler_logprobs=np.concatenate([r.sampler_logprobs, np.zeros((B, 3))], axis=1))
    return abs(loss(moved, r, parts) - loss(moved, wider, parts))


def group_shift_effect(parts: Parts) -> float:
    """How much the advantages move when one prompt's rewards all rise by 10
    and another's fall by 3, plus the largest per-group mean advantage."""
    rewards = np.random.default_rng(6).integers(0, 5, 4 * GROUP).astype(float)
    shifted = rewards + np.repeat([0.0, 10.0, -3.0, 0.0], GROUP)
    before, after = parts.advantages(rewards, GROUP), parts.advantages(shifted, GROUP)
    return float(np.abs(before - after).max() + np.abs(before.reshape(4, GROUP).mean(axis=1)).max())


def gradient_error(parts: Parts, h: float = 1e-6) -> float:
    """Relative gap between central finite differences of the loss and the
    hand-derived policy gradient, on fresh samples."""
    W, r = example()
    numeric = np.zeros_like(W)
    for index in np.ndindex(W.shape):
        bump = np.zeros_like(W)
        bump[index] = h
        numeric[index] = (loss(W + bump, r, parts) - loss(W - bump, r, parts)) / (2 * h)
    analytic = policy_gradient(W, r)
    return float(np.linalg.norm(numeric - analytic) / np.linalg.norm(analytic))


def first_step_ratio_error(parts: Parts) -> float:
    """Largest |ratio - 1| over counted tokens, on the first step on fresh samples."""
    W, r = example()
    return float(np.abs(step(W, r, parts).ratios - 1.0).max())
# --8<-- [end:checks]


CHECKS = {
    "alignment against a loop": alignment_error,
    "padding widened and scrambled": padding_effect,
    "one group's rewards shifted": group_shift_effect,
    "finite differences vs hand gradient": gradient_error,
    "first-step ratio is 1": first_step_ratio_error,
}


def caught(parts: Parts) -> list[bool]:
    """Which checks fail (catch something) for these parts, in CHECKS order.

    >>> caught(CORRECT)
    [False, False, False, False, False]
    """
    return [bool(check(parts) > THRESHOLD) for check in CHECKS.values()]
