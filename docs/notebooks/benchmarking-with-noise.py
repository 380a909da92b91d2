# ---
# title: "Benchmarking with noise: runs, intervals and ablation"
# description: How many runs a speedup claim needs, bootstrap intervals for a ratio of medians, warm-up detection and a two-change ablation, on a simulated noisy benchmark.
# kind: notebook
# roles: [swe]
# rounds: [experiment-design]
# topics: [observability, testing]
# difficulty: hard
# sources: [prachub-swe-2026]
# plot_alt:
#   - "Left: 80 runs in order (ms, log scale): warm-up falls from 19 to 12 ms until a dashed line at run 6, then runs sit on a 10 ms median line with four spikes of 17 to 28 ms. Right: histogram of 4,000 runs, log axes: a peak at 10 ms, a thin band at 15 to 31 ms; median 10.0, mean 10.6, min of 100 9.3 ms."
#   - "Line chart, log axes: width of the 95% bootstrap interval of a speedup (%) against runs per version, 5 to 320. Blue, ratio of medians: 14% falling steadily to 1.6%, on a dashed closed-form line. Orange, ratio of means: 9% at 5 runs, up to 27% at 20, then down only to 8% at 320."
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
# # Benchmarking with noise: runs, intervals and ablation
#
# Two versions of a kernel, a few runs each, and one says "5% faster". Is it? This
# notebook simulates a noisy benchmark, works out how many runs a speedup claim needs,
# puts a bootstrap confidence interval on the speedup, finds and drops warm-up runs, and
# separates two changes with an ablation.
#
# ## Goal
#
# PracHub's SWE guide has a sample question, rated Hard and filed under analytics and
# experimentation like its A/B test question, that we restate: you may only use a kernel
# **simulator** that reports cycle counts and hardware counters (instructions per cycle,
# why the pipeline stalled, occupancy, memory bandwidth); write a rigorous plan to profile
# and speed up a compute kernel with it. The plan has seven parts: a baseline and control
# of the environment; experiments with controlled variables, telling screening runs from
# deep dives; what to record and which metrics to derive; how to reduce variance and which
# statistics to use; when to stop iterating; how to credit a speedup to each change
# (decomposition and ablation); and how to check the kernel still computes the right
# answer after every step. PracHub names the interview only for the A/B question ("Experiment
# Design"); placing this one in that round, as the round page
# [Experiment design](../../rounds/experiment-design/) does, is our reading of the shared
# category.
#
# This notebook works the statistical parts of that plan (variance, the statistics,
# attribution, and the part of the stop rule that noise sets) on a simulated benchmark:
#
# 1. how many runs a claim of a given speedup needs, from the run-to-run noise;
# 2. a confidence interval for the speedup, as a ratio of medians or of means, by the
#    bootstrap, with its coverage checked where the true ratio is known;
# 3. what goes wrong with one run, with the mean, and with the minimum of N runs;
# 4. finding warm-up runs before they bias the numbers;
# 5. an ablation of two changes, X and Y: which of them gave the speedup.
#
# **Does a simulator have noise at all?** Maybe not: a cycle-level simulator given the
# same binary and input may report the same count every time. Then repeated runs tell you
# nothing and the variation that matters is across inputs (sizes, data, random seeds),
# which you sample on purpose and analyse the same way, pairing each input across the two
# versions. On real hardware, and in simulators that model contention or randomised
# placement, the run-to-run noise below is real. Asking which case you are in is the first
# clarifying question. The noise levels, run times and effect sizes here are our
# assumptions, not a source's.
#
# Units: run times in ms; speedups as ratios (1.05 = 5% faster, baseline time over
# candidate time); noise as the standard deviation of the natural log of run time
# (0.04 is about 4% run to run); confidence intervals as ratios, their widths in %.
#
# ## Derivation
#
# **The simulated benchmark.** Run $i$ of a version takes
#
# $$T_i = m \, e^{\sigma Z_i} \, I_i \, W_i ,$$
#
# where $m$ is the median (10 ms for the baseline), $Z_i$ is standard normal and
# $\sigma = 0.04$, so the body of the distribution is lognormal; $I_i$ is interference
# (another process, an interrupt, a page fault): with probability 5% the run is slower by
# a factor drawn uniformly between 1.5 and 3, otherwise $I_i = 1$; and $W_i$ is warm-up
# (cold caches, lazy loading, clocks ramping), a slowdown that falls from 2 on the first
# run to 1 after the first few runs. Noise is multiplicative, so we work with $\ln T$:
# a ratio of times becomes a difference of logs.
#
# **What "speedup" means.** With two versions A (baseline) and B, the speedup is
# $r = m_A / m_B$ for medians, the typical run, or $\mu_A / \mu_B$ for means, which is
# what total time over many calls pays. They agree when B's distribution is A's scaled
# down; they disagree when a change also alters the spread or the tail, so say which you
# claim.
#
# **Runs needed.** Estimate $\ln r$ by the difference of the mean log times of $n$ runs
# each. Its standard error is $\sigma\sqrt{2/n}$. A two-sided test at level $\alpha$ finds
# a true $\ln r$ with power $1-\beta$ when
#
# $$n = \frac{2\,\left(z_{1-\alpha/2} + z_{1-\beta}\right)^2 \sigma^2}{(\ln r)^2}.$$
#
# Two consequences to say aloud: halving the speedup you want to prove needs four times
# the runs, and halving the noise (pinned clocks, an idle machine, fixed inputs) needs a
# quarter of them, so variance reduction is usually cheaper than more runs. We never go
# below 5 runs, whatever the formula says: it treats the noise as known, and a handful of
# runs can neither estimate it nor show whether spikes happen. The median is
# robust to interference but less efficient on clean noise: for normal noise (here, on the
# log scale) and many runs, its variance is $\pi/2$ times the mean's, so it needs about
# 1.57 times the runs. That factor is an asymptotic result for normal data; at 10 to 20
# runs the measured factor is about 1.4 to 1.5, so $\pi/2$ errs on the side of more runs.
#
# **Bootstrap interval.** There is no tidy formula for the standard error of a ratio of
# medians under this mixture, so resample: draw $n_A$ runs of A with replacement from A's
# runs and $n_B$ of B from B's, compute the ratio, repeat 2,000 times, and take the 2.5th
# and 97.5th percentiles (the percentile bootstrap). Each version is resampled on its
# own because its runs are independent of the other's; if the runs were paired (the same
# input, or A and B interleaved on a drifting machine), resample the pairs instead.
#
# **Warm-up.** Take the second half of the runs as steady, and call a run slow if its log
# time is more than 3 robust standard deviations (1.4826 times the median absolute
# deviation) above the steady median. Warm-up ends at the first run that is not slow and
# is followed by at most one slow run in the next four, so one interference spike does not
# extend it. A warm-up run slowed by less than about three noise sds is invisible to this
# rule, and hard to tell from noise by any rule that judges one run at a time; that is also
# why leaving it in barely moves the result.
#
# **Ablation of two changes.** Measure all four configurations: baseline, X only, Y only,
# and both. On the log scale,
#
# $$\ln r_{XY} = \ln r_X + \ln r_{Y \mid X} = \ln r_Y + \ln r_{X \mid Y},$$
#
# where $r_{Y \mid X}$ is what Y adds on top of X. If the changes act independently,
# $r_{Y \mid X} = r_Y$ and the interaction $r_{XY} / (r_X r_Y)$ is 1. If they attack the
# same bottleneck (two ways of hiding the same memory stalls) the interaction is below 1,
# and the credit each gets depends on the order in which they were applied. Report both
# orders, or their average on the log scale (for two changes, that average is the Shapley
# value).
#
# ## Implementation
#
# The model is in `snippets/notebooks/benchmarking_with_noise/model.py`, imported here;
# the bootstrap is short enough to print (here without its docstring and doctests).

