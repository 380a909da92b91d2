# ---
# title: "Debug a GRPO training step"
# description: A GRPO step in NumPy with five planted bugs, one test that catches each, and when the importance ratio may leave 1 by design and when that means a bug.
# kind: notebook
# roles: [swe]
# rounds: [ml-system-design]
# topics: [machine-learning, testing, failure-modes, observability]
# difficulty: medium
# sources: [prachub-swe-2026]
# plot_alt:
#   - "Histogram of per-token ratios (log scale, 0.7 to 1.43) for 472 generated tokens, correct code. Blue, first step on fresh samples: one bar, all at exactly 1. Orange, after one update: 0.86 to 1.14. Green, after four epochs: 0.8 to 1.2, with bars at both dashed clip lines (0.8, 1.2)."
#   - "Histogram of per-token ratios (log scale, 0.005 to 20) on the first step on fresh samples. Blue, correct: one bar at exactly 1. Orange, temperature dropped: 0.75 to 2.8, over half outside the dashed clip lines (0.8, 1.2). Red, log-probs off by one: 0.01 to 10, most far below 1."
# last_reviewed: 2026-11-22
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Debug a GRPO training step
#
# A GRPO step that is meant to be on-policy trains badly, and its importance ratio is not
# 1. Where are the bugs, and which deviations of the ratio are expected? This notebook
# builds the step in NumPy on a policy small enough to check by hand, plants five bugs,
# writes one test that catches each, and plots the ratio when it leaves 1 by design and
# when it leaves 1 because of a bug.
#
# ## Goal
#
# PracHub's SWE guide prints a sample question in its "Machine Learning" category (see
# [the sources page](../../about/sources/#prachub-swe-2026)). In our words: you are shown
# a simplified GRPO training step for a language-model policy trained from rewards. The
# loop is supposed to be strictly on-policy, with completions drawn from the same policy
# that is being updated, yet training is unstable. Walk through one step, find the
# implementation bugs, and explain why the importance ratio is not the 1 you would expect.
# The guide calls it a discussion-and-debugging question: there is no single answer to
# recite, and it is judged on whether you cover six things:
#
# 1. the GRPO objective and how its baseline differs from PPO's;
# 2. how per-token log-probs line up with tokens in an autoregressive model, and where
#    that goes wrong;
# 3. which tokens count in the loss, the KL term and the log-prob sums;
# 4. advantages treated as constants, with the baseline taken over the right set;
# 5. which ratio deviations are expected and which are staleness or mismatch bugs;
# 6. for each bug, a concrete way to detect it and a concrete fix.
#
# The guide also lists the clarifying questions worth asking: one reward per completion
# or per step; how many optimiser steps per batch of samples; whether sampling and
# scoring share one forward path or the samples come from a separate inference engine;
# the sampling settings (temperature, top-p, top-k, repetition penalty, logit bias) and
# whether the trainer applies them too; whether a KL penalty to a reference model is in
# the reward or in the loss; and the numeric precision and attention kernels on each path.
#
# PracHub does not say which interview asks this, and the text we have stops after its
# first part (walking through the training flow). **The five bugs, the toy policy, the
# tests and the plots are our own**: one concrete bug for each of the rubric's points.
# We list the notebook under the [ML system design](../../rounds/ml-system-design/) round
# because that is the round page for ML depth; no source reports a training-loop
# debugging interview by name.
#
# Units: log-probs in nats, ratios as plain numbers (1 = no change), shares in %.
#
# ## Derivation
#
# **One step, and what is frozen.** Take $n$ prompts. For each, the sampler draws a
# *group* of $G$ completions from the current policy $\pi_{\theta_\text{old}}$ at
# temperature $\tau$ and records the log-prob of every token it drew. A reward model or
# checker gives each completion one scalar $r_i$. Frozen from here on: the tokens, the
# rewards, the advantages and the recorded old log-probs. Moving: $\theta$, through one or
# more optimiser steps on this batch.
#
# **Advantages, relative to the group.** PPO subtracts a learned value function (a
# critic). GRPO has no critic: the baseline is the other completions of the same prompt,
#
# $$A_i = \frac{r_i - \operatorname{mean}(r_{\text{group}(i)})}{\operatorname{std}(r_{\text{group}(i)}) + \epsilon}.$$
#
# With one reward per completion, every generated token of completion $i$ gets the same
# $A_i$. It is a constant: no gradient flows into it. A group whose rewards are all equal
# has $A = 0$ and teaches nothing.
#
# **Alignment.** An autoregressive model's logits at position $j$ are its prediction for
# the token at $j+1$. So the log-prob of the sequence is
# $\sum_j \log \pi_\theta(x_{j+1} \mid x_{\le j})$: logits from positions $0..T-2$,
# targets from positions $1..T-1$. Slice both the same way and every position scores the
# token it was given as input.
#
# **Masking.** Only the tokens the policy generated count: not the prompt (the policy did
# not choose it) and not the padding after the end-of-sequence token (nobody chose it).
# The end-of-sequence token itself does count: stopping was a choice.
#
# **The clipped objective.** Per counted token $t$ of completion $i$,
#
# $$\rho_t = \exp\big(\log \pi_\theta(y_t) - \log \pi_{\theta_\text{old}}(y_t)\big), \qquad
# \ell_t = \min\big(\rho_t A_i,\ \operatorname{clip}(\rho_t, 1-\varepsilon, 1+\varepsilon) A_i\big),$$
#
# averaged over the completion's counted tokens, then over completions, and negated to
# make a loss. (Original GRPO averages per completion first; some later variants average
# over all tokens in the batch instead, which weights long completions more. Either is a
# choice, not a bug, as long as padding is not in the count.)
#
# **The gradient, by hand.** While the clip is inactive,
# $\partial \ell_t = A_i \rho_t\, \partial \log \pi_\theta(y_t)$; for a softmax at
# temperature $\tau$ over logits $z$, $\partial \log \pi(y) / \partial z = (e_y - \pi)/\tau$.
# Where the clip is active ($A > 0$ and $\rho > 1+\varepsilon$, or $A < 0$ and
# $\rho < 1-\varepsilon$) the token contributes nothing. At $\theta = \theta_\text{old}$
# every $\rho_t = 1$ and this is the plain policy gradient
# $A_i\,\partial \log \pi_\theta(y_t)$.
#
# **When is $\rho \ne 1$?** At the first optimiser step on fresh samples,
# $\theta = \theta_\text{old}$, so $\rho_t$ must be 1 for every token, up to the numeric
# difference between the sampler's and the trainer's forward passes. After the policy has
# moved, $\rho$ spreads by design: the second of several minibatches cut from one batch,
# the second and later epochs over a batch, or an asynchronous pipeline in which samples
# come from a policy a step or more old. That spread is what the clip exists for.
#
# ## Implementation
#
# The model is in `snippets/notebooks/debug_a_grpo_step/model.py`. The policy is a
# bigram table: row $W_x$ holds the logits of the token after $x$. That is the smallest
# autoregressive model with the same bookkeeping as a real one (logits per position,
# next-token targets, temperature, an end-of-sequence token that doubles as padding) and
# with a gradient short enough to derive by hand. The reward of a completion is how many
# of its tokens equal its prompt's first token, so some prompts are easier than others.
# The step is built from four swappable parts (log-probs, mask, advantages, old
# log-probs); each planted bug in `buggy.py` replaces one of them.
#
# If you want to practise, stop here and list where you would look for bugs in such a
# step before reading the code below.

