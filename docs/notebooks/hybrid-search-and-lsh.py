# ---
# title: Hybrid search and LSH
# description: BM25 and embedding scores fused by min-max, z-score and rank fusion, an alpha sweep scored by recall and nDCG, and hyperplane LSH against exact search.
# kind: notebook
# roles: [swe, staff]
# rounds: [system-design, ml-system-design]
# topics: [search-and-retrieval, capacity-estimation]
# difficulty: hard
# sources: [candidate-report-swe-2026]
# plot_alt:
#   - "Line chart: nDCG@10 over 200 queries against alpha, 0 (BM25 alone) to 1 (embeddings alone). Blue min-max and orange z-score fusion rise from 0.74 to 0.79 at 0.05, peak near 0.84 (alpha 0.7 and 0.85) and drop to 0.71 at 1. A green dotted line: rank fusion, 0.72."
#   - "Line chart, min-max fusion: nDCG@10 against alpha by query kind. Red, 100 code lookups: 1.0 up to alpha 0.65, then falling to 0.59 at 1. Purple, 100 paraphrases: 0.47 at 0, 0.58 at 0.05, climbing to 0.83 at 1. The lines cross near alpha 0.93."
#   - "Line chart: LSH recall@10 against exact search vs candidates scored (log scale, 13 to 3,200), for 6, 8, 10 and 12 bits, dots at 1 to 64 tables. More bits move a curve left. Near 0.96 recall: 978 candidates at 6 bits, 724 at 8, 528 at 10. A star: exact search, 3,200, recall 1."
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
# # Hybrid search and LSH
#
# How do you put a keyword score and an embedding score on one scale, how much weight
# does each get, how do you know the blend is better, and how does locality-sensitive
# hashing find the nearest vectors without scoring every document? This notebook builds
# each piece on a small generated corpus, measures it, and plots the trade-offs.
#
# ## Goal
#
# The candidate report (one of our five sources) describes an onsite design interview on
# a search system that mixes classic text retrieval with semantic similarity. The
# interviewer asked how to get the top-k most similar documents out of more than 10
# million within 50 ms; the candidate proposed locality-sensitive hashing (LSH) and says
# they were short on its details, notably the choice of hash function and how to make it
# fast. The discussion also
# covered normalising the two kinds of score, tuning the weight (alpha) between them and
# evaluating search quality systematically. The round pages place this interview:
# [system design](../../rounds/system-design/) and
# [ML system design](../../rounds/ml-system-design/).
#
# This notebook works each of those follow-ups with code you can run:
#
# 1. **Scores:** BM25 for keywords, cosine similarity for embeddings, and three ways to
#    fuse them: min-max, z-score (both weighted by alpha) and reciprocal rank fusion (RRF).
# 2. **Evaluation:** recall@10 and nDCG@10 on queries whose relevant documents are known,
#    and an alpha sweep, with alpha chosen on one half of the queries and reported on the
#    other.
# 3. **Top-k at scale:** random-hyperplane LSH, its recall against the number of
#    candidates it scores, compared with exact (brute-force) search.
#
# **Everything here is synthetic, and says so.** The corpus is generated from topic
# vocabularies (320 short documents for fusion, 3,200 for LSH), and the "embeddings" come
# from a hand-built encoder, not a trained model: each word's vector is its meaning's
# vector plus a little noise, so paraphrases land close together by construction, and a
# rare product code barely moves a document's vector (an assumption that matches a
# common failure of real encoders on identifiers). Half the queries paraphrase a document
# and half look one up by its code. The curves show the mechanisms; the exact numbers are
# properties of this generator, not of any real search engine, and the only way to get
# yours is to run the same evaluation on your own queries.
#
# The code is in `snippets/notebooks/hybrid_search_and_lsh/model.py` (doctested), and
# `tests/notebooks/test_hybrid_search_and_lsh.py` checks it against hand-worked cases.
# Units: scores have none; recall and nDCG are fractions from 0 to 1; candidates are
# counted in documents.
#
# ## Derivation
#
# **BM25.** For a query $q$ and a document $d$ of length $|d|$ words, in a corpus of $N$
# documents with average length $\overline{|d|}$, where term $t$ occurs $f_{t,d}$ times in
# $d$ and in $n_t$ documents overall:
#
# $$\text{BM25}(q, d) = \sum_{t \in q} \text{idf}(t)\,
#   \frac{f_{t,d}\,(k_1 + 1)}{f_{t,d} + k_1\left(1 - b + b\,\frac{|d|}{\overline{|d|}}\right)},
#   \qquad \text{idf}(t) = \ln\!\left(1 + \frac{N - n_t + 0.5}{n_t + 0.5}\right).$$
#
# Rare terms weigh more (idf); repeats help less and less (the fraction saturates at
# $k_1 + 1$); long documents pay ($b$). We use $k_1 = 1.2$, $b = 0.75$, common defaults,
# and Lucene's form of idf, which never goes negative. BM25 has no upper bound: its scale
# depends on the query's length and its words' rarity.
#
# **Embedding similarity.** With unit vectors, cosine similarity is the dot product
# $\mathbf{q}\cdot\mathbf{d} \in [-1, 1]$; with real encoders it often sits in a narrow band.
#
# **Fusion by score.** Normalise each score list per query, then blend:
#
# $$s(d) = \alpha\,\tilde s_{\text{dense}}(d) + (1 - \alpha)\,\tilde s_{\text{BM25}}(d),
#   \qquad
#   \tilde s = \frac{s - \min s}{\max s - \min s}\ \ \text{(min-max)}
#   \quad\text{or}\quad
#   \tilde s = \frac{s - \text{mean}(s)}{\text{sd}(s)}\ \ \text{(z-score)}.$$
#
# Min-max is pinned by two documents, the best and the worst, so one outlier rescales
# everything; z-score is pinned by the whole list's spread. Both are over the list each
# retriever returns, so they change with how deep that list is.
#
# **Fusion by rank.** Reciprocal rank fusion ignores the scores and adds
# $\sum_r 1/(k + \text{rank}_r(d))$ over the retrievers $r$, usually with $k = 60$.
# A document missing from a retriever's list gets nothing from it. No normalisation and
# nothing to tune, but it also throws away how confident each retriever was.
#
# **Metrics.** For one query with relevant set $R$ and graded relevance $g_d$:
#
# $$\text{recall@}k = \frac{|R \cap \text{top}_k|}{|R|},
#   \qquad
#   \text{DCG@}k = \sum_{i=1}^{k} \frac{2^{g_{(i)}} - 1}{\log_2(i + 1)},
#   \qquad
#   \text{nDCG@}k = \frac{\text{DCG@}k}{\text{ideal DCG@}k},$$
#
# where $g_{(i)}$ is the grade of the document at position $i$ and the ideal puts the
# highest grades first. Recall asks whether the right documents made the cut (what a
# re-ranker or an LLM downstream can use); nDCG also asks whether the best one is on top.
# Our grades: the target document 2, the other documents of its concept 1 (paraphrase
# queries only; a code lookup wants the one document).
#
# **Random-hyperplane LSH.** Draw a Gaussian vector $\mathbf{r}$; the bit
# $\text{sign}(\mathbf{r}\cdot\mathbf{x})$ is the same for two vectors at angle $\theta$
# with probability $1 - \theta/\pi$ (a random hyperplane through the origin separates
# them with probability $\theta/\pi$). Concatenate $b$ bits into one bucket key per
# table, and build $L$ independent tables. A neighbour at angle $\theta$ is a candidate if
# it shares the query's bucket in at least one table:
#
# $$P(\theta) = 1 - \left(1 - \left(1 - \frac{\theta}{\pi}\right)^{b}\right)^{L}.$$
#
# More bits per table make buckets smaller (fewer candidates, and far vectors fall away
# fastest); more tables win back recall for near vectors. The expected number of
# candidates is the sum of $P$ over the whole corpus, so the cost of a query is hashing
# ($L \times b$ dot products), $L$ lookups, and an exact re-rank of the candidates.
# Because every true top-k vector that becomes a candidate survives the exact re-rank,
# the expected recall@k against exact search is the average of $P$ over the true top k.
#
# **Why not just scan?** Exact search reads every vector. The cell below prints that
# floor for the report's 10 million documents, assuming 768-dimensional vectors (a common
# embedding size) and 200 GB/s of memory bandwidth on one server, both our assumptions.

