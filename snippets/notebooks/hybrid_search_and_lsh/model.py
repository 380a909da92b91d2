"""The model behind docs/notebooks/hybrid-search-and-lsh.py.

Everything here is synthetic and seeded; no text and no model is downloaded.

* A corpus generated from topic vocabularies. Each topic has MEANINGS meanings,
  each written in FORMS interchangeable surface forms ("gpu-07a", "gpu-07b" and
  "gpu-07c" are synonyms). A concept is a handful of meanings; each document
  paraphrases one concept, adds off-concept topic words and common filler
  words, and carries one unique code ("code-0042"), like an error code or a
  product number.
* A synthetic encoder standing in for an embedding model: every surface form's
  vector is its meaning's vector plus a little noise, so paraphrases land close
  together; filler words and codes get weak random vectors, because we assume
  (as is common for real encoders) that a rare identifier barely moves a
  document's embedding. It is not a trained model.
* Queries with known answers: a paraphrase query restates some of a target
  document's meanings in random forms, and the target (grade 2) and the other
  documents of its concept (grade 1) are relevant; an exact query names the
  target's code, and only the target is relevant.
* BM25, score fusion (min-max, z-score, reciprocal rank), recall@k, nDCG@k,
  exact top-k cosine search and random-hyperplane LSH.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TOPICS = ("billing", "gpu", "network", "storage", "auth", "search", "deploy", "email")
MEANINGS = 40          # meanings per topic
FORMS = 3              # surface forms (synonyms) per meaning
CONCEPT_SIZE = 6       # meanings per concept
FILLERS = ("the", "a", "of", "to", "and", "is", "in", "for", "on", "with", "it", "this")


@dataclass(frozen=True)
class Corpus:
    docs: list[list[str]]      # tokens of each document
    concept: np.ndarray        # concept id of each document
    meanings: list[dict]       # each document's meanings: (topic, meaning) -> form used


@dataclass(frozen=True)
class Queries:
    tokens: list[list[str]]
    kind: np.ndarray           # "paraphrase" or "exact"
    grades: np.ndarray         # (queries, docs): 2 the target, 1 its concept, 0 the rest


def word(topic: int, meaning: int, form: int) -> str:
    """The surface form of a meaning.

    >>> word(1, 7, 0), word(1, 7, 2)
    ('gpu-07a', 'gpu-07c')
    """
    return f"{TOPICS[topic]}-{meaning:02d}{'abc'[form]}"


# --8<-- [start:corpus]
def make_corpus(seed: int, concepts_per_topic: int = 10, docs_per_concept: int = 4) -> Corpus:
    """Documents that paraphrase concepts: each uses 4 of its concept's 6 meanings,
    each in a random form, plus 2 other words of its topic, 2 to 8 fillers and a code.

    >>> corpus = make_corpus(seed=1)
    >>> len(corpus.docs), len(set(corpus.concept.tolist()))
    (320, 80)
    >>> " ".join(corpus.docs[0])
    'to a is this billing-18a a a billing-05a billing-16c billing-01c billing-32a and billing-22b code-0000'
    """
    rng = np.random.default_rng(seed)
    docs, concepts, meanings = [], [], []
    for topic in range(len(TOPICS)):
        for c in range(concepts_per_topic):
            core = rng.choice(MEANINGS, CONCEPT_SIZE, replace=False)
            rest = np.setdiff1d(np.arange(MEANINGS), core)
            for _ in range(docs_per_concept):
                used = {(topic, int(m)): int(rng.integers(FORMS))
                        for m in rng.choice(core, 4, replace=False)}
                other = [word(topic, int(m), int(rng.integers(FORMS)))
                         for m in rng.choice(rest, 2, replace=False)]
                tokens = [word(t, m, f) for (t, m), f in used.items()] + other
                tokens += list(rng.choice(FILLERS, int(rng.integers(2, 9))))
                tokens = [str(t) for t in rng.permutation(tokens)] + [f"code-{len(docs):04d}"]
                docs.append(tokens)
                concepts.append(topic * concepts_per_topic + c)
                meanings.append(used)
    return Corpus(docs, np.array(concepts), meanings)
# --8<-- [end:corpus]


# --8<-- [start:queries]
def make_queries(corpus: Corpus, count: int, seed: int) -> Queries:
    """`count` queries, alternately paraphrase and exact, each about a random target.

    A paraphrase query writes 3 of the target's meanings, each in a random form
    (so it may or may not share a word with the target), and the target's whole
    concept is relevant; an exact query is the target's code, one of its words and
    a filler, and only the target is relevant.

    >>> corpus = make_corpus(seed=1)
    >>> queries = make_queries(corpus, 4, seed=2)
    >>> [" ".join(q) for q in queries.tokens[:2]]
    ['network-05c network-23a network-27c', 'code-0265 deploy-11b in']
    >>> queries.grades.sum(axis=1).tolist()  # paraphrase: target 2, 3 others 1; exact: target 2
    [5, 2, 5, 2]
    """
    rng = np.random.default_rng(seed)
    tokens, kinds = [], []
    grades = np.zeros((count, len(corpus.docs)), dtype=int)
    for q, target in enumerate(rng.choice(len(corpus.docs), count, replace=False)):
        used = corpus.meanings[target]
        if q % 2 == 0:
            picked = rng.choice(len(used), 3, replace=False)
            keys = [list(used)[i] for i in picked]
            tokens.append([word(t, m, int(rng.integers(FORMS)))
                           for t, m in keys])
            kinds.append("paraphrase")
            grades[q, corpus.concept == corpus.concept[target]] = 1
        else:
            (t, m), f = list(used.items())[int(rng.integers(len(used)))]
            tokens.append([f"code-{target:04d}", word(t, m, f), str(rng.choice(FILLERS))])
            kinds.append("exact")
        grades[q, target] = 2
    return Queries(tokens, np.array(kinds), grades)
# --8<-- [end:queries]


# --8<-- [start:encoder]
class SyntheticEncoder:
    """A stand-in for an embedding model, built so that synonyms are close.

    A meaning's vector is its topic's vector plus its own; each surface form adds
    noise (`form_noise`); a filler weighs `filler_weight` and a code `code_weight`
    of a meaning word. A text is the normalised sum of its words' vectors.

    >>> enc = SyntheticEncoder(seed=3)
    >>> a, b, c = enc.encode([["gpu-07a"], ["gpu-07b"], ["gpu-08a"]])
    >>> round(float(a @ b), 2), round(float(a @ c), 2)  # synonyms, then same topic
    (0.94, 0.32)
    """

    def __init__(self, seed: int, dim: int = 64, form_noise: float = 0.4,
                 filler_weight: float = 0.3, code_weight: float = 0.25):
        rng = np.random.default_rng(seed)
        self.seed, self.dim, self.code_weight = seed, dim, code_weight
        unit = lambda *shape: rng.standard_normal((*shape, dim)) / np.sqrt(dim)  # noqa: E731
        meaning = 0.7 * unit(len(TOPICS))[:, None, :] + unit(len(TOPICS), MEANINGS)
        forms = meaning[:, :, None, :] + form_noise * unit(len(TOPICS), MEANINGS, FORMS)
        self.vectors = {word(t, m, f): forms[t, m, f] for t in range(len(TOPICS))
                        for m in range(MEANINGS) for f in range(FORMS)}
        self.vectors.update({w: filler_weight * v for w, v in zip(FILLERS, unit(len(FILLERS)))})

    def vector(self, token: str) -> np.ndarray:
        """A word's vector; a code's is weak, random and fixed by its number."""
        if token.startswith("code-"):
            rng = np.random.default_rng([self.seed, int(token[5:])])
            return self.code_weight * rng.standard_normal(self.dim) / np.sqrt(self.dim)
        return self.vectors[token]

    def encode(self, texts: list[list[str]]) -> np.ndarray:
        """Unit vectors, one row per text."""
        rows = np.array([sum(self.vector(t) for t in text) for text in texts])
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)
# --8<-- [end:encoder]


# --8<-- [start:bm25]
class BM25:
    """Okapi BM25 over tokenised documents, with Lucene's non-negative IDF:
    idf(t) = ln(1 + (N - n_t + 0.5) / (n_t + 0.5)).

    >>> index = BM25([["a", "b"], ["a", "c", "c"], ["d"]])
    >>> index.scores([["c"], ["a", "zzz"]]).round(4).tolist()
    [[0.0, 1.1824, 0.0], [0.47, 0.3902, 0.0]]
    """

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75):
        self.terms = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
        tf = np.zeros((len(docs), len(self.terms)))
        for row, doc in enumerate(docs):
            for t in doc:
                tf[row, self.terms[t]] += 1
        length = tf.sum(axis=1, keepdims=True)
        n_t = (tf > 0).sum(axis=0)
        idf = np.log(1 + (len(docs) - n_t + 0.5) / (n_t + 0.5))
        norm = k1 * (1 - b + b * length / length.mean())
        self.weights = idf * tf * (k1 + 1) / (tf + norm)  # (docs, terms): each term's share

    def scores(self, queries: list[list[str]]) -> np.ndarray:
        """(queries, docs): the sum over each query's distinct known terms."""
        out = np.zeros((len(queries), self.weights.shape[0]))
        for q, query in enumerate(queries):
            cols = [self.terms[t] for t in set(query) if t in self.terms]
            out[q] = self.weights[:, cols].sum(axis=1)
        return out
