"""Tests for snippets/notebooks/hybrid_search_and_lsh/ (notebook: docs/notebooks/hybrid-search-and-lsh.py).

BM25, nDCG, recall and reciprocal rank fusion are checked against tiny examples
worked by hand (the arithmetic is written out below, not taken from the model);
exact search against a pure-Python brute force; LSH against its collision
probability, 1 - angle/pi per hyperplane, measured on independent hyperplanes.
"""
import math

import numpy as np
import pytest

from snippets.notebooks.hybrid_search_and_lsh.model import (
    BM25, FILLERS, FORMS, HyperplaneLSH, SyntheticEncoder, collision_probability,
    exact_top_k, fuse, lsh_recall, make_corpus, make_queries, min_max, ndcg_at_k, ranks,
    recall_at_k, rrf, word, z_score)

TINY = [["a", "b"], ["a", "c", "c"], ["d"]]  # lengths 2, 3, 1: average 2


def test_bm25_matches_the_hand_computed_tiny_example():
    # "c" is in 1 of 3 documents: idf = ln(1 + (3 - 1 + 0.5) / (1 + 0.5)) = ln(8/3).
    # Document 1 has it twice and length 3: 2 * 2.2 / (2 + 1.2 * (0.25 + 0.75 * 3/2)).
    c_in_doc1 = math.log(8 / 3) * 4.4 / (2 + 1.2 * 1.375)
    # "a" is in 2 of 3: idf = ln(1 + 1.5 / 2.5) = ln(1.6); once in a length-2 and a length-3 document.
    a_in_doc0 = math.log(1.6) * 2.2 / (1 + 1.2 * 1.0)
    a_in_doc1 = math.log(1.6) * 2.2 / (1 + 1.2 * 1.375)
    scores = BM25(TINY).scores([["c"], ["a"], ["a", "c"], ["zzz"]])
    assert scores[0] == pytest.approx([0, c_in_doc1, 0])
    assert scores[1] == pytest.approx([a_in_doc0, a_in_doc1, 0])
    assert scores[2] == pytest.approx([a_in_doc0, a_in_doc1 + c_in_doc1, 0])
    assert scores[3] == pytest.approx([0, 0, 0])  # a word no document has scores nothing


def test_bm25_counts_a_repeated_query_word_once():
    index = BM25(TINY)
    assert index.scores([["c", "c"]]) == pytest.approx(index.scores([["c"]]))


def test_bm25_term_frequency_saturates_and_long_documents_pay():
    docs = [["x"] * n + ["pad"] * (10 - n) for n in range(1, 8)] + [["x"] + ["pad"] * 30, ["y"]]
    s = BM25(docs).scores([["x"]])[0]
    gains = np.diff(s[:7])
    assert (gains > 0).all() and (np.diff(gains) < 0).all()  # more is better, by less each time
    assert s[7] < s[0]  # one "x" in a longer document counts for less
    assert s[:7].max() < BM25([["x"], ["y"]]).scores([["x"]])[0, 0] * (1.2 + 1)  # bounded by idf * (k1 + 1)


def test_ndcg_matches_hand_computed_values():
    # grades in ranked order 0, 2, 1: DCG = 0 + 3/log2(3) + 1/log2(4); ideal 2, 1: 3/1 + 1/log2(3)
    expected = (3 / math.log2(3) + 1 / 2) / (3 + 1 / math.log2(3))
    got = ndcg_at_k(np.array([[0.9, 0.8, 0.7]]), np.array([[0, 2, 1]]), k=10)
    assert got[0] == pytest.approx(expected)
    assert expected == pytest.approx(0.6590, abs=1e-4)
    # a cut at k = 3 drops the grade-2 document in 4th place: DCG = 1; ideal 3 + 1/log2(3)
    cut = ndcg_at_k(np.array([[4.0, 3.0, 2.0, 1.0]]), np.array([[1, 0, 0, 2]]), k=3)
    assert cut[0] == pytest.approx(1 / (3 + 1 / math.log2(3)))


def test_ndcg_is_one_for_the_ideal_order_and_lower_for_any_other():
    grades = np.array([[2, 1, 1, 0, 0]])
    assert ndcg_at_k(np.array([[5.0, 4, 3, 2, 1]]), grades)[0] == pytest.approx(1.0)
    assert ndcg_at_k(np.array([[4.0, 5, 3, 2, 1]]), grades)[0] < 1.0