# %%
import inspect

import matplotlib.pyplot as plt
import numpy as np

from snippets.notebooks.benchmarking_with_noise.model import (
    CONFIGS, ablation, bootstrap_speedup, estimator_spread, robust_noise, runs_needed,
    simulate_runs, true_mean_ms, warmup_end)

source = inspect.getsource(bootstrap_speedup).split('"""')
print(source[0].rstrip() + source[-1].rstrip())  # the function without its docstring

# %% [markdown]
# **How many runs?** At 4% noise, two-sided 5% and 80% power, per version:

# %%
for speedup in (1.10, 1.05, 1.02, 1.01):
    print(f"speedup {speedup:.2f}: {runs_needed(0.04, speedup):>4} runs (mean of logs),"
          f" {runs_needed(0.04, speedup, estimator='median'):>4} (median);"
          f" at 2% noise {runs_needed(0.02, speedup):>3}")

# %% [markdown]
# The same arithmetic gives a stop rule for iterating: once the gain you can still hope for
# from the next idea is smaller than what your run budget can resolve (1% needs about 250
# runs per version at 4% noise), stop measuring ideas one by one; stop altogether when
# the counters say the kernel is at its memory-bandwidth or compute limit.
#
# **One benchmark, read four ways.** The candidate B is 5% faster in median (9.5 ms
# against 10 ms) but twice as noisy (log-sd 0.08 against 0.04), as happens when a change
# leans harder on a shared resource such as memory bandwidth. Both suffer the same
# interference. Each row is 1,000 simulated benchmarks; it gives the middle 90% of the
# speedups they would report and the typical one. The true median speedup is 1.05.