# %%
from snippets.notebooks.hybrid_search_and_lsh.model import scan_ms

for label, width in [("float32", 4), ("8-bit", 1)]:
    print(f"10M x 768 {label}: {10_000_000 * 768 * width / 1e9:.2f} GB,"
          f" {scan_ms(10_000_000, 768, width, 200):.1f} ms to read once at 200 GB/s")

# %% [markdown]
# So one query's scan alone eats most of a 50 ms budget, or exceeds it, before any
# arithmetic, on every server holding a copy, for every query. Sharding splits the read
# but not the total work per query; an approximate index reads a small fraction of it.
#
# ## Implementation
#
# The corpus, the encoder, BM25, the fusions, the metrics and the LSH index are imported
# from the snippet. One document and one query of each kind show what the generator
# makes: words like `gpu-07a`, `gpu-07b` and `gpu-07c` are synonyms (one meaning, three
# forms), `the`, `of` and so on are fillers, and every document ends with its code.

# %%
import numpy as np
import matplotlib.pyplot as plt

from snippets.notebooks.hybrid_search_and_lsh.model import (
    BM25, HyperplaneLSH, SyntheticEncoder, collision_probability, exact_top_k, fuse,
    lsh_recall, make_corpus, make_queries, min_max, ndcg_at_k, ranks, recall_at_k, rrf, z_score)