# %%
import inspect

import matplotlib.pyplot as plt
import numpy as np

from snippets.notebooks.debug_a_grpo_step import buggy, model
from snippets.notebooks.debug_a_grpo_step.buggy import BUGS
from snippets.notebooks.debug_a_grpo_step.checks import caught, example
from snippets.notebooks.debug_a_grpo_step.model import CORRECT, completion_mask, step, train

print(inspect.getsource(model.step))

# %% [markdown]
# The five planted bugs. Each runs, returns arrays of the right shape and gives a finite
# loss, which is why none of them announces itself:
#
# 1. **Log-probs off by one**: logits and targets are sliced the same way, so each
#    position scores the token it was fed.
# 2. **Padding counted**: the mask keeps every column after the prompt, so the padding
#    gets its completion's advantage and counts in the mean.
# 3. **Batch-wide advantages**: one mean and one std over the whole batch, so every
#    completion of an easy prompt looks good and every completion of a hard one bad.
# 4. **Old log-probs recomputed**: the step recomputes the "old" log-probs from the
#    policy it is optimising. The ratio is then 1 at every $\theta$, the clip never acts,
#    and if the framework differentiates through both terms (as finite differences here
#    do) the loss is flat: its gradient is zero.
# 5. **Temperature dropped**: the sampler drew at $\tau = 0.7$, the trainer scores at
#    $\tau = 1$, so trainer and sampler disagree about the very policy that sampled.

