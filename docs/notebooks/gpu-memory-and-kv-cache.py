# ---
# title: "GPU memory and KV-cache sizing"
# description: Weights and key/value cache bytes from a model's config, how many sequences fit on an 80 GB GPU, and what an 8-bit cache, paging and grouped-query attention change.
# kind: notebook
# roles: [swe, staff]
# rounds: [ml-system-design]
# topics: [llm-serving, capacity-estimation]
# difficulty: medium
# sources: [prachub-swe-2026, candidate-report-swe-2026, staff-prep-2026]
# plot_alt:
#   - "Line chart: GB (0-160) for 16 sequences on one GPU, weights + 8 GB reserve + cache, against context (log scale, 512 to 131,072 tokens). Curves start near 25 GB; dots mark where each crosses a dashed 80 GB line: red, 7B without GQA, ~7,000; blue, 8B GQA 16-bit, ~26,700; green, 8-bit cache, ~53,300."
#   - "Log-log line chart: sequences that fit against context (512 to 131,072 tokens), each halving per doubling. Green, 8B with 8-bit cache: 1,667 to 6. Blue, 8B 16-bit: 833 to 3, purple dashed, 70B on 4 GPUs, nearly on it. Red, 7B without GQA: 218 to 1, ending near 110,000 tokens."
#   - "Line chart with dots: sequences admitted (0 to 200) for the 8B-shaped model with 56 GB of cache against block size in tokens (log scale, 1 to 8,192). 183 at blocks of 1 and 16, 174 at 256, 150 at 1,024, and 52 at 8,192, which is reserving the maximum length for every sequence."
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
# # GPU memory and KV-cache sizing
#
# How much GPU memory does a model's key/value cache take per token, and how many
# sequences can one 80 GB GPU hold once the weights are loaded? This notebook derives the
# bytes from a model's config, checks them against arrays of the same shapes, and plots
# how the answer falls as the context grows.
#
# ## Goal
#
# PracHub's SWE guide lists GPU memory management among the points of its GPU inference
# API question: which weights stay resident, sizing the key/value (paged) cache,
# quantisation and tensor parallelism. The candidate report says that in a distributed
# search design which also had to run LLM inference, the interviewer pushed on GPU memory
# management among other LLM serving questions, and the Staff prep guide puts the KV cache in
# its list of serving topics to know at a high level. See the round page,
# [ML system design](../../rounds/ml-system-design/), which prints the headline numbers
# for one model. This notebook generalises them:
#
# 1. the **weights** and the **KV cache per token per layer** for any dense decoder
#    config (layers, query heads, key/value heads, head dimension, bytes per value), and
#    the cache of a **batch** of sequences at a given **context** length;
# 2. doctested numbers for **three example shapes**, and how many **concurrent
#    sequences** fit on an 80 GB GPU after the weights and a stated reserve;
# 3. what changes with an **8-bit cache**, with **paged allocation** (and the
#    fragmentation it removes) and with **grouped-query attention**.
#
# The formulas live in the round page's tested snippet,
# `snippets/rounds/ml_system_design/numbers.py`, which this notebook imports; the shapes
# and the paged allocator are in `snippets/notebooks/gpu_memory_and_kv_cache/model.py`.
#
# **The example shapes.** "A model shaped like Llama 3 8B" means a dense decoder with the
# layer count, hidden and feed-forward sizes, vocabulary and head counts in the config
# file published with that open-weight model, and nothing more: we say nothing about how
# any product is served. The reserve is our assumption: **8 GB per GPU** (10%) for
# activations, the runtime and allocator slack. Serving engines make the same kind of
# choice: vLLM, for one, uses only the share of GPU memory the operator sets
# (`gpu_memory_utilization`) and gives the cache what the weights and a profiled
# forward pass leave of that share.
#
# Units: memory in GB (1 GB = 10⁹ bytes), per-token and per-layer cache in bytes, context
# in tokens.
#
# ## Derivation
#
# **The cache.** At every layer, attention needs the key and the value vector of every
# earlier token. A model with $L$ layers, $n_{kv}$ key/value heads of dimension
# $d_{head}$, caching each element in $b_{kv}$ bytes, keeps per token
#
# $$\underbrace{2\,n_{kv}\,d_{head}\,b_{kv}}_{\text{per layer}}\times L
#   \ \text{bytes},$$
#
# the 2 counting a key and a value. A batch of $B$ sequences of $T$ tokens holds
# $B\,T$ times that. The **query** heads $n_q$ do not appear: with grouped-query attention
# (GQA) each group of $n_q/n_{kv}$ query heads reads one shared key/value head, so only
# $n_{kv}$ heads are cached. Multi-head attention (MHA) is the case $n_{kv} = n_q$;
# multi-query attention is $n_{kv} = 1$.
#
# For the 8B-shaped model, $L = 32$, $n_{kv} = 8$, $d_{head} = 128$ and 16-bit values
# give $2 \cdot 8 \cdot 128 \cdot 2 = 4{,}096$ bytes per token per layer, $131{,}072$
# bytes per token, and about 1.07 GB for one sequence of 8,192 tokens.
#
# **The weights.** A Llama-style layer with hidden size $h$, feed-forward size $f$ and
# $d_{head} = h/n_q$ has query and output projections of $h \cdot n_q d_{head}$ each, key
# and value projections of $h \cdot n_{kv} d_{head}$ each, three feed-forward matrices of
# $h f$ and two norm vectors of $h$. With a vocabulary of $V$ and untied input and output
# embeddings,
#
# $$P = 2Vh + L\left(2h\,n_q d_{head} + 2h\,n_{kv} d_{head} + 3hf + 2h\right) + h,$$
#
# and the weights take $P\,b_w$ bytes. GQA shrinks only the key and value projections, a
# small part of $P$; it shrinks the cache by the full factor $n_q/n_{kv}$.
#
# **What fits.** On $G$ GPUs of $M$ bytes each, with a reserve $R$ per GPU, the number of
# sequences of $T$ tokens that fit is
#
# $$N(T) = \left\lfloor \frac{G\,(M - R) - P\,b_w}{T \cdot L \cdot 2\,n_{kv}\,d_{head}\,b_{kv}} \right\rfloor,$$
#
# pooled across GPUs because tensor parallelism splits both the weights and the
# key/value heads among them. $N$ falls as $1/T$: double the context, half the
# sequences.
#
# **Paged allocation.** A server that cannot know how long a reply will be, and keeps
# each sequence's cache in one contiguous slab, must reserve the longest allowed length
# $T_{max}$ for every sequence. Paging (vLLM's PagedAttention) gives each sequence
# blocks of $k$ tokens as it grows, so a sequence of $t$ tokens holds
# $\lceil t/k \rceil\,k$ slots: the waste is under one block per sequence, against
# $T_{max} - t$ per sequence when reserving. Reserving is paging with $k = T_{max}$.
#
# ## Implementation
#
# The formulas are imported from the round page's snippet; the three shapes, and what
# each one's numbers come to, are in the notebook's model. Context 8,192 tokens, 16-bit
# weights and cache unless stated.

