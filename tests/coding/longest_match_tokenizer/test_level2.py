"""Level 2: the same rules at a size where trying every vocabulary entry at
every position takes far longer than a trie. With --impl each test stops after
5 seconds (the harness's default); a trie takes well under one second on each.

Runs against level2.py and solution.py, or a reader's file with
`python3 dev.py practice longest-match-tokenizer --impl FILE --level 2`.
"""
import random

from tests.coding.longest_match_tokenizer.oracle import oracle_ids, random_vocab

LEVEL = 2
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def big_case(seed: int, text_len: int = 50_000) -> tuple[list[str], str]:
    rng = random.Random(seed)
    vocab = random_vocab(rng, LETTERS, 20_000, 8)
    # Mostly letters, a few spaces and digits that no entry contains.
    text = "".join(rng.choice(LETTERS * 4 + " 0") for _ in range(text_len))
    return vocab, text


def test_a_20000_entry_vocabulary_on_a_50000_character_text(tokenize):
    vocab, text = big_case(1)
    assert tokenize(vocab, text) == oracle_ids(vocab, text)


def test_a_3000_character_entry_does_not_slow_every_position(tokenize):
    vocab, text = big_case(2)
    rule = "=" * 3000  # a horizontal rule, as a plain-text document might hold
    vocab.append(rule)
    text = text[:20_000] + rule + text[20_000:] + "=" * 5 + rule
    ids = tokenize(vocab, text)
    assert ids == oracle_ids(vocab, text)
    assert ids.count(len(vocab) - 1) == 2


def test_many_near_misses_still_back_up_to_the_longest_match(tokenize):
    rng = random.Random(3)
    vocab = random_vocab(rng, LETTERS, 20_000, 8) + ["a" * 30 + "b"]
    vocab = list(dict.fromkeys(vocab + ["a"]))
    text = ("a" * 29 + "b" + "a" * 30 + "b") * 300
    ids = tokenize(vocab, text)
    assert ids == oracle_ids(vocab, text)
    assert ids.count(vocab.index("a" * 30 + "b")) == 300