# %%
print("statistic  runs   5%    typical  95%")
for statistic in ("median", "mean", "min"):
    for runs in (1, 10, 100):
        if runs == 1 and statistic != "median":
            continue  # with one run, every statistic is that run
        s = estimator_spread(statistic, runs, 1000, seed=5)
        low, typical, high = np.percentile(s, [5, 50, 95])
        label = "one run" if runs == 1 else statistic
        print(f"{label:<9} {runs:>4}  {low:.3f}  {typical:.3f}   {high:.3f}")

# %% [markdown]
# In the middle 90% of benchmarks, one run reports a speedup anywhere from 0.81 (B looks
# 23% slower) to 1.77. The mean of 10 runs is dragged around by whichever version caught
# an interference spike. The median settles on 1.05. The minimum of N does not: it drifts
# further from 1.05 as N grows (1.12 typical at 10 runs, 1.16 at 100), because it
# measures the luckiest run, and the noisier version has luckier lucky runs. Min-of-N is defensible only when you believe the noise is purely additive
# slowdowns on a fixed floor and the two versions have the same spread; say so if you use
# it.
#
# **An interval on one claim.** 40 runs each of a baseline at 10 ms and a candidate at
# 9.5 ms, both with the default 4% noise and 5% interference, read as a ratio of medians
# and as a ratio of means:

# %%
rng = np.random.default_rng(2)
a, b = simulate_runs(10.0, 40, rng), simulate_runs(9.5, 40, rng)
for statistic in ("median", "mean"):
    point, low, high = bootstrap_speedup(a, b, statistic)
    print(f"ratio of {statistic}s: {point:.3f}, 95% CI {low:.3f} to {high:.3f}")

# %% [markdown]
# The median's interval excludes 1; the mean's does not, because two or three
# interference spikes dominate each mean. The mean answers a different question (total
# time over many calls) and needs far more runs to answer it, as the second plot shows.
#
# **Ablation.** X (say, vectorised loads) and Y (say, software prefetch) both hide memory
# stalls. True medians: baseline 10 ms, X 8.7 ms, Y 9.1 ms, both 8.5 ms, so the
# interaction is $8.7 \times 9.1 / (10 \times 8.5) = 0.93$. Thirty runs of each
# configuration:

# %%
rng = np.random.default_rng(4)
runs = {c: simulate_runs(m, 30, rng) for c, m in zip(CONFIGS, [10.0, 8.7, 9.1, 8.5])}
for name, (point, low, high) in ablation(runs).items():
    print(f"{name:<14} {point:.3f}  (95% CI {low:.3f} to {high:.3f})")