# %%
import matplotlib.pyplot as plt
import numpy as np

from snippets.notebooks.gpu_memory_and_kv_cache.model import (
    GPU_BYTES, RESERVE_BYTES, SHAPES, as_model, paged_fit, report, sequence_lengths,
    wasted_share)
from snippets.rounds.ml_system_design.numbers import (
    kv_bytes_per_token, kv_cache_bytes, sequences_that_fit, weight_bytes)

print(report("8b-gqa"))
print(report("7b-mha"))
print(report("70b-gqa", gpus=4))
print("70B-shaped on 2 GPUs:", report("70b-gqa", gpus=2).splitlines()[-1].strip())

# %% [markdown]
# The 70B-shaped model's 16-bit weights (141 GB) do not fit on one 80 GB GPU at all; on
# two, they leave room for one sequence of 8,192 tokens. The table below is the sequences
# that fit at several context lengths, each shape on the fewest GPUs that make sense for
# it, with the cache at 16 and at 8 bits.

# %%
contexts = [1_024, 4_096, 8_192, 32_768, 131_072]
setups = [("8b-gqa", 1), ("7b-mha", 1), ("70b-gqa", 4)]
print(f"{'shape, GPUs, cache bits':<24}" + "".join(f"{t:>9,}" for t in contexts))
for key, gpus in setups:
    for cache_bytes in (2, 1):
        model = as_model(SHAPES[key], kv_bytes_per_value=cache_bytes)
        fits = [sequences_that_fit(gpus * GPU_BYTES, t, model, reserve_bytes=gpus * RESERVE_BYTES)
                for t in contexts]
        print(f"{key + f', {gpus}, {8 * cache_bytes}':<24}" + "".join(f"{n:>9,}" for n in fits))