def test_recall_at_k_matches_hand_computed_values():
    scores = np.array([[0.9, 0.8, 0.7, 0.6]])  # ranked order 0, 1, 2, 3
    grades = np.array([[0, 1, 0, 2]])  # relevant: 1 and 3
    assert [recall_at_k(scores, grades, k)[0] for k in (1, 2, 3, 4)] == [0.0, 0.5, 0.5, 1.0]


def test_rrf_orders_a_tiny_example_as_computed_by_hand():
    a = np.array([[3.0, 2.0, 1.0]])  # x, y, z
    b = np.array([[0.0, 9.0, 5.0]])  # y, z, x
    # k = 60, every rank counted: x 1/61 + 1/63, y 1/62 + 1/61, z 1/63 + 1/62
    full = rrf(a, b)[0]
    assert full == pytest.approx([1 / 61 + 1 / 63, 1 / 62 + 1 / 61, 1 / 63 + 1 / 62])
    assert list(np.argsort(-full)) == [1, 0, 2]  # y first: second and first beats first and third
    # each ranker returns only its top 2: x loses b's vote (3rd) and z loses a's (3rd)
    cut = rrf(a, b, depth=2)[0]
    assert cut == pytest.approx([1 / 61, 1 / 62 + 1 / 61, 1 / 62])
    assert list(np.argsort(-cut)) == [1, 0, 2]


def test_rrf_uses_only_the_order_of_the_scores():
    rng = np.random.default_rng(0)
    a, b = rng.random((4, 20)), rng.random((4, 20))
    assert rrf(a, b) == pytest.approx(rrf(1000 * a - 7, np.exp(b)))


def test_ranks_are_one_based_and_break_ties_by_index():
    assert ranks(np.array([[1.0, 1.0, 3.0]])).tolist() == [[2, 3, 1]]


@pytest.mark.parametrize("normalise", [min_max, z_score])
def test_fusion_ignores_each_scorer_s_scale_and_alpha_picks_the_ends(normalise):
    rng = np.random.default_rng(1)
    dense, sparse = rng.random((5, 30)), 20 * rng.random((5, 30))
    assert fuse(dense, sparse, 0.3, normalise) == pytest.approx(fuse(3 * dense + 1, sparse / 7, 0.3, normalise))
    assert (ranks(fuse(dense, sparse, 1.0, normalise)) == ranks(dense)).all()
    assert (ranks(fuse(dense, sparse, 0.0, normalise)) == ranks(sparse)).all()


def test_z_scores_have_mean_zero_and_unit_spread():
    z = z_score(np.random.default_rng(2).random((3, 50)))
    assert z.mean(axis=1) == pytest.approx(0, abs=1e-12) and z.std(axis=1) == pytest.approx(1)


@pytest.fixture(scope="module")
def small():
    corpus = make_corpus(seed=1)
    return corpus, make_queries(corpus, 200, seed=2)


def test_paraphrase_queries_use_only_the_target_s_meanings_and_exact_ones_its_code(small):
    corpus, queries = small
    for tokens, kind, grades in zip(queries.tokens, queries.kind, queries.grades):
        target = int(np.argmax(grades))
        meanings = {word(t, m, f)[:-1] for (t, m), f in corpus.meanings[target].items()}
        if kind == "paraphrase":
            assert {t[:-1] for t in tokens} <= meanings
            assert set(np.flatnonzero(grades)) == set(np.flatnonzero(corpus.concept == corpus.concept[target]))
        else:
            assert tokens[0] == corpus.docs[target][-1] and tokens[2] in FILLERS
            assert sum(tokens[0] in d for d in corpus.docs) == 1 and grades.sum() == 2


def test_the_encoder_puts_synonyms_closer_than_other_words_of_the_topic():
    enc = SyntheticEncoder(seed=3)
    synonyms, others = [], []
    for m in range(10):
        a, b, c = enc.encode([[word(2, m, 0)], [word(2, m, FORMS - 1)], [word(2, m + 10, 0)]])
        synonyms.append(a @ b)
        others.append(a @ c)
    assert min(synonyms) > max(others)
    code = enc.encode([["code-0007"]])[0]
    assert code == pytest.approx(SyntheticEncoder(seed=3).encode([["code-0007"]])[0])  # fixed by its number