# %% [markdown]
# Measured alone, Y looks like a 9% win; added to X, it is worth about 1% and its interval
# reaches below 1 (no gain). Credit Y with 9% because it happened to land first, and the
# report is wrong about what to keep. The interval on the interaction excludes 1, so the
# overlap is real, not noise.
#
# ## Verification
#
# Checks that fail if the model or the statistics are wrong; the test module,
# `tests/notebooks/test_benchmarking_with_noise.py`, runs them at larger sizes and adds
# more, each with its tolerance stated: two to four Monte Carlo standard errors, plus a
# stated allowance where a method is known to be slightly off.
#
# 1. The simulator's mean matches its closed form (lognormal mean times the average
#    interference factor), within 0.5%, and the robust noise estimate recovers the 0.04
#    put in, within 0.005, spikes and all.
# 2. The runs-needed formula delivers its power: at the computed number of runs, a test on
#    log times finds the true speedup in 80% of 2,000 simulated benchmarks, within 3
#    points, at three noise and speedup settings.
# 3. Bootstrap coverage, where the true ratio is known (B's runs are A's distribution
#    divided by 1.05): the interval for the ratio of medians contains 1.05 in at least
#    95% of 300 simulated benchmarks of 20 runs each, less 4 points of Monte Carlo error.
#    At 20 runs these intervals over-cover: in 20,000 benchmarks they contained the truth
#    96.4% of the time, so a "95%" interval here is a little wider than it needs to be,
#    which errs on the safe side. The interval for the ratio of means is printed too: with
#    5% interference at 20 runs it contains the truth less often than it claims (about 90%),
#    a limit of the percentile bootstrap on skewed data.
# 4. Warm-up detection: on 200 series with 6 planted warm-up runs, the detected end is
#    within one run of 6 in at least 90% of them; with no warm-up it is 0 or 1 in at
#    least 90%.

# %%
rng = np.random.default_rng(6)
sample = simulate_runs(10.0, 200_000, rng)
assert abs(sample.mean() / true_mean_ms(10.0) - 1) < 0.005
assert abs(robust_noise(sample) - 0.04) < 0.005  # interference barely moves the robust sd

for noise, speedup in [(0.04, 1.02), (0.10, 1.05), (0.02, 1.01)]:
    n = runs_needed(noise, speedup)
    logs_a = np.log(simulate_runs(10.0, (2000, n), rng, noise=noise, outlier_rate=0))
    logs_b = np.log(simulate_runs(10.0 / speedup, (2000, n), rng, noise=noise, outlier_rate=0))
    t = (logs_a.mean(1) - logs_b.mean(1)) / np.sqrt(
        (logs_a.var(1, ddof=1) + logs_b.var(1, ddof=1)) / n)
    found = np.mean(np.abs(t) > 1.96)
    assert abs(found - 0.8) < 0.03, (noise, speedup, found)
    print(f"noise {noise:.2f}, speedup {speedup:.2f}: {n:>3} runs each, found in {found:.1%}")

coverage = {}
for statistic in ("median", "mean"):
    hits = 0
    for experiment in range(300):
        a = simulate_runs(10.0, 20, rng)
        b = simulate_runs(10.0, 20, rng) / 1.05
        _, low, high = bootstrap_speedup(a, b, statistic, resamples=1000, seed=experiment)
        hits += low <= 1.05 <= high
    coverage[statistic] = hits / 300
assert 0.95 - 0.04 < coverage["median"] < 0.995  # over-covers at 20 runs: about 96.4%
print(f"95% intervals containing the true 1.05, 20 runs each: ratio of medians"
      f" {coverage['median']:.1%}, ratio of means {coverage['mean']:.1%}")

planted = [warmup_end(simulate_runs(10.0, 60, rng, warmup_runs=6)) for _ in range(200)]
clean = [warmup_end(simulate_runs(10.0, 60, rng)) for _ in range(200)]
assert np.mean(np.abs(np.array(planted) - 6) <= 1) >= 0.9
assert np.mean(np.array(clean) <= 1) >= 0.9
print(f"warm-up of 6 runs found within one run: {np.mean(np.abs(np.array(planted) - 6) <= 1):.0%};"
      f" no warm-up, 0 or 1 dropped: {np.mean(np.array(clean) <= 1):.0%}")

