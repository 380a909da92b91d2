"""The GRPO step behind docs/notebooks/debug-a-grpo-step.py, correct version.

A toy autoregressive policy small enough to check by hand: a bigram table `W`
of shape (V, V), where row `W[x]` holds the logits of the token that follows
token `x`. Token 0 is end-of-sequence, and it is also the padding token (a
common setup, and the one that makes counting padding harmful). Sampling at
temperature `tau` draws from softmax(W[x] / tau).

A step is assembled from four parts (`Parts`), so that `buggy.py` can swap one
part for a planted bug and leave the rest correct:

* `logprobs(W, tokens, tau)`: log-prob of each next token, shape (B, T-1);
  column j scores tokens[:, j + 1] with the logits computed from tokens[:, j].
* `mask(prompt_len, lengths, T)`: which of those T-1 columns are generated
  tokens (the completion, its end-of-sequence token included; not the prompt,
  not the padding).
* `advantages(rewards, group_size)`: one advantage per completion, from the
  rewards of the completions that share its prompt.
* `old_logprobs(W, rollouts, parts)`: the log-probs the ratio divides by. The
  correct part returns the snapshot the sampler recorded; it never looks at W.

No autodiff: `policy_gradient` is the gradient derived by hand, and the tests
compare it with finite differences of `loss`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

EOS = 0  # end of sequence, and the padding token


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """Log-probabilities along the last axis, without overflow.

    >>> log_softmax(np.array([1000.0, 1000.0])).round(4).tolist()
    [-0.6931, -0.6931]
    """
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


# --8<-- [start:logprobs]
def token_logprobs(W: np.ndarray, tokens: np.ndarray, tau: float) -> np.ndarray:
    """log pi(tokens[:, j+1] | tokens[:, j]) at temperature tau, shape (B, T-1).

    The logits at position j predict the token at position j + 1: inputs are
    tokens[:, :-1], targets tokens[:, 1:].

    >>> W = np.log(np.array([[0.5, 0.5], [0.9, 0.1]]))
    >>> np.exp(token_logprobs(W, np.array([[1, 1, 0]]), 1.0)).round(3).tolist()
    [[0.1, 0.9]]
    """
    logp = log_softmax(W[tokens[:, :-1]] / tau)          # (B, T-1, V)
    targets = tokens[:, 1:, None]
    return np.take_along_axis(logp, targets, axis=-1)[..., 0]
# --8<-- [end:logprobs]


# --8<-- [start:mask]
def completion_mask(prompt_len: int, lengths: np.ndarray, T: int) -> np.ndarray:
    """True where column j scores a generated token: prompt_len <= j+1 < prompt_len+length.

    >>> completion_mask(2, np.array([1, 3]), 6).astype(int).tolist()
    [[0, 1, 0, 0, 0], [0, 1, 1, 1, 0]]
    """
    target = np.arange(1, T)[None, :]
    return (target >= prompt_len) & (target < prompt_len + np.asarray(lengths)[:, None])
# --8<-- [end:mask]


# --8<-- [start:advantages]
def group_advantages(rewards: np.ndarray, group_size: int, eps: float = 1e-6) -> np.ndarray:
    """(reward - group mean) / (group std + eps), each group being the
    `group_size` completions of one prompt, stored next to each other.

    >>> group_advantages(np.array([1.0, 2.0, 3.0, 11.0, 12.0, 13.0]), 3).round(3).tolist()
    [-1.225, 0.0, 1.225, -1.225, 0.0, 1.225]
    >>> group_advantages(np.array([4.0, 4.0]), 2).tolist()  # no spread: no signal
    [0.0, 0.0]
    """
    r = np.asarray(rewards, dtype=float).reshape(-1, group_size)
    centred = r - r.mean(axis=1, keepdims=True)
    return (centred / (r.std(axis=1, keepdims=True) + eps)).ravel()
# --8<-- [end:advantages]


@dataclass(frozen=True)
class Rollouts:
    """One batch of sampled completions, as the sampler hands it to the trainer."""

    tokens: np.ndarray            # (B, T): prompt, completion, then EOS padding
    prompt_len: int
    lengths: np.ndarray           # (B,) generated tokens, the final EOS included
    rewards: np.ndarray           # (B,) one scalar per completion
    group_size: int
    tau: float                    # the sampling temperature
    sampler_logprobs: np.ndarray  # (B, T-1) what the sampler recorded; 0 where it sampled nothing


# --8<-- [start:old]
def snapshot_logprobs(W: np.ndarray, rollouts: Rollouts, parts: "Parts") -> np.ndarray:
    """The old log-probs: the sampler's record, fixed when the batch was sampled."""
    return rollouts.sampler_logprobs
# --8<-- [end:old]


@dataclass(frozen=True)
class Parts:
    logprobs: Callable[[np.ndarray, np.ndarray, float], np.ndarray]
    mask: Callable[[int, np.ndarray, int], np.ndarray]
    advantages: Callable[[np.ndarray, int], np.ndarray]
    old_logprobs: Callable[[np.ndarray, Rollouts, "Parts"], np.ndarray]


CORRECT = Parts(token_logprobs, completion_mask, group_advantages, snapshot_logprobs)


