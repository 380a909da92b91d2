"""Five planted bugs, each one part of model.CORRECT swapped for a wrong one.

Every buggy part runs, returns arrays of the right shape and gives a finite
loss: none of them crashes, which is why each needs a test of its own.

>>> sorted(BUGS)
['batch-wide advantages', 'log-probs off by one', 'old log-probs recomputed', 'padding counted', 'temperature dropped']
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from snippets.notebooks.debug_a_grpo_step.model import (
    CORRECT, Parts, Rollouts, log_softmax, token_logprobs)


# --8<-- [start:bugs]
def logprobs_off_by_one(W: np.ndarray, tokens: np.ndarray, tau: float) -> np.ndarray:
    """Bug 1: scores token j+1 with the logits computed from token j+1 itself
    (logits and targets both sliced [1:]), so position j+1 sees its own answer."""
    logp = log_softmax(W[tokens[:, 1:]] / tau)
    return np.take_along_axis(logp, tokens[:, 1:, None], axis=-1)[..., 0]


def mask_with_padding(prompt_len: int, lengths: np.ndarray, T: int) -> np.ndarray:
    """Bug 2: everything after the prompt counts, the padding included."""
    return np.broadcast_to(np.arange(1, T)[None, :] >= prompt_len, (len(lengths), T - 1))


def batch_advantages(rewards: np.ndarray, group_size: int, eps: float = 1e-6) -> np.ndarray:
    """Bug 3: one mean and one std over the whole batch, not per prompt."""
    r = np.asarray(rewards, dtype=float)
    return (r - r.mean()) / (r.std() + eps)


def recomputed_old_logprobs(W: np.ndarray, rollouts: Rollouts, parts: Parts) -> np.ndarray:
    """Bug 4: the old log-probs are recomputed from the policy being optimised,
    so new - old is 0 and the ratio is 1 at every W; differentiating the loss
    then goes through both (the loss is flat in W)."""
    return parts.logprobs(W, rollouts.tokens, rollouts.tau)


def logprobs_without_temperature(W: np.ndarray, tokens: np.ndarray, tau: float) -> np.ndarray:
    """Bug 5: the trainer scores tokens at temperature 1, whatever the sampler used."""
    return token_logprobs(W, tokens, 1.0)
# --8<-- [end:bugs]


BUGS = {
    "log-probs off by one": replace(CORRECT, logprobs=logprobs_off_by_one),
    "padding counted": replace(CORRECT, mask=mask_with_padding),
    "batch-wide advantages": replace(CORRECT, advantages=batch_advantages),
    "old log-probs recomputed": replace(CORRECT, old_logprobs=recomputed_old_logprobs),
    "temperature dropped": replace(CORRECT, logprobs=logprobs_without_temperature),
}
