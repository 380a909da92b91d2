# ---
# title: "A/B test design: sample size, power and peeking"
# description: Sizing an A/B test from baseline rate, smallest effect, alpha and power, checked by simulation; how peeking inflates false positives; sizing guardrails.
# kind: notebook
# roles: [swe, staff]
# rounds: [experiment-design, ml-system-design]
# topics: [capacity-estimation, observability, testing]
# difficulty: medium
# sources: [prachub-swe-2026]
# plot_alt:
#   - "Line chart: power in % against users per arm (log scale, 500 to 200,000) for a 10% baseline rising to 12% (green), 11% (orange) and 10.5% (blue). Simulated dots lie on each S-shaped closed-form curve; the curves cross a dashed 80% line at about 3,800, 15,000 and 58,000."
#   - "Line chart: false-positive rate in % of A/A tests against looks at the data (log scale, 1 to 140). Red, stopping at the first p below 0.05: 5% at one look, 22% at 14, 40% at 140. Blue, each look tested at 0.05 divided by the looks: falls from 5% to under 1%. A dashed line marks 5%."
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
# # A/B test design: sample size, power and peeking
#
# How many users does an A/B test need, what happens if you check it every day and stop
# when it looks good, and how do guardrail metrics change the answer? This notebook derives
# the sample size, checks it against simulated experiments, and simulates peeking.
#
# ## Goal
#
# PracHub's SWE guide has a sample question set in an interview titled "Experiment
# Design" on the candidate's agenda
# ([claim](../../about/sources/#claim-experiment-design-reported)): plan an online A/B
# test of a product change, step by step, from the hypothesis, the primary and guardrail
# metrics and the unit of randomisation to the inputs sample size and power depend on,
# the biases to guard against and the decision rules
# ([claim](../../about/sources/#claim-experiment-design-scope); the round page,
# [Experiment design](../../rounds/experiment-design/), plans the whole interview). This
# notebook works the quantitative part of that plan:
#
# 1. the users per arm needed from the **baseline rate**, the **minimum detectable
#    effect**, **alpha** and **power**, and the reverse question an interviewer asks next:
#    with the traffic we have, what is the smallest effect we can see?
# 2. what **peeking** does: looking at the p-value as data arrives and stopping at the
#    first p < 0.05;
# 3. how **guardrail metrics** (the ones that can veto a launch) are tested and sized, and
#    why they, not the primary metric, often set the length of the test;
# 4. short answers to the follow-ups the rest of the plan invites (the unit, novelty,
#    variance reduction, stopping early, a broken split, a flat result, canaries), at the
#    end.
#
# PracHub's GPU inference API question (its ML system design category) also asks how the
# router splits traffic between model versions for A/B tests and canaries; how much
# traffic, for how long, is this same arithmetic (our link; see the canary follow-up).
# The formulas are imported from the round page's tested snippet,
# `snippets/rounds/experiment_design/power.py`; the simulations are in
# `snippets/notebooks/ab_test_design/model.py`. The baseline rates, effects and traffic
# are our examples, not a source's.
#
# **Predict before you read on**, on paper, then check each guess against the printed
# output: the users per arm to see a 10% rate become 11% at 5% and 80% power; the users
# for half that effect; the false-positive rate of a 5% test looked at daily for two
# weeks and stopped at the first p < 0.05; and whether a 0.5% error-rate guardrail needs
# more or fewer users than that 10% primary metric.
#
# Units: rates and probabilities in %, samples in users per arm, traffic in users per day.
#
# ## Derivation
#
# **The test.** Each arm has $n$ users; control converts at $p_A$, treatment at $p_B$.
# The observed rates $\hat p_A, \hat p_B$ are approximately normal, so their difference
# has standard error $\sigma_n = \sqrt{V/n}$, where
#
# $$V = p_A(1-p_A) + p_B(1-p_B).$$
#
# A two-sided test at level $\alpha$ rejects "no difference" when
# $|\hat p_B - \hat p_A|$ exceeds $z_{1-\alpha/2}$ standard errors (1.96 at 5%).
#
# **Power.** If the true difference is $\delta = p_B - p_A$, the test rejects (in the
# right direction) with probability
#
# $$\text{power}(n) = \Phi\!\left(\frac{|\delta|}{\sigma_n} - z_{1-\alpha/2}\right),$$
#
# ignoring the tiny chance of rejecting in the wrong direction.
#
# **Sample size.** Set the power to $1-\beta$ and solve for $n$:
#
# $$n = \frac{\left(z_{1-\alpha/2} + z_{1-\beta}\right)^2 V}{\delta^2}.$$
#
# Four inputs, and each one moves $n$ in a way worth saying aloud. $n$ grows with
# $1/\delta^2$: half the effect needs about four times the users. It grows with the
# variance $p(1-p)$, which is largest at 50% and small for rare events, but rare events
# also have small absolute effects, so a relative change in a rare rate is expensive.
# Stricter $\alpha$ or higher power raises $(z_{1-\alpha/2} + z_{1-\beta})^2$, which is
# 7.85 at 5% and 80% power.
#
# **Pooled or unpooled.** The test the simulations below run is the usual pooled one: under
# "no difference" both arms share one rate, so its standard error uses the pooled rate
# $\bar p = (p_A + p_B)/2$, with variance $2\bar p(1-\bar p)$ in place of $V$. That is
# larger than $V$ by exactly $\delta^2/2$, so the textbook formula, which uses the pooled
# variance for the threshold and $V$ for the spread, asks for a few more users: under 1% more
# at these rates (the tests compare the two). The simpler formula here is the one to derive
# at a whiteboard; say which one you used.
#
# **Minimum detectable effect.** Running the same formula backwards: with $n$ users per
# arm, the smallest $\delta$ detected with 80% power shrinks with $1/\sqrt{n}$, so a test
# twice as long only sees an effect about 0.71 times as large.
#
# **Guardrails.** A guardrail (error rate, latency, unsubscribes) asks a one-sided
# question: did it get worse? The margin is the harm we must not miss, and the test is
# sized to catch a harm that large with 80% power. A one-sided test at level $\alpha$ uses
# $z_{1-\alpha}$, which is the two-sided critical value at $2\alpha$; the same formula
# then gives its sample size. The stricter reading, a non-inferiority test ("show it is
# not worse by the margin"), puts the burden of proof on the change; with no true harm it
# needs about the same users, since the same distance, the margin, is in the formula.
#
# **Peeking.** Under the null hypothesis the z-statistic, watched as users arrive, moves
# like a random walk scaled to variance 1 at every moment. One look has a 5% chance of
# being beyond ±1.96; each extra look is another chance, and the walk is correlated but
# not identical from look to look, so the chance that **any** look crosses keeps rising
# with the number of looks. A simulation shows by how much.
#
# ## Implementation
#
# The formulas come from the round page's snippet; this notebook imports them.