# --8<-- [end:bm25]


# --8<-- [start:fusion]
def min_max(scores: np.ndarray) -> np.ndarray:
    """Each row mapped onto [0, 1]; a constant row becomes 0.

    >>> min_max(np.array([[2.0, 4.0, 3.0], [5.0, 5.0, 5.0]])).tolist()
    [[0.0, 1.0, 0.5], [0.0, 0.0, 0.0]]
    """
    low, high = scores.min(axis=1, keepdims=True), scores.max(axis=1, keepdims=True)
    span = high - low
    return np.divide(scores - low, span, out=np.zeros_like(scores), where=span > 0)


def z_score(scores: np.ndarray) -> np.ndarray:
    """Each row to mean 0 and standard deviation 1; a constant row becomes 0.

    >>> z_score(np.array([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]])).round(4).tolist()
    [[-1.2247, 0.0, 1.2247], [0.0, 0.0, 0.0]]
    """
    spread = scores.std(axis=1, keepdims=True)
    centred = scores - scores.mean(axis=1, keepdims=True)
    return np.divide(centred, spread, out=np.zeros_like(scores), where=spread > 0)


def fuse(dense: np.ndarray, sparse: np.ndarray, alpha: float, normalise=min_max) -> np.ndarray:
    """alpha * dense + (1 - alpha) * sparse, each normalised per query first.

    >>> fuse(np.array([[0.9, 0.1, 0.5]]), np.array([[0.0, 12.0, 3.0]]), 0.5).round(3).tolist()
    [[0.5, 0.5, 0.375]]
    """
    return alpha * normalise(dense) + (1 - alpha) * normalise(sparse)


