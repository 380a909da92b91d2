# ---
# title: Makespan against chunk size
# description: How the chunk size sets the makespan of a pipelined file transfer to 1,000 hosts - derivation, a numeric check and the curve.
# kind: notebook
# roles: [swe, staff]
# rounds: [system-design]
# topics: [capacity-estimation, data-distribution, networking]
# difficulty: medium
# sources: [prachub-swe-2026]
# plot_alt:
#   - "Line chart of makespan in minutes against chunk size on a log scale, one U-shaped curve per overhead (0.1, 1 and 10 ms per chunk per hop); each minimum is marked and sits just above the dashed floor line, with larger overheads pushing the minimum higher and to bigger chunks."
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
# # Makespan against chunk size
#
# ## Goal
#
# The design walkthrough [Streaming a very large file to 1,000 hosts](../../design/stream-file-to-1000-hosts/)
# recommends a pipelined chain: the first host pulls the file from cloud storage chunk by
# chunk, and every host forwards each chunk to the next as soon as it has it. This
# notebook answers the question an interviewer asks next: **how big should a chunk be?**
# It derives the best size, checks the derivation against the model in
# `snippets/design/stream_file_to_1000_hosts/makespan.py`, and plots the trade-off.
#
# ## Derivation
#
# Take a file of $S$ bytes, $N$ hosts in a chain, ingress and NICs both moving
# $b$ bytes per second, chunks of $c$ bytes (so $m = S/c$ of them), and a fixed
# overhead $o$ seconds per chunk per hop (request, hash check, scheduling).
# Every chunk spends $c/b + o$ at each stage. The first chunk passes through $N$ stages
# (the ingress, then $N-1$ hops); after it, one chunk leaves the last stage per stage
# time. So
#
# $$T(c) = (N - 1 + m)\left(\frac{c}{b} + o\right)
#        = \frac{S}{b} + (N-1)\,o + \frac{(N-1)\,c}{b} + \frac{S\,o}{c}.$$
#
# The first term is the floor; the second is small. The last two pull in opposite
# directions: big chunks make the pipeline slow to fill, small chunks pay the overhead
# many times. Setting $dT/dc = 0$:
#
# $$\frac{N-1}{b} = \frac{S\,o}{c^2}
#   \quad\Longrightarrow\quad
#   c^\star = \sqrt{\frac{S\,o\,b}{N-1}},$$
#
# and putting $c^\star$ back into $T$:
#
# $$T(c^\star) = \frac{S}{b} + (N-1)\,o + 2\sqrt{\frac{(N-1)\,S\,o}{b}}.$$
#
# The gap to the floor grows only with the square root of the overhead and of the
# number of hosts.
#
# ## Implementation
#
# The model is imported from the page's snippet rather than written again here.

# %%
import math
from dataclasses import replace

import matplotlib.pyplot as plt

from snippets.design.stream_file_to_1000_hosts.makespan import (
    BASELINE, MiB, best_chunk_bytes, floor_s, human, pipelined_s)

fleet = BASELINE
overheads_s = [0.0001, 0.001, 0.01]
# chunk sizes from 1/16 MiB to 2 GiB, four per doubling
sizes = [2 ** (k / 4) * MiB / 16 for k in range(0, 4 * 15 + 1)]
curves = {}
for o in overheads_s:
    f = replace(fleet, chunk_overhead_s=o)
    curves[o] = [pipelined_s(f, c) for c in sizes]

for o in overheads_s:
    f = replace(fleet, chunk_overhead_s=o)
    best = best_chunk_bytes(f)
    t = pipelined_s(f, best)
    print(f"overhead {o * 1000:>5.1f} ms: best chunk {best / MiB:6.2f} MiB,"
          f" makespan {human(t)} ({t / floor_s(f) - 1:.1%} over the floor)")

# %% [markdown]
# ## Verification
#
# Three checks that would fail if the derivation or the model were wrong:
#
# 1. the closed-form $c^\star$ is where the model's makespan is smallest on a fine grid;
# 2. the closed-form $T(c^\star)$ matches the model (which rounds the chunk count up);
# 3. no point on any curve is below the floor.

# %%
b = fleet.nic_bps / 8
n, s, o = fleet.hosts, fleet.file_bytes, fleet.chunk_overhead_s

grid = [best_chunk_bytes(fleet) * (0.5 + i / 1000) for i in range(1001)]
numeric_best = min(grid, key=lambda c: pipelined_s(fleet, c))
assert abs(numeric_best / best_chunk_bytes(fleet) - 1) < 0.01, numeric_best

closed_form = s / b + (n - 1) * o + 2 * math.sqrt((n - 1) * s * o / b)
assert abs(pipelined_s(fleet, best_chunk_bytes(fleet)) / closed_form - 1) < 0.001

assert all(t >= floor_s(fleet) for curve in curves.values() for t in curve)
print("all three checks pass")

# %% [markdown]
# ## Plots
#
# Makespan against chunk size for three per-chunk overheads, with the floor and each
# curve's best chunk size marked. The horizontal axis is logarithmic.

# %%
floor_min = floor_s(fleet) / 60
fig, ax = plt.subplots(figsize=(8, 4.5))
colours = ["tab:blue", "tab:orange", "tab:green"]
for o, colour in zip(overheads_s, colours):
    f = replace(fleet, chunk_overhead_s=o)
    ax.plot([c / MiB for c in sizes], [t / 60 for t in curves[o]],
            color=colour, label=f"{o * 1000:g} ms per chunk per hop")
    best = best_chunk_bytes(f)
    ax.plot(best / MiB, pipelined_s(f, best) / 60, "o", color=colour)
ax.axhline(floor_min, color="black", linestyle="--",
           label="floor (100 GB at 1 Gb/s)")
ax.set_xscale("log")
ax.set_ylim(floor_min * 0.95, floor_min * 2)
ax.set_xlabel("chunk size (MiB, log scale)")
ax.set_ylabel("makespan (minutes)")
ax.set_title("Pipelined chain, 1,000 hosts: dots mark the best size")
ax.legend()
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# ## Pitfalls
#
# - **Treating the pipeline as free.** Big chunks make the fill expensive: every one of
#   the 999 hops waits for a whole chunk before passing it on (the next cell prints what
#   1 GiB chunks cost).
# - **Treating chunks as free.** Very small chunks multiply the per-chunk overhead; the
#   left side of each curve rises faster the larger the overhead.
# - **Mixing bits and bytes, or GB and GiB.** The link is in bits per second and the file
#   in bytes; the model converts in one place (`seconds_to_move`).
# - **Trusting the overhead figure.** 1 ms is an assumption; measure the per-chunk cost on
#   the real fleet before tuning, because $c^\star$ moves with its square root.

# %%
print("1 GiB chunks:", human(pipelined_s(fleet, 1024 * MiB)),
      "| best chunk:", human(pipelined_s(fleet, best_chunk_bytes(fleet))),
      "| floor:", human(floor_s(fleet)))

# %% [markdown]
# ## What to say in the interview
#
# "The chain's makespan is the floor plus a fill term that grows with chunk size and an
# overhead term that shrinks with it, so the best chunk sits where the two balance,
# at the square root of their ratio. With a millisecond of overhead per chunk that is a
# few MiB, and the curve is flat there, so I would pick a round 4 MiB, measure the real
# per-chunk cost on the fleet, and revisit."
#
# ## Sources
#
# The prompt and its link speeds come from one source; the per-chunk overhead and the
# file size are our assumptions, and the curve shows how much the answer depends on them.
#
# <!-- sources -->