# %% [markdown]
# **Paged against reserved.** The 8B-shaped model on one GPU, 56 GB left for the cache, a
# longest allowed sequence of 8,192 tokens, and 5,000 seeded sequences whose lengths
# (prompt plus reply) spread evenly on a log scale from 256 to 8,192 tokens, admitted in
# order until the pool is full. The length mix is ours; a real one should come from
# traffic logs.

# %%
model_8b = as_model(SHAPES["8b-gqa"])
free_8b = GPU_BYTES - weight_bytes(model_8b) - RESERVE_BYTES
lengths = sequence_lengths(5_000, 256, 8_192, seed=1)
blocks = [1, 16, 256, 1_024, 8_192]
admitted = [paged_fit(lengths, free_8b, kv_bytes_per_token(model_8b), k) for k in blocks]
for k, n in zip(blocks, admitted):
    label = "reserve 8,192 each" if k == 8_192 else f"blocks of {k:,}"
    print(f"{label:<20} {n:>4} sequences, {wasted_share(lengths, k):6.1%} of slots empty")

# %% [markdown]
# ## Verification
#
# Four checks that would fail if the formulas were wrong (the test module,
# `tests/notebooks/test_gpu_memory_and_kv_cache.py`, runs them over many tiny shapes,
# with 8-, 16- and 32-bit caches):
#
# 1. the cache formula equals the bytes of the arrays a server would allocate: a key and
#    a value array of shape (batch, KV heads, tokens, head dim) per layer, built with
#    NumPy at a small size and measured with `nbytes`;
# 2. the parameter count equals the elements of one zero array per weight matrix, and
#    lands within 5% of the size in each example model's name;
# 3. the sequences that fit are the largest count whose cache fits in what is left;
# 4. paged admission matches a block allocator that hands out blocks from a free list
#    token by token (here checked at a small size).

# %%
tiny = as_model(SHAPES["8b-gqa"])
layers, kv, d = 4, tiny.kv_heads, tiny.head_dim  # four layers of the 8B shape
batch, tokens = 3, 100
arrays = [np.zeros((batch, kv, tokens, d), np.float16) for _ in range(2 * layers)]
from dataclasses import replace  # noqa: E402
assert kv_cache_bytes(tokens, batch, replace(tiny, layers=layers)) == sum(a.nbytes for a in arrays)
arrays_8bit = [a.astype(np.int8) for a in arrays]
assert kv_cache_bytes(tokens, batch, replace(tiny, layers=layers, kv_bytes_per_value=1)) == \
    sum(a.nbytes for a in arrays_8bit)

for key, billions in [("8b-gqa", 8), ("70b-gqa", 70), ("7b-mha", 7)]:
    assert abs(as_model(SHAPES[key]).params / (billions * 1e9) - 1) < 0.05

per_sequence = kv_cache_bytes(8_192, model=model_8b)
fit = sequences_that_fit(GPU_BYTES, 8_192, model_8b, reserve_bytes=RESERVE_BYTES)
assert fit * per_sequence <= free_8b < (fit + 1) * per_sequence


def allocate(lengths, pool_blocks, k):
    free, done = pool_blocks, 0
    for t in lengths:
        need = sum(1 for position in range(t) if position % k == 0)
        if need > free:
            return done
        free, done = free - need, done + 1
    return done