corpus = make_corpus(seed=1)
queries = make_queries(corpus, 200, seed=2)
encoder = SyntheticEncoder(seed=3)
grades = queries.grades

print(f"{len(corpus.docs)} documents, {len(queries.tokens)} queries"
      f" ({np.sum(queries.kind == 'paraphrase')} paraphrase, {np.sum(queries.kind == 'exact')} exact)")
print("a document:      ", " ".join(corpus.docs[0]))
for kind in ("paraphrase", "exact"):
    q = int(np.flatnonzero(queries.kind == kind)[0])
    target = int(np.argmax(grades[q]))
    print(f"{kind + ' query:':<17}", " ".join(queries.tokens[q]), f"-> target: document {target}")

dense = encoder.encode(queries.tokens) @ encoder.encode(corpus.docs).T  # (queries, docs)
sparse = BM25(corpus.docs).scores(queries.tokens)
print(f"score ranges, first query: BM25 {sparse[0].min():.2f} to {sparse[0].max():.2f},"
      f" cosine {dense[0].min():.2f} to {dense[0].max():.2f}")

# %% [markdown]
# The two scales have nothing in common, which is the whole normalisation problem. Next,
# the alpha sweep: alpha is the weight on the embedding score, so alpha 0 is BM25 alone
# and alpha 1 is embeddings alone. Alpha is tuned on half the queries (alternate pairs, so
# both kinds are in each half) and every method is reported on the other half.

# %%
alphas = np.round(np.linspace(0, 1, 21), 2)
tune = np.arange(len(queries.tokens)) // 2 % 2 == 0
test = ~tune


def quality(scores, rows):
    return ndcg_at_k(scores[rows], grades[rows], 10).mean(), recall_at_k(scores[rows], grades[rows], 10).mean()


sweep = {norm.__name__: [quality(fuse(dense, sparse, a, norm), np.full(len(tune), True))[0] for a in alphas]
         for norm in (min_max, z_score)}
best = {name: alphas[int(np.argmax([quality(fuse(dense, sparse, a, norm), tune)[0] for a in alphas]))]
        for name, norm in [("min_max", min_max), ("z_score", z_score)]}
rank_fused = rrf(dense, sparse)
held_out = {
    "BM25 only": sparse,
    "embeddings only": dense,
    "RRF (k = 60)": rank_fused,
    # a keyword index returns only documents that share a word with the query
    "RRF, BM25 matches only": 1 / (60 + ranks(dense))
                              + np.where(sparse > 0, 1 / (60 + ranks(sparse)), 0),
    f"min-max, alpha {best['min_max']:.2f}": fuse(dense, sparse, best["min_max"], min_max),
    f"z-score, alpha {best['z_score']:.2f}": fuse(dense, sparse, best["z_score"], z_score),
}
print("held-out half (100 queries)   nDCG@10   recall@10")
for name, scores in held_out.items():
    ndcg, recall = quality(scores, test)
    print(f"  {name:<26}{ndcg:8.3f}{recall:11.3f}")