# %%
print(inspect.getsource(buggy.logprobs_off_by_one))
print(inspect.getsource(buggy.recomputed_old_logprobs))

# %% [markdown]
# One batch: 16 prompts, a group of 8 completions each, at most 6 new tokens, sampled at
# temperature 0.7 from a random policy over 8 tokens. The cell prints the batch and the
# loss each version of the step computes on it at the sampling policy.

# %%
W, batch = example()
mask = completion_mask(batch.prompt_len, batch.lengths, batch.tokens.shape[1])
groups = batch.rewards.reshape(-1, batch.group_size)
print(f"{len(batch.rewards)} completions, {int(mask.sum())} generated tokens,"
      f" {int((batch.tokens.shape[1] - 1) * len(batch.rewards) - mask.sum())} other columns")
print(f"mean reward {batch.rewards.mean():.2f}; groups with no spread: "
      f"{int((groups.std(axis=1) == 0).sum())} of {len(groups)}")
for name, parts in [("correct", CORRECT)] + list(BUGS.items()):
    print(f"  {name:<25} loss {round(step(W, batch, parts).loss, 4) + 0.0:+.4f}")

# %% [markdown]
# Three versions print 0: at the sampling policy every ratio is 1, so the loss is minus
# the mean advantage, and centred advantages average 0. The others differ, but nothing in
# a loss value says which version is right. That is the job of the tests.
#
# ## Verification
#
# One check per bug, in `snippets/notebooks/debug_a_grpo_step/checks.py`. Each compares
# the step with something computed another way and reports a discrepancy that is zero, to
# rounding, for a correct step; above $10^{-6}$ it fails.
#
# 1. **Alignment**: log-probs against a plain loop that scores token $j+1$ from the
#    logits of token $j$.
# 2. **Padding**: widen the padding by 3 columns and fill it with random tokens; the loss
#    must not move (at a policy the batch has moved away from, so ratios are not 1).
# 3. **Group shift**: add 10 to every reward of one prompt and subtract 3 from another's;
#    no advantage may move, and each group's advantages must average 0.
# 4. **Gradient**: central finite differences of the loss against the hand-derived policy
#    gradient, on fresh samples.
# 5. **First-step ratio**: on fresh samples, at the sampling policy, every counted ratio
#    must be 1.
#
# The test module, `tests/notebooks/test_debug_a_grpo_step.py`, runs each check against
# the correct step (it must pass) and against its bug as a strict expected failure (so a
# check that stops catching its bug fails the suite). The table runs every check against
# every version: `x` means caught.