# %% [markdown]
# ## Plots
#
# First, what the runs look like: 80 runs in order, with warm-up and the detected end of
# it (left), and the distribution of 4,000 steady runs with its median, its mean and the
# minimum of 100 runs (right). The time axes and the count axis are logarithmic, so the
# thin tail of interference spikes shows.

# %%
rng = np.random.default_rng(8)
sequence = simulate_runs(10.0, 80, rng, warmup_runs=6)
steady = simulate_runs(10.0, 4000, rng)
start = warmup_end(sequence)
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 4), gridspec_kw={"width_ratios": [3, 2]})
left.plot(range(80), sequence, "o-", color="tab:blue", markersize=3, linewidth=0.8)
left.axhline(np.median(sequence[start:]), color="tab:green", label="median after warm-up")
left.axvline(start - 0.5, color="black", linestyle="--", label=f"warm-up ends (run {start})")
left.set_yscale("log")
left.set_yticks([8, 10, 15, 20, 30], labels=["8", "10", "15", "20", "30"])
left.minorticks_off()
left.set_ylim(8, 60)  # room for the legend above the spikes
left.set_xlabel("run")
left.set_ylabel("run time (ms, log scale)")
left.set_title("Runs in order")
left.legend(loc="upper right")
bins = np.geomspace(8, 32, 60)
right.hist(steady, bins=bins, color="tab:blue", alpha=0.6)
for value, colour, label in [(np.median(steady), "tab:green", "median"),
                             (steady.mean(), "tab:orange", "mean"),
                             (steady[:100].min(), "tab:red", "min of 100")]:
    right.axvline(value, color=colour, label=f"{label} {value:.1f} ms")
