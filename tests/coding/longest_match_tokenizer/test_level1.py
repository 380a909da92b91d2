"""Level 1: the rules, on small inputs. One test per rule, then random cases
compared id by id with a second, independent model (oracle.py).

Runs against every reference state (level1.py, level2.py, solution.py), or
against a reader's file with
`python3 dev.py practice longest-match-tokenizer --impl FILE --level 1`.
"""
import pytest

from tests.coding.longest_match_tokenizer.oracle import oracle_ids, random_case

LEVEL = 1
UNKNOWN = -1
# ids:    0      1        2        3           4    5    6
VOCAB = ["un", "under", "stand", "standard", "s", "a", "d"]


def test_our_worked_example(tokenize):
    assert tokenize(VOCAB, "understands!") == [1, 2, 4, UNKNOWN]


def test_an_empty_text_gives_no_ids(tokenize):
    assert tokenize(VOCAB, "") == []


def test_an_empty_vocabulary_makes_every_character_unknown(tokenize):
    assert tokenize([], "ab") == [UNKNOWN, UNKNOWN]


@pytest.mark.parametrize("vocab", [["abc", "ab", "a"], ["a", "ab", "abc"], ["ab", "abc", "a"]])
def test_the_longest_entry_wins_wherever_it_sits_in_the_vocabulary(tokenize, vocab):
    assert tokenize(vocab, "abc") == [vocab.index("abc")]


def test_the_shorter_match_is_kept_when_a_longer_entry_fails_partway(tokenize):
    # The walk reads "abc" hoping for "abcd", fails at "x", and keeps "a";
    # the next token starts right after "a", not after "abc".
    assert tokenize(["a", "b", "c", "abcd"], "abcx") == [0, 1, 2, UNKNOWN]


def test_after_a_failed_long_entry_the_next_token_starts_after_the_match(tokenize):
    assert tokenize(["a", "aab"], "aaaa") == [0, 0, 0, 0]
    assert tokenize(["a", "aab"], "aaab") == [0, 1]


def test_an_unknown_character_gives_unknown_and_moves_on_by_one(tokenize):
    assert tokenize(["ab"], "xab") == [UNKNOWN, 0]
    assert tokenize(["ab"], "abxyab") == [0, UNKNOWN, UNKNOWN, 0]


def test_the_start_of_an_entry_is_not_a_match(tokenize):
    assert tokenize(["ab"], "ac") == [UNKNOWN, UNKNOWN]
    assert tokenize(["abc"], "ab") == [UNKNOWN, UNKNOWN]


def test_greedy_never_looks_ahead_to_cover_more(tokenize):
    # "a" + "bc" would leave nothing unknown; greedy takes "ab" first.
    assert tokenize(["ab", "a", "bc"], "abc") == [0, UNKNOWN]


def test_the_same_entry_repeats(tokenize):
    assert tokenize(["ab", "b"], "ababb") == [0, 0, 1]


def test_a_text_that_is_exactly_one_entry(tokenize):
    assert tokenize(VOCAB, "standard") == [3]


def test_an_entry_at_the_very_end_of_the_text(tokenize):
    assert tokenize(VOCAB, "!under") == [UNKNOWN, 1]


def test_whitespace_and_punctuation_are_ordinary_characters(tokenize):
    assert tokenize([" ", "  ", ".", "a"], "a  a. ?") == [3, 1, 3, 2, 0, UNKNOWN]


def test_characters_are_code_points_not_bytes(tokenize):
    assert tokenize(["é", "café", "日本"], "cafés日本é") == [1, UNKNOWN, 2, 0]
    assert tokenize(["👍"], "👍👍") == [0, 0]


def test_a_tuple_vocabulary_works_like_a_list(tokenize):
    assert tokenize(("x", "xy"), "xyx") == [1, 0]


@pytest.mark.parametrize("seed", range(200))
def test_random_cases_match_a_second_model(tokenize, seed):
    vocab, text = random_case(seed)
    assert tokenize(vocab, text) == oracle_ids(vocab, text)
