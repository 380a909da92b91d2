"""Your greedy longest-match tokenizer: copy this file, fill it in, test it.

    cp snippets/coding/longest_match_tokenizer/starter.py mine.py
    python3 dev.py practice longest-match-tokenizer --impl mine.py --level 1

The tests call `tokenize(vocab, text)`. `vocab` is a list of distinct,
non-empty strings, and an entry's id is its index. At each position take the
longest entry the text continues with and give its id; where no entry fits,
give UNKNOWN for that one character and move on by one. Return a list of ids.
Level 2 runs the same rules on large inputs; level 3 passes `text` as an
iterable of str chunks instead and wants an iterator of ids back. The rules of
each level are on the page: docs/coding/longest-match-tokenizer.md.
"""
from __future__ import annotations

UNKNOWN = -1


def tokenize(vocab, text):
    """Token ids for `text`: the longest vocabulary entry at each position."""
    raise NotImplementedError("start with level 1: try every entry at position 0 and keep the longest")