def sample_rollouts(W: np.ndarray, prompts: np.ndarray, group_size: int, max_new: int,
                    tau: float, seed: int) -> Rollouts:
    """Sample `group_size` completions per prompt at temperature tau.

    The reward of a completion is how many of its tokens equal its prompt's
    first token (end-of-sequence never counts), so prompts differ in how easy
    they are. The sampler records the log-prob of each token it draws.

    >>> W = np.zeros((4, 4)); prompts = np.array([[1, 2], [3, 3]])
    >>> r = sample_rollouts(W, prompts, group_size=3, max_new=4, tau=0.7, seed=0)
    >>> r.tokens.shape, r.rewards.shape, bool((r.tokens[:, :2] == [1, 2]).all(axis=1)[:3].all())
    ((6, 6), (6,), True)
    >>> bool(np.allclose(r.sampler_logprobs[completion_mask(2, r.lengths, 6)], np.log(1 / 4)))
    True
    """
    rng = np.random.default_rng(seed)
    prompts = np.repeat(prompts, group_size, axis=0)
    B, P = prompts.shape
    tokens = np.full((B, P + max_new), EOS)
    tokens[:, :P] = prompts
    recorded = np.zeros((B, P + max_new - 1))
    lengths = np.zeros(B, dtype=int)
    done = np.zeros(B, dtype=bool)
    for step in range(max_new):
        logp = log_softmax(W[tokens[:, P + step - 1]] / tau)          # (B, V)
        drawn = (np.exp(logp).cumsum(axis=1) < rng.random((B, 1))).sum(axis=1)
        drawn = np.minimum(drawn, W.shape[0] - 1)
        live = ~done
        tokens[live, P + step] = drawn[live]
        recorded[live, P + step - 1] = logp[live, drawn[live]]
        lengths += live
        done |= drawn == EOS
    completion = tokens[:, P:]
    hits = (completion == prompts[:, :1]) & (completion != EOS)
    return Rollouts(tokens, P, lengths, hits.sum(axis=1).astype(float), group_size, tau, recorded)


@dataclass(frozen=True)
class StepResult:
    loss: float
    ratios: np.ndarray       # one per counted token
    clipped: float           # share of counted tokens whose gradient the clip removed


# --8<-- [start:step]
def step(W: np.ndarray, rollouts: Rollouts, parts: Parts = CORRECT, clip: float = 0.2) -> StepResult:
    """The clipped GRPO objective (negated, so lower is better) at policy W.

    Per token: ratio = exp(new - old), surrogate = min(ratio * A, clip(ratio) * A).
    Each completion's surrogate is averaged over its own counted tokens, then
    completions are averaged (the original GRPO weighting).
    """
    T = rollouts.tokens.shape[1]
    new = parts.logprobs(W, rollouts.tokens, rollouts.tau)
    old = parts.old_logprobs(W, rollouts, parts)
    mask = parts.mask(rollouts.prompt_len, rollouts.lengths, T)
    A = parts.advantages(rollouts.rewards, rollouts.group_size)[:, None]
    ratio = np.exp(np.where(mask, new - old, 0.0))
    unclipped, clipped = ratio * A, np.clip(ratio, 1 - clip, 1 + clip) * A
    surrogate = np.minimum(unclipped, clipped)
    per_completion = (surrogate * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1)
    cut = (clipped < unclipped)[mask]
    return StepResult(-float(per_completion.mean()), ratio[mask], float(cut.mean()))
# --8<-- [end:step]


def loss(W: np.ndarray, rollouts: Rollouts, parts: Parts = CORRECT, clip: float = 0.2) -> float:
    """`step(...).loss`, the function finite differences differentiate."""
    return step(W, rollouts, parts, clip).loss


# --8<-- [start:gradient]
def policy_gradient(W: np.ndarray, rollouts: Rollouts, clip: float = 0.2) -> np.ndarray:
    """d loss / d W for the correct step, derived by hand.

    For a counted token y after x, in completion b with n_b counted tokens,
    while the clip is not active: d loss = -(1/B)(1/n_b) A_b ratio d log pi(y|x),
    and d log pi(y|x) / d W[x] = (onehot(y) - softmax(W[x] / tau)) / tau.
    Where the clip is active the token contributes nothing.
    """
    tokens, tau = rollouts.tokens, rollouts.tau
    B, T = tokens.shape
    mask = completion_mask(rollouts.prompt_len, rollouts.lengths, T)
    ratio = np.exp(np.where(mask, token_logprobs(W, tokens, tau) - rollouts.sampler_logprobs, 0.0))
    A = group_advantages(rollouts.rewards, rollouts.group_size)[:, None]
    live = mask & ~(np.clip(ratio, 1 - clip, 1 + clip) * A < ratio * A)
    weight = np.where(live, -A * ratio / (B * np.maximum(mask.sum(axis=1, keepdims=True), 1)), 0.0)
    x, y = tokens[:, :-1], tokens[:, 1:]
    probs = np.exp(log_softmax(W[x] / tau))                      # (B, T-1, V)
    onehot = np.eye(W.shape[0])[y]
    grad = np.zeros_like(W)
    np.add.at(grad, x, weight[..., None] * (onehot - probs) / tau)
    return grad
# --8<-- [end:gradient]


def train(W: np.ndarray, rollouts: Rollouts, epochs: int, lr: float, clip: float = 0.2) -> np.ndarray:
    """W after `epochs` plain gradient steps on the same batch.

    >>> W = np.zeros((4, 4))
    >>> r = sample_rollouts(W, np.array([[1, 2], [3, 3]]), 4, 4, 1.0, seed=1)
    >>> bool(loss(train(W, r, epochs=3, lr=0.5), r) < loss(W, r))
    True
    """
    for _ in range(epochs):
        W = W - lr * policy_gradient(W, rollouts, clip)
    return W