small = sequence_lengths(50, 3, 64, seed=5)
assert all(paged_fit(small, 700 * 10, 10, k) == allocate(small, 700 // k, k) for k in (1, 4, 16, 64))
print("all four checks pass")

# %% [markdown]
# ## Plots
#
# First, the memory that 16 concurrent sequences need on one GPU (weights, the 8 GB
# reserve and their cache) against context length, for the 8B-shaped model with a 16-bit
# and an 8-bit cache and the 7B-shaped model, which has no GQA. Where a line crosses
# 80 GB, 16 sequences of that length no longer fit. The horizontal axis is logarithmic.

# %%
grid = [2 ** (k / 4) for k in range(36, 69)]  # 512 to 131,072 tokens
lines = [("8B-shaped, GQA, 16-bit cache", as_model(SHAPES["8b-gqa"]), "tab:blue"),
         ("8B-shaped, GQA, 8-bit cache", as_model(SHAPES["8b-gqa"], kv_bytes_per_value=1), "tab:green"),
         ("7B-shaped, no GQA, 16-bit cache", as_model(SHAPES["7b-mha"]), "tab:red")]
fig, ax = plt.subplots(figsize=(8, 4.5))
for label, model, colour in lines:
    total = [(weight_bytes(model) + RESERVE_BYTES + kv_cache_bytes(t, 16, model)) / 1e9 for t in grid]
    ax.plot(grid, total, color=colour, label=label)
    # the longest context at which 16 sequences still fit
    longest = (GPU_BYTES - weight_bytes(model) - RESERVE_BYTES) // kv_cache_bytes(16, model=model)
    ax.plot(longest, GPU_BYTES / 1e9, "o", color=colour)
    print(f"{label}: 16 sequences fit up to {longest:,.0f} tokens each")
ax.axhline(GPU_BYTES / 1e9, color="black", linestyle="--", label="one 80 GB GPU")
ax.set_xscale("log", base=2)
ticks = [512, 2_048, 8_192, 32_768, 131_072]
ax.set_xticks(ticks, labels=[f"{t:,}" for t in ticks])
ax.minorticks_off()
ax.set_ylim(0, 160)
ax.set_xlabel("context length (tokens, log scale)")
ax.set_ylabel("memory for 16 sequences (GB)")
ax.set_title("Weights + 8 GB reserve + cache of 16 sequences; dots where 80 GB runs out")
ax.legend(loc="upper left")
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# Second, the concurrent sequences that fit against context length, after the weights
# and the 8 GB reserve per GPU: the same three lines on one GPU, and the 70B-shaped model
# on four GPUs with tensor parallelism (dashed; it lies almost on the blue line). Both axes are logarithmic; a line stops where not
# even one sequence fits.

# %%
lines_fit = lines + [("70B-shaped, GQA, 4 GPUs, 16-bit", as_model(SHAPES["70b-gqa"]), "tab:purple")]
fig, ax = plt.subplots(figsize=(8, 4.5))
for label, model, colour in lines_fit:
    gpus = 4 if "70B" in label else 1
    fits = np.array([sequences_that_fit(gpus * GPU_BYTES, round(t), model,
                                        reserve_bytes=gpus * RESERVE_BYTES) for t in grid], float)
    fits[fits < 1] = np.nan
    ax.plot(grid, fits, color=colour, label=label, linestyle="--" if gpus > 1 else "-")
ax.set_xscale("log", base=2)
ax.set_yscale("log")
ax.set_xticks(ticks, labels=[f"{t:,}" for t in ticks])
yticks = [1, 10, 100, 1_000]
ax.set_yticks(yticks, labels=[f"{t:,}" for t in yticks])
ax.minorticks_off()
ax.set_xlabel("context length (tokens, log scale)")
ax.set_ylabel("sequences that fit (log scale)")
ax.set_title("Concurrent sequences after weights and reserve: halve per doubling")
ax.legend(loc="lower left")
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# Third, paging: the sequences admitted from the seeded length mix above against the
# block size, for the 8B-shaped model on one GPU. The last point, one block of 8,192
# tokens per sequence, is reserving the maximum up front.

# %%
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(blocks, admitted, "o-", color="tab:blue", label="sequences admitted")
ax.set_xscale("log", base=2)
ax.set_xticks(blocks, labels=[f"{k:,}" for k in blocks])
ax.minorticks_off()
ax.set_ylim(0, 200)
ax.set_xlabel("block size (tokens, log scale)")
ax.set_ylabel("sequences admitted")
ax.set_title("8B-shaped model, 56 GB of cache: blocks against reserving 8,192")
ax.legend(loc="lower left")
ax.grid(True, which="both", alpha=0.3)
plt.show()

# %% [markdown]
# ## Pitfalls
#
# - **Counting query heads instead of key/value heads.** For the 8B shape that
#   overstates the cache four-fold. Read `num_key_value_heads` from the config, not
#   `num_attention_heads`.
# - **No reserve.** Weights plus cache is an upper bound. Activations grow with the
#   tokens processed in one step (a long prompt's prefill most of all), and the runtime
#   and the allocator take their share. Measure the reserve by profiling the largest step
#   you will allow, and cap the tokens per step so it holds.
# - **Memory is one ceiling, not the throughput.** At 1,024 tokens the 8B shape fits
#   over 400 sequences, but each decoding step reads the weights and every sequence's
#   cache, so a large batch makes every token slower. The latency target, not memory,
#   may set the batch.
# - **Context is prompt plus reply.** A sequence's cache grows with every generated
#   token. Without paging, admitting on the prompt's length alone runs out of memory
#   mid-reply; with paging, the server must be able to pause (preempt) a sequence and
#   recompute or swap its cache.
# - **8-bit cache is not free.** It halves the cache and doubles the sequences, but it
#   changes the model's numbers: check quality on your evaluations, and count the scale
#   factors a quantised cache stores. 8-bit weights are a separate choice that frees
#   weight memory instead.
# - **Tensor parallelism beyond the KV heads.** Splitting across GPUs pools memory while
#   each GPU holds whole key/value heads. With 8 KV heads, a 16-way split has to copy
#   heads, so the cache per GPU stops shrinking.
# - **Shared prefixes.** Paged engines can share the blocks of a common prefix (a system
#   prompt) between sequences, so real capacity can beat this count; count unique
#   tokens.
# - **GB and GiB.** We use 80 × 10⁹ bytes. What a card reports can differ from that
#   (GB against GiB, and what the driver keeps for itself); size from what the runtime
#   reports free after loading the weights.
# - **Other attention layouts.** The formula is for full attention in every layer.
#   Sliding-window layers, compressed latent caches and state-space layers store less;
#   read the architecture before applying it.
#
# ## What to say in the interview
#
# "Cache per token is two, for keys and values, times layers, times key/value heads,
# times head dimension, times bytes. For a model shaped like Llama 3 8B that is
# 2 × 32 × 8 × 128 × 2, 131,072 bytes a token, so a 8,192-token sequence is about a
# gigabyte. On an 80 GB GPU, 16 GB of weights and an 8 GB reserve I'd measure leave
# about 56 GB, so about 52 such sequences, 13 at 32K context and 3 at 128K: concurrency
# halves each time the context doubles. The levers: grouped-query attention already
# gives four times what multi-head would; an 8-bit cache doubles it again if quality
# holds; paging stops us reserving the maximum length for every request, which in my
# length mix more than triples the sequences admitted. Then I'd check that the batch
# memory allows is one the latency target allows, and measure real concurrency before
# sizing the fleet."
#
# ## Sources
#
# The GPU memory management points of the GPU inference API question (cache and paged
# cache sizing, quantisation, tensor parallelism) come from the PracHub SWE
# guide: <!-- ln:confidence prachub-swe-2026 -->. Follow-ups on GPU memory management
# in a distributed search design that also served LLM
# inference: <!-- ln:confidence candidate-report-swe-2026 -->. The KV cache as a serving
# topic to know at a high level, for Staff: <!-- ln:confidence staff-prep-2026 -->.
#
# The three example shapes take `num_hidden_layers`, `hidden_size`, `intermediate_size`,
# `vocab_size`, `num_attention_heads`, `num_key_value_heads` and untied embeddings from
# the `config.json` files published with the open weights of Llama 3 8B, Llama 3 70B and
# Llama 2 7B (Hugging Face repositories `meta-llama/Meta-Llama-3-8B`,
# `meta-llama/Meta-Llama-3-70B` and `meta-llama/Llama-2-7b-hf`); those files are not
# among the site's sources, and the parameter counts computed from them
# (8.03, 70.55 and 6.74 billion) land within 4% of the sizes in the names. The
# derivation, the 8 GB reserve, the length mix, the allocator and the advice are our own
# material.
#
# <!-- ln:sources -->
