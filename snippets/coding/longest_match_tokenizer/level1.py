"""Greedy longest-match tokenizer, level 1: the plain scan.

At each position, try every vocabulary entry and keep the longest one the text
continues with; a position where none fits gives UNKNOWN for one character.
The rules are on the page, docs/coding/longest-match-tokenizer.md, and tested
in tests/coding/longest_match_tokenizer/.

>>> tokenize(["a", "ab", "abc", "c"], "abcab?")
[2, 1, -1]
"""
from __future__ import annotations

from typing import Sequence

UNKNOWN = -1  # the id of one character that no vocabulary entry starts with


# --8<-- [start:validate]
def check_vocab(vocab: Sequence[str]) -> None:
    """Refuse a vocabulary the rules cannot use: an empty entry would match
    everywhere without moving, and a repeated one would have two ids."""
    seen: set[str] = set()
    for token_id, entry in enumerate(vocab):
        if not isinstance(entry, str) or not entry:
            raise ValueError(f"vocabulary entry {token_id} is {entry!r}; entries are non-empty strings")
        if entry in seen:
            raise ValueError(f"vocabulary entry {token_id} repeats {entry!r}")
        seen.add(entry)
# --8<-- [end:validate]


# --8<-- [start:tokenize]
def tokenize(vocab: Sequence[str], text: str) -> list[int]:
    """Token ids for `text`: the longest entry at each position, else UNKNOWN."""
    check_vocab(vocab)
    ids: list[int] = []
    start = 0
    while start < len(text):
        best_id, best_len = UNKNOWN, 0
        for token_id, entry in enumerate(vocab):  # (1)!
            if len(entry) > best_len and text.startswith(entry, start):
                best_id, best_len = token_id, len(entry)
        ids.append(best_id)
        start += best_len or 1  # (2)!
    return ids
# --8<-- [end:tokenize]
