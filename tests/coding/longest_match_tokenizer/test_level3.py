"""Level 3: text that arrives as a stream of str chunks. `tokenize(vocab, chunks)`
returns an iterator; before it reads the next chunk, it has yielded every id
the chunks read so far decide. A str still gives a list.

Runs against solution.py, or a reader's file with
`python3 dev.py practice longest-match-tokenizer --impl FILE --level 3`.
"""
import itertools
import random

import pytest

from tests.coding.longest_match_tokenizer.oracle import (decided_ids, oracle_ids, random_case,
                                                         random_cuts)

LEVEL = 3
UNKNOWN = -1
# ids:    0      1       2     3      4
VOCAB = ["the", "then", " ", "cat", "ca"]


def reads(chunks, log):
    """The chunks one at a time, noting in `log` how many have been read."""
    for chunk in chunks:
        log.append(chunk)
        yield chunk


def ids_with_reads(tokenize, vocab, chunks):
    """Each id with the number of chunks read when it came out."""
    log = []
    return [(token_id, len(log)) for token_id in tokenize(vocab, reads(chunks, log))]


def test_our_streaming_example(tokenize):
    assert list(tokenize(VOCAB, iter(["th", "en ca", "t"]))) == [1, 2, 3]


def test_a_str_still_gives_a_list(tokenize):
    assert tokenize(VOCAB, "then cat") == [1, 2, 3]


def test_a_list_of_chunks_gives_the_ids_of_their_concatenation(tokenize):
    assert list(tokenize(VOCAB, ["the", "n", " ", "c", "at"])) == [1, 2, 3]


def test_no_chunks_and_empty_chunks_give_nothing(tokenize):
    assert list(tokenize(VOCAB, [])) == []
    assert list(tokenize(VOCAB, ["", "", ""])) == []


def test_empty_chunks_change_nothing(tokenize):
    assert list(tokenize(VOCAB, ["", "th", "", "en", "", " cat", ""])) == [1, 2, 3]


def test_one_character_chunks(tokenize):
    assert list(tokenize(VOCAB, iter("the cat then"))) == [0, 2, 3, 2, 1]


@pytest.mark.parametrize("text", ["then cat", "the ca?t", "thethen cacat", "?then"])
def test_every_way_to_cut_a_text_in_three_gives_the_same_ids(tokenize, text):
    expected = oracle_ids(VOCAB, text)
    for i, j in itertools.combinations_with_replacement(range(len(text) + 1), 2):
        assert list(tokenize(VOCAB, [text[:i], text[i:j], text[j:]])) == expected, (i, j)


def test_the_stream_is_read_once(tokenize):
    log = []
    assert list(tokenize(VOCAB, reads(["the", "n ", "cat"], log))) == [1, 2, 3]
    assert log == ["the", "n ", "cat"]


def test_an_undecided_match_waits_for_the_next_chunk(tokenize):
    # After "the", "then" may still come; after "then" nothing longer can.
    assert ids_with_reads(tokenize, VOCAB, ["the", "n", " cat"]) == [(1, 2), (2, 3), (3, 3)]


def test_an_entry_that_no_longer_entry_extends_is_decided_at_once(tokenize):
    # "then" and "cat" are not the start of any longer entry: no need to read on.
    assert ids_with_reads(tokenize, VOCAB, ["then", " ", "cat", " "]) == [
        (1, 1), (2, 2), (3, 3), (2, 4)]


def test_a_character_that_starts_no_entry_is_decided_at_once(tokenize):
    assert ids_with_reads(tokenize, VOCAB, ["?", "!", "cat"]) == [(UNKNOWN, 1), (UNKNOWN, 2), (3, 3)]


def test_the_end_of_the_stream_decides_what_is_left(tokenize):
    assert list(tokenize(["ab", "abcd"], iter(["a", "bc"]))) == [0, UNKNOWN]
    assert list(tokenize(VOCAB, iter(["the", " ca"]))) == [0, 2, 4]


def test_decided_ids_come_out_before_a_broken_stream_fails(tokenize):
    def broken():
        yield "then c"
        yield "at th"
        raise ConnectionError("the stream broke")
    ids = []
    with pytest.raises(ConnectionError):
        for token_id in tokenize(VOCAB, broken()):
            ids.append(token_id)
    assert ids == [1, 2, 3, 2]  # "th" is undecided: "the" or "then"?


def test_an_endless_stream_gives_ids_as_it_goes(tokenize):
    endless = itertools.cycle(["the ", "cat "])
    assert list(itertools.islice(tokenize(VOCAB, endless), 6)) == [0, 2, 3, 2, 0, 2]


@pytest.mark.parametrize("seed", range(100))
def test_random_streams_match_the_joined_text(tokenize, seed):
    vocab, text = random_case(seed)
    chunks = random_cuts(random.Random(seed), text)
    assert list(tokenize(vocab, iter(chunks))) == oracle_ids(vocab, text)


@pytest.mark.parametrize("seed", range(100))
def test_random_streams_give_each_id_as_soon_as_it_is_decided(tokenize, seed):
    vocab, text = random_case(seed)
    chunks = random_cuts(random.Random(seed), text)
    expected = []
    for token_index, token_id in enumerate(oracle_ids(vocab, text)):
        read = next((k for k in range(len(chunks) + 1)
                     if len(decided_ids(vocab, "".join(chunks[:k]))) > token_index), len(chunks))
        expected.append((token_id, read))
    assert ids_with_reads(tokenize, vocab, chunks) == expected