def ranks(scores: np.ndarray) -> np.ndarray:
    """Each document's 1-based rank per row, best first; ties go to the lower index.

    >>> ranks(np.array([[0.2, 0.9, 0.2, 0.5]])).tolist()
    [[3, 1, 4, 2]]
    """
    order = np.argsort(-scores, axis=1, kind="stable")
    out = np.empty_like(order)
    np.put_along_axis(out, order, np.arange(1, scores.shape[1] + 1)[None, :].repeat(len(scores), 0), axis=1)
    return out


def rrf(*score_sets: np.ndarray, k: int = 60, depth: int | None = None) -> np.ndarray:
    """Reciprocal rank fusion: the sum of 1 / (k + rank) over the rankers. Scores
    are used only for their order; with `depth`, a ranker contributes only for the
    documents in its top `depth` (what it would have returned).

    >>> rrf(np.array([[3.0, 2.0, 1.0]]), np.array([[0.1, 0.9, 0.5]]), k=1).round(4).tolist()
    [[0.75, 0.8333, 0.5833]]
    """
    total = np.zeros_like(score_sets[0], dtype=float)
    for scores in score_sets:
        r = ranks(scores)
        total += np.where(r <= (depth or r.shape[1]), 1 / (k + r), 0.0)
    return total
# --8<-- [end:fusion]


# --8<-- [start:metrics]
def recall_at_k(scores: np.ndarray, grades: np.ndarray, k: int) -> np.ndarray:
    """Per query: the share of its relevant documents (grade > 0) in the top k.

    >>> recall_at_k(np.array([[0.9, 0.8, 0.7, 0.6]]), np.array([[0, 1, 0, 2]]), k=2).tolist()
    [0.5]
    """
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    found = (np.take_along_axis(grades, top, axis=1) > 0).sum(axis=1)
    return found / (grades > 0).sum(axis=1)


def ndcg_at_k(scores: np.ndarray, grades: np.ndarray, k: int = 10) -> np.ndarray:
    """Per query: DCG of the top k over the best possible DCG, with gain
    2**grade - 1 and discount log2(position + 1).

    >>> ndcg_at_k(np.array([[0.9, 0.8, 0.7]]), np.array([[0, 2, 1]]), k=10).round(4).tolist()
    [0.659]
    """
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    discount = 1 / np.log2(np.arange(2, k + 2))
    gained = 2.0 ** np.take_along_axis(grades, top, axis=1) - 1
    best_grades = -np.sort(-grades, axis=1)[:, :k]  # descending
    ideal = 2.0 ** best_grades - 1
    return (gained * discount[: gained.shape[1]]).sum(axis=1) / (ideal * discount[: ideal.shape[1]]).sum(axis=1)
# --8<-- [end:metrics]