# %% [markdown]
# ## Verification
#
# Checks that fail if the code or the derivation is wrong (the test module runs more,
# each against a case worked by hand):
#
# 1. BM25 on a three-document corpus equals the formula evaluated by hand;
# 2. nDCG@10 for the ranked grades 0, 2, 1 equals the hand-computed 0.659, and recall@2
#    with relevant documents at positions 2 and 4 is 0.5;
# 3. RRF gives the same fused scores whatever monotone transform is applied to the
#    inputs (it reads only ranks);
# 4. with alpha at 0 or 1, score fusion returns BM25's or the embeddings' own ranking;
# 5. exact search's recall against itself is 1, and an LSH index with a single bucket
#    (0 bits) examines every document and also reaches recall 1;
# 6. LSH recall measured over 10 independent sets of hyperplanes matches the collision
#    formula $P(\theta)$ averaged over each query's true top 10 (within 0.03).

# %%
import math

by_hand = math.log(8 / 3) * 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3 / 2))
assert abs(BM25([["a", "b"], ["a", "c", "c"], ["d"]]).scores([["c"]])[0, 1] - by_hand) < 1e-12

hand_ndcg = (3 / math.log2(3) + 1 / 2) / (3 + 1 / math.log2(3))
assert abs(ndcg_at_k(np.array([[3.0, 2, 1]]), np.array([[0, 2, 1]]))[0] - hand_ndcg) < 1e-12
assert recall_at_k(np.array([[4.0, 3, 2, 1]]), np.array([[0, 1, 0, 2]]), 2)[0] == 0.5

assert np.allclose(rank_fused, rrf(np.exp(5 * dense), 3 * sparse + 1))
for norm in (min_max, z_score):
    for alpha, alone in ((0.0, sparse), (1.0, dense)):
        fused = fuse(dense, sparse, alpha, norm)
        assert (np.argsort(-fused, kind="stable") == np.argsort(-alone, kind="stable")).all()

big = make_corpus(seed=4, concepts_per_topic=100)
vectors = encoder.encode(big.docs)
lsh_queries = encoder.encode(make_queries(big, 100, seed=5).tokens)
truth = exact_top_k(vectors, lsh_queries, 10)
assert lsh_recall(HyperplaneLSH(vectors, 0, 1, seed=0), lsh_queries, truth) == (1.0, len(vectors))

true_cosines = np.take_along_axis(lsh_queries @ vectors.T, truth, axis=1)
for bits, tables in [(8, 1), (8, 4), (8, 16)]:
    measured = np.mean([lsh_recall(HyperplaneLSH(vectors, bits, tables, seed), lsh_queries, truth)[0]
                        for seed in range(10, 20)])
    predicted = collision_probability(true_cosines, bits, tables).mean()
    assert abs(measured - predicted) < 0.03, (bits, tables, measured, predicted)
    print(f"{bits} bits x {tables:>2} tables: recall@10 measured {measured:.3f}, formula {predicted:.3f}")
print("all six checks pass")

# %% [markdown]
# ## Plots
#
# First, the alpha sweep over all 200 queries: nDCG@10 against alpha for min-max and
# z-score fusion, with RRF (which has no alpha) as a flat line. Alpha 0 is BM25 alone,
# alpha 1 is embeddings alone.

# %%
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(alphas, sweep["min_max"], "o-", color="tab:blue", label="min-max fusion")
ax.plot(alphas, sweep["z_score"], "s--", color="tab:orange", label="z-score fusion")
everyone = np.full(len(tune), True)
ax.axhline(quality(rank_fused, everyone)[0], color="tab:green", linestyle=":", linewidth=2,
           label="reciprocal rank fusion (k = 60)")
ax.set_xlabel("alpha (weight on the embedding score)")
ax.set_ylabel("nDCG@10 (mean over 200 queries)")
ax.set_title("Alpha sweep: left end BM25 alone, right end embeddings alone")
ax.set_ylim(0.6, 0.9)
ax.legend(loc="lower center")
ax.grid(True, alpha=0.3)
plt.show()

