"""Level 2: the same rules at a size where trying every vocabulary entry at
every position takes far longer than a trie. With --impl each test stops after
5 seconds (the harness's default); a trie takes well under one second on each.
The cases and the second model's answers are built in fixtures, before that
clock starts, so the limit times the reader's code alone. One test counts how
often the vocabulary is read, so a scan of every entry at every position fails
on any machine, however fast.

Runs against level2.py and solution.py, or a reader's file with
`python3 dev.py practice longest-match-tokenizer --impl FILE --level 2`.
"""
import random

import pytest

from tests.coding.longest_match_tokenizer.oracle import oracle_ids, random_vocab

LEVEL = 2
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def big_case(seed: int, text_len: int = 50_000) -> tuple[list[str], str]:
    rng = random.Random(seed)
    vocab = random_vocab(rng, LETTERS, 20_000, 8)
    # Mostly letters, a few spaces and digits that no entry contains.
    text = "".join(rng.choice(LETTERS * 4 + " 0") for _ in range(text_len))
    return vocab, text


@pytest.fixture(scope="module")
def big():
    vocab, text = big_case(1)
    return vocab, text, oracle_ids(vocab, text)


@pytest.fixture(scope="module")
def long_entry():
    vocab, text = big_case(2)
    rule = "=" * 3000  # a horizontal rule, as a plain-text document might hold
    vocab.append(rule)
    text = text[:20_000] + rule + text[20_000:] + "=" * 5 + rule
    return vocab, text, oracle_ids(vocab, text)


@pytest.fixture(scope="module")
def near_misses():
    rng = random.Random(3)
    vocab = random_vocab(rng, LETTERS, 20_000, 8) + ["a" * 30 + "b"]
    vocab = list(dict.fromkeys(vocab + ["a"]))
    text = ("a" * 29 + "b" + "a" * 30 + "b") * 300
    return vocab, text, oracle_ids(vocab, text)


def test_a_20000_entry_vocabulary_on_a_50000_character_text(tokenize, big):
    vocab, text, expected = big
    assert tokenize(vocab, text) == expected


def test_a_3000_character_entry_does_not_slow_every_position(tokenize, long_entry):
    vocab, text, expected = long_entry
    ids = tokenize(vocab, text)
    assert ids == expected
    assert ids.count(len(vocab) - 1) == 2


def test_many_near_misses_still_back_up_to_the_longest_match(tokenize, near_misses):
    vocab, text, expected = near_misses
    ids = tokenize(vocab, text)
    assert ids == expected
    assert ids.count(vocab.index("a" * 30 + "b")) == 300


class CountingVocabulary(list):
    """A list that counts how many of its entries are read, by iterating or indexing."""
    reads = 0

    def __iter__(self):
        for entry in list.__iter__(self):
            self.reads += 1
            yield entry

    def __getitem__(self, index):
        found = list.__getitem__(self, index)
        self.reads += len(found) if isinstance(index, slice) else 1
        return found


def test_the_vocabulary_is_read_a_few_times_not_once_per_position(tokenize):
    rng = random.Random(4)
    entries = random_vocab(rng, LETTERS, 2_000, 8)
    text = "".join(rng.choice(LETTERS * 4 + " ") for _ in range(2_000))
    vocab = CountingVocabulary(entries)
    assert tokenize(vocab, text) == oracle_ids(entries, text)
    passes = vocab.reads / len(entries)
    assert passes <= 20, (
        f"your code read the {len(entries):,}-entry vocabulary {passes:,.0f} times over for a "
        f"{len(text):,}-character text: level 2 must not try every entry at every position")