# %%
from statistics import NormalDist

import matplotlib.pyplot as plt

from snippets.notebooks.ab_test_design.model import (
    false_positive_rate, guardrail_users_per_arm, minimum_detectable_rate, null_z_paths,
    simulated_power)
from snippets.rounds.experiment_design.power import (
    chance_of_a_false_alarm, days_to_run, power_of, sample_size_per_arm)

baseline = 0.10
treatments = [0.105, 0.11, 0.12]
daily = 20_000  # eligible users per day, split over two arms

z_sum = NormalDist().inv_cdf(1 - 0.05 / 2) + NormalDist().inv_cdf(0.8)
print(f"(z for alpha 5% two-sided + z for power 80%) squared: {z_sum ** 2:.2f}")
print("Users per arm, 10% baseline, two-sided alpha 5%, power 80%:")
for p in treatments:
    n = sample_size_per_arm(baseline, p)
    print(f"  10% -> {p:.1%}: {n:>7,} users per arm;"
          f" {days_to_run(n, 2, daily, whole_weeks=False)} day(s) of traffic,"
          f" run {days_to_run(n, 2, daily)}")

print("Smallest rise detectable with 80% power, at 20,000 users/day:")
for weeks in (1, 2, 4):
    n = weeks * 7 * daily // 2
    print(f"  {weeks} week(s), {n:>7,} users per arm: 10% -> {minimum_detectable_rate(baseline, n):.2%}")