# %% [markdown]
# The jump between alpha 0 and 0.05 has a plain cause: BM25 gives exactly 0 to every
# document that shares no word with the query, so those documents tie, and any weight on
# the embeddings puts them in a sensible order.
#
# Second, why the blend wins: the same min-max sweep, split by query kind. Each kind is
# won by a different retriever, and a blend well towards the embedding end keeps most of
# both: the code match stays on top because it is far ahead in BM25, while the embedding
# score orders everything else.

# %%
fig, ax = plt.subplots(figsize=(8, 4.5))
for kind, colour, marker in [("exact", "tab:red", "o-"), ("paraphrase", "tab:purple", "s-")]:
    rows = queries.kind == kind
    ax.plot(alphas, [quality(fuse(dense, sparse, a), rows)[0] for a in alphas], marker,
            color=colour, label=f"{kind} queries ({rows.sum()})")
ax.set_xlabel("alpha (weight on the embedding score)")
ax.set_ylabel("nDCG@10, min-max fusion")
ax.set_title("Code lookups want BM25, paraphrases want embeddings")
ax.set_ylim(0.4, 1.02)
ax.legend(loc="center left")
ax.grid(True, alpha=0.3)
plt.show()

# %% [markdown]
# Third, LSH on the 3,200-document corpus (100 queries): recall@10 against the mean
# number of candidates scored exactly, for 6, 8, 10 and 12 bits per table. Along each
# curve the dots are 1, 2, 4, 8, 16, 32 and 64 tables; the star is exact search, which scores
# all 3,200. The horizontal axis is logarithmic.

# %%
bit_choices, table_choices = [6, 8, 10, 12], [1, 2, 4, 8, 16, 32, 64]
lsh_curves = {}
for bits in bit_choices:
    index = HyperplaneLSH(vectors, bits, max(table_choices), seed=6)
    lsh_curves[bits] = [lsh_recall(index, lsh_queries, truth, use) for use in table_choices]

fig, ax = plt.subplots(figsize=(8, 4.5))
for bits, colour in zip(bit_choices, ["tab:blue", "tab:orange", "tab:green", "tab:red"]):
    recall, examined = zip(*lsh_curves[bits])
    ax.plot(examined, recall, "o-", color=colour, label=f"{bits} bits per table")
ax.plot([len(vectors)], [1.0], "*", color="black", markersize=14, label="exact search")
ax.set_xscale("log")
ticks = [10, 30, 100, 300, 1000, 3200]
ax.set_xticks(ticks, labels=[f"{t:,}" for t in ticks])
ax.minorticks_off()
ax.set_ylim(0, 1.05)
ax.set_xlabel("candidates scored per query (log scale, of 3,200)")
ax.set_ylabel("recall@10 against exact search")
ax.set_title("Random-hyperplane LSH: dots are 1 to 64 tables")
ax.legend(loc="lower right")
ax.grid(True, which="both", alpha=0.3)
plt.show()

print("fewest tables reaching recall@10 >= 0.9, for each number of bits:")
for bits in bit_choices:
    tables, (r, n) = next(((t, c) for t, c in zip(table_choices, lsh_curves[bits]) if c[0] >= 0.9),
                          (table_choices[-1], lsh_curves[bits][-1]))
    print(f"  {bits:>2} bits x {tables:>2} tables: recall {r:.3f}, {n:4.0f} candidates"
          f" ({n / len(vectors):4.0%} of the corpus)" + ("" if r >= 0.9 else ", short of 0.9"))

# %% [markdown]
# More bits per table buy selectivity (fewer candidates for the same recall) and pay
# for it in tables: 16 tables at 6 bits against 64 at 10 bits for about the same recall
# here. The fractions of the corpus are high because this corpus is small and strongly
# clustered (a query's topic is an eighth of it); the trade-off, not the percentages, is
# what carries over to 10 million documents.
#
# **What real systems offer.** OpenSearch's normalisation processor rescales each
# sub-query's own results (min-max or L2, and z-score in recent versions) before a
# weighted combination; Weaviate's hybrid query takes an alpha (1 is pure vector search,
# as here) with a relative-score fusion or a ranked fusion; Elasticsearch's reciprocal
# rank fusion defaults its constant to 60, and MongoDB's `$rankFusion` fixes it at 60. For the nearest-neighbour side, FAISS provides exact, IVF-PQ and
# HNSW indexes, and Lucene-based engines use HNSW graphs. LSH is still the classic answer
# for near-duplicate detection (MinHash for sets of words, SimHash for vectors); for
# top-k over embeddings, graph and quantised indexes usually reach a given recall with
# less memory and fewer candidates, so name them and say you would measure.