# %%
short = ["align", "pad", "group", "grad", "ratio"]
print(f"{'':<25}" + "".join(f"{s:>6}" for s in short))
for name, parts in [("correct", CORRECT)] + list(BUGS.items()):
    row = caught(parts)
    print(f"{name:<25}" + "".join(f"{'x' if c else '.':>6}" for c in row))
    assert row[list(BUGS).index(name)] if name in BUGS else not any(row)
print("every bug caught by its own check; the correct step passes all five")

# %% [markdown]
# Read the table as a debugging strategy. The gradient check catches all five, but only
# says "something is wrong"; the targeted checks say what. The first-step ratio check
# catches three bugs for free, since it needs no reference at all: **on fresh samples a
# ratio that is not 1 is a bug**. It cannot see bug 4 (the recomputed ratio is 1 by
# construction) nor bug 3 (advantages do not enter the ratio); those need the gradient
# check and the group-shift check.
#
# ## Plots
#
# First, the ratio when it leaves 1 **by design**. The correct step on one batch: at the
# first step on fresh samples, after one gradient step (what the second of several
# minibatches, or a one-step-stale asynchronous sampler, would see), and after four
# epochs over the same batch. Learning rate 2 in logit units per unit of gradient; clip
# $\varepsilon = 0.2$, drawn as dashed lines. The horizontal axis is logarithmic, so a
# ratio and its inverse sit the same distance from 1.

# %%
moved = {epochs: train(W, batch, epochs, lr=2.0) for epochs in (1, 4)}
by_design = {
    "first step, fresh samples": step(W, batch),
    "after 1 update": step(moved[1], batch),
    "after 4 epochs": step(moved[4], batch),
}
for name, result in by_design.items():
    r = result.ratios
    print(f"{name:<26} ratio {r.min():.3f} to {r.max():.3f}, outside the clip range"
          f" {np.mean(np.abs(r - 1) > 0.2):.0%}, gradient clipped away {result.clipped:.0%}")

bins = np.geomspace(0.7, 1 / 0.7, 61)
fig, ax = plt.subplots(figsize=(8, 4.5))
for (name, result), colour in zip(by_design.items(), ["tab:blue", "tab:orange", "tab:green"]):
    ax.hist(result.ratios, bins=bins, histtype="step", linewidth=2, color=colour, label=name)
for edge in (0.8, 1.2):
    ax.axvline(edge, color="black", linestyle="--", linewidth=1)
ax.set_xscale("log")
ticks = [0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.4]
ax.set_xticks(ticks, labels=[str(t) for t in ticks])
ax.minorticks_off()
ax.set_xlabel("per-token ratio, new / old policy (log scale)")
ax.set_ylabel("generated tokens")
ax.set_title("Correct step: the ratio spreads only once the policy has moved")
ax.legend(loc="upper left")
ax.grid(True, alpha=0.3)
plt.show()

# %% [markdown]
# Second, the ratio when it leaves 1 **because of a bug**: the same batch, the first step
# on fresh samples, where every ratio should be 1. Dropping the temperature tilts the
# ratio by how likely each token was (sampling at 0.7 sharpened the distribution, so the
# trainer's flatter distribution gives likely tokens less probability and unlikely ones
# more); the off-by-one bug scores the wrong tokens altogether.

# %%
first_step_bugs = {
    "correct": step(W, batch),
    "temperature dropped": step(W, batch, BUGS["temperature dropped"]),
    "log-probs off by one": step(W, batch, BUGS["log-probs off by one"]),
}
for name, result in first_step_bugs.items():
    r = result.ratios
    print(f"{name:<21} median ratio {np.median(r):.2f}, outside the clip range"
          f" {np.mean(np.abs(r - 1) > 0.2):.0%}")

bins = np.geomspace(0.005, 20.0, 81)
fig, ax = plt.subplots(figsize=(8, 4.5))
for (name, result), colour in zip(first_step_bugs.items(), ["tab:blue", "tab:orange", "tab:red"]):
    ax.hist(result.ratios, bins=bins, histtype="step", linewidth=2, color=colour, label=name)