# %% [markdown]
# The guardrail: an error rate of 0.5% that must not get 10% worse (to 0.55%), tested
# one-sided at 5% with 80% power, against a looser margin and a commoner event; days at
# the same 20,000 users a day, in whole weeks.

# %%
for rate, harm in [(0.005, 0.10), (0.005, 0.20), (0.02, 0.10)]:
    n = guardrail_users_per_arm(rate, harm)
    print(f"guardrail {rate:.1%}, catch {harm:.0%} worse: {n:>7,} users per arm,"
          f" {days_to_run(n, 2, daily)} days")
print(f"5 independent guardrails at 5%: {chance_of_a_false_alarm(5):.0%} chance of a false veto")

# %% [markdown]
# ## Verification
#
# Four checks that would fail if the formulas or the simulations were wrong (the test
# module, `tests/notebooks/test_ab_test_design.py`, runs more, with tolerances of about
# four Monte Carlo standard errors):
#
# 1. the closed-form power matches the share of 10,000 simulated experiments that reject,
#    within 2 percentage points, at a quarter, half, all and one and a half times the
#    computed sample;
# 2. the minimum detectable rate, put back into the sample-size formula, gives back the
#    users we started from;
# 3. with no real difference and one look at the end, the test rejects 5% of the time
#    (within 1 point);
# 4. with peeking, it rejects far more often, and more looks never lower the rate, while
#    the Bonferroni split stays at or under 5% (within 1 point).

# %%
for p in treatments:
    n = sample_size_per_arm(baseline, p)
    for fraction in (0.25, 0.5, 1.0, 1.5):
        m = round(n * fraction)
        simulated = simulated_power(baseline, p, m, runs=10_000, seed=7)
        assert abs(simulated - power_of(baseline, p, m)) < 0.02, (p, fraction, simulated)

for n in (14_749, 70_000, 140_000):
    assert sample_size_per_arm(baseline, minimum_detectable_rate(baseline, n)) == n

# 140 moments: a daily look over two weeks is every 10th; every one is ten looks a day
paths = null_z_paths(baseline, 14_749, steps=140, runs=10_000, seed=2)
looks = [1, 2, 4, 7, 14, 28, 70, 140]
peeking = [false_positive_rate(paths, k) for k in looks]
split = [false_positive_rate(paths, k, bonferroni=True) for k in looks]
assert abs(peeking[0] - 0.05) < 0.01
nested = [peeking[looks.index(k)] for k in (1, 2, 14, 28, 140)]
assert nested == sorted(nested) and peeking[-1] > 0.3
assert all(rate <= 0.05 + 0.01 for rate in split)
print("all four checks pass")
print("False positives of A/A tests:")
print("looks | stop at first p < 0.05 | each look at 0.05 / looks")
for k, naive, bonferroni in zip(looks, peeking, split):
    print(f"{k:>5} | {naive:>22.1%} | {bonferroni:>25.1%}")

# %% [markdown]
# ## Plots
#
# First, power against users per arm for three effects on a 10% baseline: the lines are
# the closed form, the dots simulated experiments (2,000 each), and the dashed line 80%.
# The horizontal axis is logarithmic, so "four times the users" is a fixed distance.

# %%
grid = [round(500 * 400 ** (k / 80)) for k in range(81)]  # 500 to 200,000 users per arm
fig, ax = plt.subplots(figsize=(8, 4.5))
for p, colour in zip(treatments, ["tab:blue", "tab:orange", "tab:green"]):
    ax.plot(grid, [100 * power_of(baseline, p, n) for n in grid], color=colour,
            label=f"10% -> {p:.1%} (closed form)")
    dots = grid[::10]
    ax.plot(dots, [100 * simulated_power(baseline, p, n, runs=2_000, seed=8) for n in dots],
            "o", color=colour)
