"""Tests for snippets/notebooks/debug_a_grpo_step/ (notebook: docs/notebooks/debug-a-grpo-step.py).

One test per planted bug, each run twice: against the correct step (it must
pass) and against the step with that bug (a strict xfail: if the bug stops
being caught, the xfail passes and strict mode fails the suite). Then the
buggy parts' wrong outputs are pinned against values computed here by another
route, and the correct model is checked against loops, finite differences and
sampling frequencies that share no code with it.
"""
import math

import numpy as np
import pytest

from snippets.notebooks.debug_a_grpo_step.buggy import BUGS
from snippets.notebooks.debug_a_grpo_step.checks import (
    THRESHOLD, alignment_error, example, first_step_ratio_error, gradient_error,
    group_shift_effect, padding_effect)
from snippets.notebooks.debug_a_grpo_step.model import (
    CORRECT, EOS, completion_mask, group_advantages, log_softmax, loss, policy_gradient,
    sample_rollouts, step, token_logprobs, train)


def correct_and(bug):
    return [pytest.param(CORRECT, id="correct"),
            pytest.param(BUGS[bug], id=bug, marks=pytest.mark.xfail(strict=True, reason=bug))]


# One test per bug: passes on the correct step, fails on the buggy one.

@pytest.mark.parametrize("parts", correct_and("log-probs off by one"))
def test_bug1_each_log_prob_scores_the_next_token_from_the_previous_one(parts):
    assert alignment_error(parts) < THRESHOLD


@pytest.mark.parametrize("parts", correct_and("padding counted"))
def test_bug2_the_loss_ignores_the_padding(parts):
    assert padding_effect(parts) < THRESHOLD


@pytest.mark.parametrize("parts", correct_and("batch-wide advantages"))
def test_bug3_advantages_are_relative_to_the_prompts_own_group(parts):
    assert group_shift_effect(parts) < THRESHOLD


@pytest.mark.parametrize("parts", correct_and("old log-probs recomputed"))
def test_bug4_the_loss_gradient_is_the_policy_gradient(parts):
    assert gradient_error(parts) < THRESHOLD


@pytest.mark.parametrize("parts", correct_and("temperature dropped"))
def test_bug5_the_first_step_on_fresh_samples_has_ratio_one(parts):
    assert first_step_ratio_error(parts) < THRESHOLD


# What each bug does, computed here another way.

def test_off_by_one_scores_each_token_given_itself():
    W = np.log(np.array([[0.2, 0.8], [0.6, 0.4]]))
    got = np.exp(BUGS["log-probs off by one"].logprobs(W, np.array([[0, 1, 1, 0]]), 1.0))
    assert got[0] == pytest.approx([0.4, 0.4, 0.2])  # p(1|1), p(1|1), p(0|0)


def test_the_padding_mask_counts_every_column_after_the_prompt():
    mask = BUGS["padding counted"].mask(2, np.array([1, 3]), 7)
    assert mask.sum(axis=1).tolist() == [5, 5]
    assert completion_mask(2, np.array([1, 3]), 7).sum(axis=1).tolist() == [1, 3]


def test_batch_wide_advantages_give_an_easy_prompt_only_positive_advantages():
    rewards = np.array([1.0, 2.0, 3.0, 11.0, 12.0, 13.0])
    buggy = BUGS["batch-wide advantages"].advantages(rewards, 3)
    assert (buggy[:3] < 0).all() and (buggy[3:] > 0).all()
    assert (group_advantages(rewards, 3)[[0, 3]] < 0).all()


def test_recomputed_old_log_probs_make_the_ratio_one_and_the_loss_flat():
    W, r = example()
    moved = train(W, r, epochs=3, lr=1.0)
    bug = BUGS["old log-probs recomputed"]
    assert np.array_equal(step(moved, r, bug).ratios, np.ones_like(step(moved, r, bug).ratios))
    assert loss(moved, r, bug) == pytest.approx(loss(W, r, bug)) == pytest.approx(
        -group_advantages(r.rewards, r.group_size).mean(), abs=1e-12)
    assert np.abs(step(moved, r).ratios - 1).max() > 0.1  # the correct step sees the move


def test_dropping_the_temperature_gives_the_ratio_of_two_softmaxes():
    W, r = example()
    ratios = step(W, r, BUGS["temperature dropped"]).ratios
    expected = []
    for b in range(len(r.lengths)):
        for j in range(r.prompt_len - 1, r.prompt_len - 1 + r.lengths[b]):
            x, y = r.tokens[b, j], r.tokens[b, j + 1]
            p = [math.exp(w) for w in W[x]]
            q = [math.exp(w / r.tau) for w in W[x]]
            expected.append((p[y] / sum(p)) / (q[y] / sum(q)))
    assert ratios == pytest.approx(expected, rel=1e-9)


# The correct model against independent computations.

def test_log_softmax_is_finite_for_huge_logits():
    out = log_softmax(np.array([[1e4, 0.0, -1e4]]))
    assert np.isfinite(out).all() and out[0, 0] == pytest.approx(0.0)


def test_the_sampler_draws_at_the_temperature_it_records():
    W = np.array([[0.0, 0.0, 0.0], [1.0, 0.0, -1.0], [0.0, 2.0, 0.0]])
    r = sample_rollouts(W, np.array([[2, 1]]), group_size=20_000, max_new=1, tau=0.5, seed=9)
    first = r.tokens[:, 2]
    z = np.exp(W[1] / 0.5)
    expected = z / z.sum()
    counts = np.bincount(first, minlength=3) / len(first)
    assert counts == pytest.approx(expected, abs=0.015)  # about 4 standard errors
    assert r.sampler_logprobs[:, 1] == pytest.approx(np.log(expected[first]))


def test_completions_stop_at_eos_are_padded_with_eos_and_rewarded_by_count():
    W, r = example(seed=2)
    for b in range(len(r.lengths)):
        completion = r.tokens[b, r.prompt_len:]
        n = r.lengths[b]
        assert EOS not in completion[:n - 1].tolist()
        assert n == len(completion) or completion[n - 1] == EOS
        assert (completion[n:] == EOS).all()
        target = r.tokens[b, 0]
        assert r.rewards[b] == sum(1 for t in completion[:n] if t == target and t != EOS)


def test_token_logprobs_sum_to_one_over_the_vocabulary():
    W = np.random.default_rng(1).normal(size=(4, 4))
    total = sum(np.exp(token_logprobs(W, np.array([[2, y]]), 0.7))[0, 0] for y in range(4))
    assert total == pytest.approx(1.0)


def test_hand_gradient_matches_finite_differences_where_the_clip_is_active():
    W, r = example(seed=5)
    moved = train(W, r, epochs=6, lr=1.5)
    assert step(moved, r).clipped > 0.02
    analytic = policy_gradient(moved, r)
    numeric = np.zeros_like(W)
    h = 1e-6
    for i, j in np.ndindex(W.shape):
        e = np.zeros_like(W)
        e[i, j] = h
        numeric[i, j] = (loss(moved + e, r) - loss(moved - e, r)) / (2 * h)
    assert np.abs(numeric - analytic).max() < 1e-6 * max(1.0, np.abs(analytic).max())


def test_training_raises_the_surrogate_and_moves_the_ratio_off_one():
    W, r = example()
    losses = [loss(train(W, r, epochs=e, lr=1.0), r) for e in range(4)]
    assert losses == sorted(losses, reverse=True) and losses[-1] < losses[0]
    assert np.abs(step(W, r).ratios - 1).max() < 1e-12
    assert np.abs(step(train(W, r, 1, lr=1.0), r).ratios - 1).max() > 1e-3