# %% [markdown]
# ## Pitfalls
#
# - **Adding raw scores.** BM25 is unbounded and query-dependent; cosine sits in a narrow
#   band. Without normalisation, alpha means nothing and its best value moves with query
#   length.
# - **Min-max over whatever came back.** In production each retriever returns its top
#   few hundred, so the minimum is wherever the list was cut, and one outlier sets the
#   maximum. Normalise over a fixed depth and decide what score a document missing from
#   one list gets (zero after min-max is the usual, and it is a choice).
# - **Tuning alpha on the test set.** The sweep is a model fit: choose alpha on one set of
#   labelled queries and report on another, as above, or the reported gain is optimistic.
# - **One alpha for every query.** The two kinds of query want opposite ends of the sweep.
#   If the traffic mixes them, measure by segment; a query classifier (does it contain a
#   code, a quoted phrase, a rare name?) can choose alpha per query.
# - **Assuming RRF is free quality.** It is robust and has nothing to tune, but it
#   discards score gaps: a code match that BM25 is certain about counts the same as a
#   marginal first place. On this corpus it scores about as well as the weaker retriever
#   alone, well below a tuned blend. Part of that is our setup: BM25 here ranks every
#   document, and the ones sharing no word with the query tie at 0 and are ordered by
#   index. Letting BM25 vote only for its matches, as a real keyword index would, lifts
#   RRF's nDCG@10 to between the two retrievers' and its recall@10 to the blend's (the
#   "matches only" row), but the blend still puts the best document on top more often.
# - **Reporting recall without saying against what.** LSH recall here is against exact
#   search on the same vectors, which says nothing about relevance. Search quality is
#   recall and nDCG against labelled relevance; an approximate index can only lose some
#   of it.
# - **Tuning LSH by bits alone.** More bits cut candidates but cut recall faster; the
#   recall comes back from more tables, and every table is another copy of all the ids in
#   memory. Multi-probe LSH (also visiting the buckets one bit-flip away) gets similar
#   recall from fewer tables.
# - **Trusting a synthetic corpus.** The shape of these curves is the mechanism; the
#   numbers are the generator's. Build a labelled query set from real traffic before
#   quoting any.
#
# ## What to say in the interview
#
# "Keyword and embedding scores live on different scales, so I'd normalise each over a
# fixed depth of its results, min-max or z-score, and blend with a weight alpha, or use
# reciprocal rank fusion if I can't tune. To choose alpha I'd build a labelled query set,
# sweep alpha on half of it and report recall@10 and nDCG@10 on the other half, split by
# query type, because code or name lookups want BM25 and paraphrases want embeddings; in
# a small simulation, a tuned blend beat either alone by 0.09 to 0.13 nDCG@10. For top-k
# among 10 million in 50 ms, just reading 10 million 768-dimensional float32 vectors
# takes about 150 ms at 200 GB/s, per query, so I'd use an approximate index. With random-hyperplane
# LSH, each bit agrees with probability one minus the angle over pi; b bits per table
# make buckets selective, L tables bring recall back, and I'd re-rank the candidates
# exactly. I'd pick b and L from a measured recall-against-candidates curve, and I'd
# compare with a graph index (HNSW) or a quantised one (IVF-PQ), because LSH needs many
# tables, each a full copy of the ids, to reach high recall."
#
# ## Sources
#
# One source, the candidate report, reports the hybrid-search interview and its
# follow-ups (top-k among more than 10 million documents within 50 ms, LSH and the choice
# of hash function, normalising scores, tuning alpha, evaluating quality): <!-- ln:confidence candidate-report-swe-2026 -->.
# The corpus, the encoder, the queries, the vector size and memory bandwidth, the
# simulations and the advice are our own material.
#
# <!-- ln:sources -->