for edge in (0.8, 1.2):
    ax.axvline(edge, color="black", linestyle="--", linewidth=1)
ax.set_xscale("log")
ax.set_xticks([0.01, 0.1, 1, 10], labels=["0.01", "0.1", "1", "10"])
ax.minorticks_off()
ax.set_xlabel("per-token ratio on the first step (log scale)")
ax.set_ylabel("generated tokens")
ax.set_title("First step on fresh samples: any ratio other than 1 is a bug")
ax.legend(loc="upper left")
ax.grid(True, alpha=0.3)
plt.show()

# %% [markdown]
# What the two plots say together: the shape of a healthy spread is narrow, centred on
# 1, and grows with the number of updates since sampling. A spread at step one, a
# median away from 1, or ratios orders of magnitude off are mismatches, not staleness.
# In a real stack with a separate inference engine, expect a small spread even at step
# one from different precision and kernels (bf16 against fp32, fused against eager
# attention); measure it once with everything else fixed, and alarm on anything wider.
#
# ## Pitfalls
#
# - **Calling every ratio away from 1 a bug, or none.** Ask how many updates separate
#   sampling from this step. Zero: the ratio must be 1. One or more: it spreads, and the
#   clip is doing its job.
# - **A ratio of exactly 1 everywhere, every epoch.** That is not proof of health: it is
#   what bug 4 looks like. Log the ratio's spread and the clipped share per epoch; both
#   should grow from 0 after the first update.
# - **Testing the loss value.** At the first step on fresh samples a correct step's loss
#   is $-\operatorname{mean}(A)$, which is 0 for centred advantages, and so is the loss
#   with bug 3 or bug 4 (the table of losses above): a loss-value test misses them there.
#   Test the advantages and the gradient, not the loss.
# - **Padding with the end-of-sequence token.** Common and fine, but then a mask that
#   counts padding trains the model on "end-of-sequence follows end-of-sequence" with
#   borrowed advantages, and short completions (more padding) weigh differently.
# - **Normalising over the batch.** Mixes prompt difficulty into the advantage: every
#   completion of an easy prompt is pushed up. Normalise per group; and count the groups
#   with no reward spread, which give no signal at all.
# - **Sampling transforms forgotten.** Temperature, top-p, top-k, repetition penalty and
#   logit bias change the distribution that sampled. The old and new log-probs must be
#   computed under the same transforms, or the objective is no longer on-policy.
# - **What this toy leaves out.** No KL penalty to a reference model, no per-step
#   rewards, no minibatch shuffling, a bigram policy. The bookkeeping is the same in a
#   real model; the numbers are not.
#
# ## What to say in the interview
#
# "I'd trace one step first: prompts, a group of completions each, a reward per
# completion, advantages relative to the group, a per-token clipped loss over the
# generated tokens only, one optimiser step. Frozen: tokens, rewards, advantages, old
# log-probs. Then I'd ask how many optimiser steps we take per batch and whether
# sampling runs in a separate engine with its own settings. If it's one step on fresh
# samples, the ratio must be 1, so a ratio that isn't is a mismatch: temperature or
# top-p not applied when log-probs are recomputed, a shifted log-prob slice, or
# numerics between two engines. If we take several steps, the ratio should spread and
# the clip should start to bite; if instead it's exactly 1 every epoch, the old
# log-probs are being recomputed from the live policy. For each suspect I'd give a
# test: log-probs against a loop, the loss unchanged by extra padding, advantages
# unchanged when one prompt's rewards shift, and a finite-difference check of the
# gradient on a tiny model."
#
# ## Sources
#
# One source, the PracHub SWE guide, reports the question, its constraints, its
# clarifying questions and its rubric: <!-- ln:confidence prachub-swe-2026 -->.
# The five bugs, the toy policy and reward, the derivation as written, the checks, the
# plots and the advice are our own material.
#
# <!-- ln:sources -->