# --8<-- [start:exact]
def exact_top_k(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    """The k most cosine-similar rows of `vectors` (unit rows) for each query:
    every document scored, the brute-force baseline.

    >>> exact_top_k(np.eye(3), np.array([[0.1, 0.9, 0.4]]), 2).tolist()
    [[1, 2]]
    """
    return np.argsort(-(queries @ vectors.T), axis=1, kind="stable")[:, :k]
# --8<-- [end:exact]


# --8<-- [start:lsh]
class HyperplaneLSH:
    """Random-hyperplane LSH for cosine similarity: each of `tables` tables hashes
    a vector to the signs of its dot products with `bits` random Gaussian normals.
    A query's candidates are the union of its buckets in the first `use` tables,
    re-ranked by exact cosine.

    >>> index = HyperplaneLSH(np.eye(4), bits=0, tables=1, seed=0)  # one bucket
    >>> top, examined = index.search(np.array([0.1, 0.2, 0.9, 0.3]), k=2)
    >>> top.tolist(), examined
    ([2, 3], 4)
    """

    def __init__(self, vectors: np.ndarray, bits: int, tables: int, seed: int):
        self.vectors = vectors
        self.planes = np.random.default_rng(seed).standard_normal((tables, bits, vectors.shape[1]))
        self.powers = 1 << np.arange(bits)
        self.buckets = []
        for codes in self.codes(vectors):  # one table at a time
            order = np.argsort(codes, kind="stable")
            keys, starts = np.unique(codes[order], return_index=True)
            self.buckets.append(dict(zip(keys.tolist(), np.split(order, starts[1:]))))

    def codes(self, x: np.ndarray) -> np.ndarray:
        """(tables, rows): each row's bucket number in each table."""
        return (np.einsum("nd,tbd->tnb", np.atleast_2d(x), self.planes) > 0) @ self.powers

    def search(self, query: np.ndarray, k: int, use: int | None = None,
               codes: np.ndarray | None = None) -> tuple[np.ndarray, int]:
        """Top k among the candidates from the first `use` tables, and how many
        candidates were examined. `codes` passes the query's codes if known."""
        codes = self.codes(query)[:, 0] if codes is None else codes
        empty = np.array([], dtype=int)
        found = np.unique(np.concatenate(
            [b.get(int(c), empty) for b, c in zip(self.buckets[: use or len(self.buckets)], codes)]))
        best = np.argsort(-(self.vectors[found] @ query), kind="stable")[:k]
        return found[best], len(found)
# --8<-- [end:lsh]


# --8<-- [start:scan]
def scan_ms(docs: int, dim: int, bytes_per_value: int, gb_per_s: float) -> float:
    """Milliseconds to read every vector once at `gb_per_s` (decimal GB/s): the
    floor of exact search on one machine, before any arithmetic.

    >>> round(scan_ms(10_000_000, 768, 4, 200), 1)  # 10M float32 vectors of 768
    153.6
    >>> round(scan_ms(10_000_000, 768, 1, 200), 1)  # the same in 8 bits
    38.4
    """
    return docs * dim * bytes_per_value / (gb_per_s * 1e9) * 1e3
# --8<-- [end:scan]


def collision_probability(cosine: np.ndarray, bits: int, tables: int) -> np.ndarray:
    """Chance that a vector at this cosine from the query shares a bucket with it
    in at least one table: 1 - (1 - (1 - angle/pi) ** bits) ** tables.

    >>> collision_probability(np.array([0.5]), bits=1, tables=1).round(4).tolist()  # 60 degrees
    [0.6667]
    """
    p_bit = 1 - np.arccos(np.clip(cosine, -1, 1)) / np.pi
    return 1 - (1 - p_bit ** bits) ** tables


def lsh_recall(index: HyperplaneLSH, queries: np.ndarray, truth: np.ndarray,
               use: int | None = None) -> tuple[float, float]:
    """Mean recall@k against `truth` (exact search's top k per query, so k is its
    width), and the mean number of candidates examined.

    >>> vectors = np.eye(5)
    >>> queries = np.array([[0.9, 0.1, 0.0, 0.0, 0.4]])
    >>> truth = exact_top_k(vectors, queries, 2)
    >>> lsh_recall(HyperplaneLSH(vectors, bits=0, tables=1, seed=0), queries, truth)
    (1.0, 5.0)
    """
    k = truth.shape[1]
    recall, examined = [], []
    for q, true, codes in zip(queries, truth, index.codes(queries).T):
        top, n = index.search(q, k, use, codes)
        recall.append(len(set(top.tolist()) & set(true.tolist())) / k)
        examined.append(n)
    return float(np.mean(recall)), float(np.mean(examined))
