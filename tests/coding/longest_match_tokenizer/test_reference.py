"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem states. Here: our own answers to the
questions it leaves open (a bad vocabulary, bytes), the cost claims of the
page's Complexity section (trie steps counted, memory of a stream), the
starter, and the follow-ups in followups.py, benchmark.py and budget.py.
"""
import importlib
import itertools
import random
import tracemalloc
from collections import Counter

import pytest

from snippets.coding.longest_match_tokenizer import benchmark, solution, starter
from snippets.coding.longest_match_tokenizer.followups import (HashTokenizer, LinearTokenizer,
                                                               bpe_encode, byte_fallback,
                                                               decoded, fewest_tokens, from_ids,
                                                               synthetic_corpus, vocabulary_table)
from tests.coding.longest_match_tokenizer.oracle import (oracle_ids, random_case, random_cuts,
                                                         random_vocab)
from tests.coding.shared import CountingDict, kept

PACKAGE = "snippets.coding.longest_match_tokenizer"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").tokenize for name in KEPT}


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "solution"]


# Ours: a vocabulary the rules cannot use is refused, loudly, by every state.
@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize(("vocab", "message"), [
    (["a", ""], "entry 1 is ''"),
    (["a", "b", "a"], "entry 2 repeats 'a'"),
    (["a", None], "entry 1 is None"),
    ([b"ab"], "entry 0 is b'ab'"),
])
def test_a_bad_vocabulary_raises(name, vocab, message):
    with pytest.raises(ValueError, match=message):
        REFERENCES[name](vocab, "abc")


# Ours: bytes are not text. Decode first (followups.decoded does it for streams).
def test_bytes_are_refused_with_a_pointer_to_decoding():
    with pytest.raises(TypeError, match="decode it to str first"):
        solution.tokenize(["a"], b"abc")


def test_a_chunk_that_is_not_a_str_is_refused():
    with pytest.raises(TypeError, match="a chunk is bytes"):
        list(solution.tokenize(["a"], ["a", b"b"]))


def test_a_stream_with_a_bad_vocabulary_raises_at_the_call_before_reading():
    def untouched():
        raise AssertionError("the stream was read")
        yield  # pragma: no cover
    with pytest.raises(ValueError, match="repeats"):
        solution.tokenize(["a", "a"], untouched())



# Complexity: count trie steps. Every step is one `children.get` on the text's
# next character, so a counting dict counts them.
class CountingNode(solution.Node):
    def __init__(self):
        super().__init__()
        self.children = CountingDict()


def trie_steps(vocab, chunks, monkeypatch):
    monkeypatch.setattr(solution, "Node", CountingNode)
    root = solution.build_trie(vocab)
    CountingDict.reset()
    ids = list(solution.stream_ids(root, chunks))
    return ids, CountingDict.gets


@pytest.mark.parametrize(("longest", "n"), [(2, 50), (8, 1000), (64, 5000)])
def test_the_worst_case_takes_n_times_longest_steps_less_the_tail(monkeypatch, longest, n):
    # "a" matches everywhere, and every walk runs `longest` characters deep
    # hoping for the long entry, which the text never completes.
    vocab = ["a", "a" * (longest - 1) + "b"]
    ids, steps = trie_steps(vocab, ["a" * n], monkeypatch)
    assert ids == [0] * n
    assert steps == n * longest - longest * (longest - 1) // 2


@pytest.mark.parametrize("seed", range(200))
def test_steps_never_exceed_text_length_times_the_longest_entry(monkeypatch, seed):
    vocab, text = random_case(seed, text_len=200)
    ids, steps = trie_steps(vocab, [text], monkeypatch)
    assert ids == oracle_ids(vocab, text)
    assert steps <= len(text) * max(map(len, vocab), default=1)


@pytest.mark.parametrize("seed", range(100))
def test_cutting_the_text_into_chunks_adds_no_steps(monkeypatch, seed):
    vocab, text = random_case(seed, text_len=200)
    whole = trie_steps(vocab, [text], monkeypatch)
    chunked = trie_steps(vocab, random_cuts(random.Random(seed), text), monkeypatch)
    assert chunked == whole


def test_the_vocabulary_size_does_not_change_the_steps(monkeypatch):
    rng = random.Random(5)
    vocab, text = random_vocab(rng, "abc", 40, 6), "".join(rng.choice("abc") for _ in range(5000))
    small = trie_steps(vocab, [text], monkeypatch)
    unrelated = random_vocab(rng, "defghijklmnop", 20_000, 8)  # shares no character with the text
    big = trie_steps(vocab + unrelated, [text], monkeypatch)
    assert big == small


def peak_bytes(chunks: int) -> int:
    rng = random.Random(9)
    vocab = random_vocab(rng, "abcd", 200, 6)
    root = solution.build_trie(vocab)
    stream = ("".join(rng.choice("abcd") for _ in range(16)) for _ in range(chunks))
    tracemalloc.start()
    try:
        for _ in solution.stream_ids(root, stream):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_stream_holds_memory_that_does_not_grow_with_its_length():
    assert peak_bytes(40_000) < peak_bytes(4_000) + 4_096


# The starter: importable, the right names, and not an answer.
def test_the_starter_raises_not_implemented():
    with pytest.raises(NotImplementedError, match="level 1"):
        starter.tokenize(["a"], "a")
    assert starter.UNKNOWN == solution.UNKNOWN == -1


# Follow-up: the rival, a hash table tried by length.
@pytest.mark.parametrize("seed", range(200))
def test_the_hash_rival_agrees_with_a_second_model(seed):
    vocab, text = random_case(seed)
    assert HashTokenizer(vocab).tokenize(text) == oracle_ids(vocab, text)


# Follow-up: BPE merges and the fewest-token segmentation.
def test_bpe_merges_the_earliest_learned_pair_everywhere_left_to_right():
    assert bpe_encode([("a", "a")], "aaa") == ["aa", "a"]
    assert bpe_encode([("a", "a"), ("aa", "aa")], "aaaa") == ["aaaa"]
    assert bpe_encode([("b", "c"), ("a", "b")], "abc") == ["a", "bc"]
    assert bpe_encode([("a", "b"), ("b", "c")], "abc") == ["ab", "c"]
    assert bpe_encode([], "abc") == ["a", "b", "c"]
    assert bpe_encode([("x", "y")], "") == []


def all_segmentations(vocab, text):
    if not text:
        yield []
        return
    for entry in vocab:
        if text.startswith(entry):
            for rest in all_segmentations(vocab, text[len(entry):]):
                yield [vocab.index(entry), *rest]
    if text[0] not in vocab:
        for rest in all_segmentations(vocab, text[1:]):
            yield [solution.UNKNOWN, *rest]


def spelled(vocab, ids, text):
    """The text the ids spell, reading an unknown id as the character it stands for."""
    out, at = [], 0
    for token_id in ids:
        piece = text[at] if token_id == solution.UNKNOWN else vocab[token_id]
        out.append(piece)
        at += len(piece)
    return "".join(out)


@pytest.mark.parametrize("seed", range(150))
def test_fewest_tokens_is_a_segmentation_no_other_beats(seed):
    vocab, text = random_case(seed, text_len=12)
    ids = fewest_tokens(vocab, text)
    assert spelled(vocab, ids, text) == text
    assert len(ids) == min(map(len, all_segmentations(vocab, text)))
    assert len(ids) <= len(solution.tokenize(vocab, text))


# Follow-up: the linear-time tokenizer.
@pytest.mark.parametrize("seed", range(300))
def test_the_linear_tokenizer_agrees_with_a_second_model(seed):
    vocab, text = random_case(seed, text_len=80)
    tokenizer = LinearTokenizer(vocab)
    assert tokenizer.tokenize(text) == oracle_ids(vocab, text)
    assert tokenizer.reads == len(text)
    assert tokenizer.failures <= len(text)


@pytest.mark.parametrize("seed", range(20))
def test_the_linear_tokenizer_agrees_on_larger_vocabularies(seed):
    rng = random.Random(seed)
    vocab = random_vocab(rng, "ab", 60, 9)
    text = "".join(rng.choice("aab") for _ in range(400))
    assert LinearTokenizer(vocab).tokenize(text) == oracle_ids(vocab, text)


def test_the_linear_tokenizer_reads_each_character_once_on_the_tries_worst_case():
    tokenizer = LinearTokenizer(["a", "a" * 63 + "b"])
    assert tokenizer.tokenize("a" * 5000) == [0] * 5000
    assert tokenizer.reads == 5000 and tokenizer.failures <= 5000


def test_the_linear_tokenizer_takes_a_stream_of_characters():
    tokenizer = LinearTokenizer(["the", "then", " ", "cat"])
    assert tokenizer.tokenize(itertools.chain.from_iterable(["th", "en c", "at"])) == [1, 2, 3]


# Follow-ups: bytes and Unicode.
@pytest.mark.parametrize("cut", range(len("naïve 日本 👍".encode())))
def test_decoded_survives_a_cut_anywhere_in_the_bytes(cut):
    data = "naïve 日本 👍".encode()
    assert "".join(decoded([data[:cut], data[cut:]])) == "naïve 日本 👍"


def test_decoded_refuses_a_stream_that_ends_inside_a_character():
    with pytest.raises(UnicodeDecodeError):
        list(decoded([b"caf\xc3"]))


@pytest.mark.parametrize("seed", range(50))
def test_byte_fallback_is_never_unknown_and_gives_the_text_back(seed):
    rng = random.Random(seed)
    vocab = random_vocab(rng, "abé", 8, 3)
    text = "".join(rng.choice("abéz€👍") for _ in range(30))
    ids = byte_fallback(vocab, text)
    assert solution.UNKNOWN not in ids
    assert from_ids(vocab, ids) == text


def test_the_synthetic_corpus_draws_every_seed_from_one_lexicon():
    one, two = synthetic_corpus(3000, seed=1), synthetic_corpus(3000, seed=2)
    assert one == synthetic_corpus(3000, seed=1) and one != two
    top = [[word for word, _ in Counter(text.split()).most_common(3)] for text in (one, two)]
    assert top[0] == top[1]  # the same commonest words, in the same order


def test_more_words_in_the_vocabulary_never_lengthen_the_sequence():
    rows = vocabulary_table([0, 5, 50, 500], train_words=3000, test_words=800).splitlines()[1:]
    tokens = [int(row.split()[2].replace(",", "")) for row in rows]
    assert tokens == sorted(tokens, reverse=True) and tokens[0] > tokens[-1]


# The benchmark's timer: best of the runs, per character, with an injected clock.
def test_the_benchmark_keeps_the_best_run_per_character():
    ticks = iter([0.0, 2.0, 5.0, 6.0])  # two runs: 2 s, then 1 s
    assert benchmark.per_char_us(lambda text: [], "x" * 4, 2, lambda: next(ticks)) == 250_000.0


def test_the_benchmark_workloads_hold_what_their_names_say():
    loads = benchmark.workloads(vocab_size=30, text_len=100)
    assert max(map(len, loads["one long entry"][0])) == 2000
    assert loads["worst case for the trie"] == (["a", "a" * 63 + "b"], "a" * 100)