ax.axhline(80, color="black", linestyle="--", label="80% power")
ax.set_xscale("log")
ticks = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000]
ax.set_xticks(ticks, labels=[f"{t:,}" for t in ticks])
ax.minorticks_off()
ax.set_ylim(0, 100)
ax.set_xlabel("users per arm (log scale)")
ax.set_ylabel("power (%)")
ax.set_title("Power against sample size: lines closed form, dots simulated")
ax.legend(loc="lower right")
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# Second, A/A tests (no real difference) watched at evenly spaced moments up to the
# planned 14,749 users per arm: the share declared significant if the analyst stops at
# the first look with p < 0.05, and if each look is instead tested at 0.05 divided by the
# number of looks (a Bonferroni split). 10,000 simulated experiments; the horizontal axis
# is logarithmic.

# %%
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(looks, [100 * r for r in peeking], "o-", color="tab:red",
        label="stop at the first p < 0.05")
ax.plot(looks, [100 * r for r in split], "o-", color="tab:blue",
        label="each look tested at 0.05 / looks")
ax.axhline(5, color="black", linestyle="--", label="intended 5%")
ax.set_xscale("log")
ax.set_xticks(looks, labels=[str(k) for k in looks])
ax.minorticks_off()
ax.set_ylim(0, 45)
ax.set_xlabel("looks at the data (log scale)")
ax.set_ylabel("false-positive rate (%)")
ax.set_title("A/A tests: peeking turns a 5% test into a much looser one")
ax.legend(loc="upper left")
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# Daily looks over a two-week test are 14 looks; the cell below prints what that does to
# the false alarms. The Bonferroni split is safe but wasteful: at 140 looks it holds the
# rate under 1%, far below the 5% it was allowed, which means power lost.
# Group-sequential boundaries (Pocock's, O'Brien-Fleming's, or alpha-spending functions)
# and always-valid p-values spend the 5% more carefully; the interview point is to name
# one and to fix the looks before launch.

# %%
daily_looks = peeking[looks.index(14)]
print(f"14 daily looks: {daily_looks:.1%} false positives,"
      f" {daily_looks / 0.05:.1f} times the intended 5%")
print(f"each of the 14 looks at 0.05 / 14: {split[looks.index(14)]:.1%}")