def test_tuned_fusion_beats_either_retriever_alone_on_held_out_queries(small):
    corpus, queries = small
    enc = SyntheticEncoder(seed=3)
    dense = enc.encode(queries.tokens) @ enc.encode(corpus.docs).T
    sparse = BM25(corpus.docs).scores(queries.tokens)
    tune = np.arange(len(queries.tokens)) // 2 % 2 == 0
    alphas = np.linspace(0, 1, 21)
    best = max(alphas, key=lambda a: ndcg_at_k(fuse(dense[tune], sparse[tune], a), queries.grades[tune]).mean())
    held = ~tune
    fused = ndcg_at_k(fuse(dense[held], sparse[held], best), queries.grades[held]).mean()
    assert fused > ndcg_at_k(dense[held], queries.grades[held]).mean() + 0.05
    assert fused > ndcg_at_k(sparse[held], queries.grades[held]).mean() + 0.05
    # and each retriever wins the queries it is built for
    exact, para = queries.kind == "exact", queries.kind == "paraphrase"
    assert ndcg_at_k(sparse[exact], queries.grades[exact]).mean() > ndcg_at_k(dense[exact], queries.grades[exact]).mean()
    assert ndcg_at_k(dense[para], queries.grades[para]).mean() > ndcg_at_k(sparse[para], queries.grades[para]).mean()


@pytest.fixture(scope="module")
def vectors():
    corpus = make_corpus(seed=4, concepts_per_topic=25)
    enc = SyntheticEncoder(seed=3)
    return enc.encode(corpus.docs), enc.encode(make_queries(corpus, 40, seed=5).tokens)


def test_exact_search_matches_a_pure_python_brute_force_and_has_recall_one(vectors):
    docs, queries = vectors
    truth = exact_top_k(docs, queries, 10)
    for q, top in zip(queries.tolist(), truth.tolist()):
        cosines = [sum(x * y for x, y in zip(q, d)) for d in docs.tolist()]
        assert top == sorted(range(len(cosines)), key=lambda i: -cosines[i])[:10]
    everything = HyperplaneLSH(docs, bits=0, tables=1, seed=0)  # one bucket: examines all
    assert lsh_recall(everything, queries, truth) == (1.0, float(len(docs)))


def test_lsh_recall_and_candidates_grow_with_more_tables(vectors):
    docs, queries = vectors
    truth = exact_top_k(docs, queries, 10)
    index = HyperplaneLSH(docs, bits=8, tables=16, seed=7)
    curve = [lsh_recall(index, queries, truth, use) for use in (1, 2, 4, 8, 16)]
    recalls, examined = zip(*curve)
    assert list(recalls) == sorted(recalls) and list(examined) == sorted(examined)  # nested tables
    assert recalls[-1] > recalls[0] + 0.3 and examined[-1] < len(docs)


def test_lsh_returns_only_candidates_it_examined_in_cosine_order(vectors):
    docs, queries = vectors
    index = HyperplaneLSH(docs, bits=10, tables=2, seed=8)
    top, examined = index.search(queries[0], k=5)
    assert len(top) <= min(5, examined)
    assert (index.codes(docs[top])[:2] == index.codes(queries[0])[:2]).any(axis=0).all()
    assert np.all(np.diff(docs[top] @ queries[0]) <= 0)


def test_a_hyperplane_separates_two_vectors_with_probability_angle_over_pi():
    rng = np.random.default_rng(9)
    for degrees in (30, 60, 90, 135):
        angle = math.radians(degrees)
        u, v = np.array([1.0, 0, 0]), np.array([math.cos(angle), math.sin(angle), 0])
        planes = rng.standard_normal((40_000, 3))
        agree = np.mean((planes @ u > 0) == (planes @ v > 0))
        assert agree == pytest.approx(1 - degrees / 180, abs=0.01)  # about 4 standard errors
        assert collision_probability(np.array([math.cos(angle)]), bits=1, tables=1)[0] == pytest.approx(1 - degrees / 180)


def test_measured_lsh_recall_matches_the_collision_probability(vectors):
    docs, queries = vectors
    truth = exact_top_k(docs, queries, 10)
    cosines = np.take_along_axis(queries @ docs.T, truth, axis=1)
    for bits, use in [(6, 2), (8, 4), (10, 16)]:
        measured = np.mean([lsh_recall(HyperplaneLSH(docs, bits, use, seed), queries, truth)[0]
                            for seed in range(10, 30)])
        assert measured == pytest.approx(collision_probability(cosines, bits, use).mean(), abs=0.03)