right.set_xscale("log")
right.set_xticks([8, 10, 15, 20, 30], labels=["8", "10", "15", "20", "30"])
right.minorticks_off()
right.set_yscale("log")
right.set_ylim(0.8, 5000)
right.set_xlabel("run time (ms, log scale)")
right.set_ylabel("runs (log scale)")
right.set_title("4,000 steady runs")
right.legend(loc="upper right")
for ax in (left, right):
    ax.grid(True, alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# Second, how the confidence interval narrows with more runs: the width of the 95%
# bootstrap interval (upper minus lower bound, in %) of the speedup between two versions
# with the same distribution, the median over 40 simulated benchmarks at each size, for
# the ratio of medians and the ratio of means. The dashed line is the closed form for
# medians without interference, $2 \times 1.96 \times \sigma\sqrt{(\pi/2)(2/n)}$. Both
# axes are logarithmic, so one over the square root of $n$ is a straight line.

# %%
sizes = [5, 10, 20, 40, 80, 160, 320]
widths = {"median": [], "mean": []}
rng = np.random.default_rng(9)
for n in sizes:
    a = simulate_runs(10.0, (40, n), rng)
    b = simulate_runs(10.0, (40, n), rng)
    for statistic in widths:
        w = []
        for k in range(40):
            _, low, high = bootstrap_speedup(a[k], b[k], statistic, resamples=500, seed=k)
            w.append(high - low)
        widths[statistic].append(100 * float(np.median(w)))
closed = [100 * 2 * 1.96 * 0.04 * np.sqrt(np.pi / 2 * 2 / n) for n in sizes]

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(sizes, widths["mean"], "o-", color="tab:orange", label="bootstrap, ratio of means")
ax.plot(sizes, widths["median"], "o-", color="tab:blue", label="bootstrap, ratio of medians")
ax.plot(sizes, closed, "--", color="black", label="closed form, medians, no interference")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xticks(sizes, labels=[str(n) for n in sizes])
ax.set_yticks([1, 2, 5, 10, 20, 30], labels=["1", "2", "5", "10", "20", "30"])
ax.minorticks_off()
ax.set_xlabel("runs per version (log scale)")
ax.set_ylabel("width of the 95% interval (%, log scale)")
ax.set_title("Confidence interval width against runs")
ax.legend(loc="lower left")
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# Reading the second plot for a decision: to claim a 2% speedup you need the interval's
# lower end above 1, so a half-width under 2% (a width under 4%), and more than that to
# claim it reliably: the runs-needed formula above asks for 101 runs per version with
# medians at 4% noise. The medians follow the closed form. The means do not, and their
# curve is a warning: at 5 runs most benchmarks catch no spike at all, so the bootstrap,
# which can only resample what it saw, reports a narrow interval that is wrong whenever a
# spike would have come (the undercoverage in the verification above). The honest width
# appears only once spikes are sampled, and then it shrinks slowly, because a few spikes
# dominate each mean.

# %%
for statistic in ("median", "mean"):
    first = next((n for n, w in zip(sizes, widths[statistic]) if w < 4), None)
    if first:
        print(f"ratio of {statistic}s: interval width under 4% from {first} runs per version")
    else:
        print(f"ratio of {statistic}s: interval width still {widths[statistic][-1]:.1f}%"
              f" at {sizes[-1]} runs per version")

# %% [markdown]
# ## Pitfalls
#
# - **One run, or one run each.** The spread of a single run is the whole noise
#   distribution, interference included; no number of significant digits fixes that.
# - **The mean of a few runs.** Interference is rare and large, so the mean of 10 runs is
#   mostly a count of spikes. Use the median for the typical run; if you need the mean
#   (total cost), run many more and report its interval.
# - **Min-of-N as "the true speed".** It assumes noise only adds and both versions share
#   one floor. When the spread differs, it reports the luckiest run's speedup, and the
#   error grows with N.
# - **Including warm-up.** The first runs are slow for reasons that have nothing to do
#   with the kernel. Drop them by a stated rule, and check that both versions warm up
#   alike (a change that adds compile or load time has a real cost that belongs in a
#   separate cold-start number).
# - **All of A, then all of B.** Thermal throttling, clock changes and neighbours drift
#   over minutes; if the versions run in separate blocks, the drift becomes the speedup.
#   Interleave or randomise the order, and pair the runs if drift is large.
# - **Peeking until it looks significant.** Fix the number of runs (from the formula) or
#   the stop rule before looking, as in A/B tests.
# - **Crediting changes in the order they landed.** With overlapping changes the last
#   one looks small and the first one big. Run the 2x2 (or a fractional factorial for
#   more changes) and report the interaction.
# - **Faster and wrong.** Compare outputs to the baseline after every change, with a
#   tolerance that fits the arithmetic (bitwise for integer kernels, a stated relative
#   error for reordered floating-point sums).
#
# ## What to say in the interview
#
# "Before any speedup I'd pin the baseline: same inputs, clocks, build flags and machine
# state, warm-up runs dropped by a rule I state up front, A and B interleaved. I'd measure
# the run-to-run noise first, because the runs I need grow with the noise squared over the
# log speedup squared: at 4% noise, proving 2% takes about 65 runs per version with means
# of log times, or about 100 with medians, and 1% takes four times that. I'd report the
# ratio of medians with a bootstrap interval, not one run, not the mean of a handful, and
# not min-of-N unless both versions have the same spread. If the simulator is
# deterministic I'd vary inputs instead and pair them. For two changes I'd measure all
# four combinations, because when both attack the same stalls, the one that landed first
# takes the credit. And after every change I'd check the output against the baseline."
#
# ## Sources
#
# One source, the PracHub SWE guide, reports the kernel profiling question, its rating
# (Hard) and the seven parts the plan should cover, in the same category as its A/B test
# question that names an "Experiment Design" interview: <!-- ln:confidence prachub-swe-2026 -->.
# That the kernel question belongs to that interview is our reading; the source does not
# say which interview asks it. The simulated benchmark, its noise levels and effect sizes,
# the derivation, the statistics, the checks and the advice are our own material.
#
# <!-- ln:sources -->