# %% [markdown]
# ## Pitfalls
#
# - **Sizing from the effect you hope for.** The minimum detectable effect is the
#   smallest change worth shipping, not the change you expect. Choose it from the
#   decision, then see whether the traffic can afford it.
# - **Forgetting the variance moves.** The formula needs the baseline rate; for a metric
#   that is not a proportion (revenue, latency) it needs the metric's variance, measured
#   on past data. Heavy tails make that variance large.
# - **Peeking.** Checking a fixed-horizon test daily and stopping at the first
#   significant day inflates false positives, as plotted. Fix the horizon, or use a
#   sequential method designed for repeated looks.
# - **Reading "no significant harm" as "no harm".** A guardrail that was not powered to
#   catch the harm you care about says nothing when it comes back flat. Size it, or state
#   the harm it could have missed.
# - **Too many vetoes.** Five independent guardrails, each at 5%, veto a harmless change
#   about 23% of the time. Keep the list short, or correct for the number.
# - **Randomising the wrong unit.** The formula assumes independent users. If the unit of
#   randomisation is a team or a region, or users influence each other, the effective
#   sample is smaller; count clusters, not users.
# - **Trusting the split.** Before reading any metric, check that the arms have the
#   planned sizes (a sample-ratio mismatch means a bug in assignment or logging).
#
# ## What to say in the interview
#
# "Sample size comes from four inputs: the baseline rate, the smallest effect worth
# shipping, alpha and power. At a 10% baseline, detecting a rise to 11% at 5% and 80%
# power needs about 15,000 users per arm; half that effect needs four times as many. I'd
# run whole weeks even if the traffic fills sooner. I'd fix the horizon and the decision
# rule before launch, because checking every day and stopping at the first p < 0.05 can
# raise the false-positive rate about four-fold over a two-week test; if the business needs
# to stop early, I'd use a sequential design built for it. Guardrails are one-sided
# tests sized to catch a set harm, and a rare guardrail such as a 0.5% error rate can need far more
# users than the primary metric, so I'd size the test by the guardrail I need to be able
# to veto on, or say plainly what harm it is too small to see."
#
# ### The follow-ups, answered briefly
#
# - **"What do you randomise?"** Users, by a hash of a stable user ID salted per
#   experiment, so a person stays in one arm across sessions; page views or sessions would
#   put one person in both. If the metric is per page view (click-through rate) but the
#   unit is the user, one user's page views are correlated: compute the variance by user
#   (the delta method, or a bootstrap over users), or the test is overconfident. Where
#   users affect each other (a shared document, a marketplace), randomise clusters and
#   count clusters in the sample size.
# - **"How would you spot a novelty effect?"** Plot the effect against days since each
#   user first saw the change: novelty fades, learning grows. Compare new users, who have
#   no old habit, with returning ones. Judge the effect once it settles, one more reason
#   for whole weeks; for a lasting change, keep a small holdout for months.
# - **"Can the test be shorter without more traffic?"** Reduce the variance. CUPED
#   subtracts from each user's metric the part their pre-experiment value predicts: the
#   expected difference between arms is unchanged and the variance is multiplied by
#   $1-\rho^2$, $\rho$ the correlation with the pre-period, so the users needed fall by
#   the same factor (printed below). It needs history: new users have none, and a
#   one-off conversion correlates weakly with its past. Capping heavy-tailed metrics
#   (revenue) cuts variance too.
# - **"The business wants to stop early."** Plan the looks before launch. A
#   group-sequential design fixes the looks and a boundary for each: O'Brien-Fleming's
#   asks for a very large z early and little more than 1.96 at the end, so a test that
#   runs to the end loses almost no power; Pocock's sets one higher bar at every look.
#   Always-valid p-values (mixture sequential probability ratio tests) allow a look at
#   any time, at a cost in power.
# - **"How do you know the experiment itself worked?"** Test the arm sizes against the
#   planned split (a sample-ratio check) with a strict threshold, since it runs on every
#   experiment; even a 50.5% / 49.5% split of 140,000 users is far outside chance
#   (printed below). Before launch, A/A tests of the pipeline should reject about 5% of
#   the time, as simulated above.
# - **"It came back flat. What do you tell the product manager?"** The confidence
#   interval for the effect, not "not significant": if it excludes the smallest effect
#   worth shipping, the change does not matter at that size; if it includes it, the test
#   was inconclusive. Segments named before launch can be read; segments found afterwards
#   are hypotheses for the next test, with the many-comparisons problem of the guardrails.
# - **"How big should the canary be?"** A canary is a small arm against a large control,
#   so its own size sets what it can see: against a much larger control it needs about
#   half the per-arm figure of an equal split (the control's half of the variance
#   vanishes). A small canary catches big regressions fast and small ones only after a
#   long time; say which regression it is sized to catch, and that one user's requests
#   are correlated, like page views.

# %%
from snippets.notebooks.ab_test_design.model import sample_ratio_p_value, users_with_cuped

n = sample_size_per_arm(baseline, 0.11)
for rho in (0.3, 0.5, 0.7):
    print(f"CUPED at correlation {rho}: {users_with_cuped(n, rho):,} users per arm, not {n:,}")
print(f"sample-ratio check, 70,700 / 69,300 users: p = {sample_ratio_p_value(70_700, 69_300):.5f}")

# %% [markdown]
# ## Sources
#
# One source, the PracHub SWE guide, reports the interview and its prompt (sample size
# and power inputs, primary and guardrail metrics), and the GPU inference question's
# A/B routing and canaries: <!-- ln:confidence prachub-swe-2026 -->.
# The derivation, the example rates and traffic, the simulations, the advice and the
# answers to the follow-ups are our own material.
#
# <!-- ln:sources -->
