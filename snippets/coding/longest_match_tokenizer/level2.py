"""Greedy longest-match tokenizer, level 2: a trie.

The vocabulary becomes a tree of characters. From each token's start, one walk
down the tree reads the text a character at a time and remembers the last node
that ends an entry: that is the longest match, found without looking at any
entry the text does not continue with. Same rules as level 1
(docs/coding/longest-match-tokenizer.md).

>>> tokenize(["a", "ab", "abc", "c"], "abcab?")
[2, 1, -1]
"""
from __future__ import annotations

from typing import Sequence

UNKNOWN = -1  # the id of one character that no vocabulary entry starts with


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


# --8<-- [start:trie]
class Node:
    """One node of the trie: the path from the root to it spells a string."""
    __slots__ = ("children", "token_id")

    def __init__(self) -> None:
        self.children: dict[str, Node] = {}
        self.token_id: int | None = None  # set when that string is an entry


def build_trie(vocab: Sequence[str]) -> Node:
    check_vocab(vocab)
    root = Node()
    for token_id, entry in enumerate(vocab):
        node = root
        for char in entry:
            child = node.children.get(char)
            if child is None:
                child = node.children[char] = Node()
            node = child
        node.token_id = token_id
    return root
# --8<-- [end:trie]


# --8<-- [start:tokenize]
def tokenize(vocab: Sequence[str], text: str) -> list[int]:
    """Token ids for `text`: the longest entry at each position, else UNKNOWN."""
    root = build_trie(vocab)
    ids: list[int] = []
    start = 0
    while start < len(text):
        node, best_id, best_len = root, UNKNOWN, 1  # (1)!
        at = start
        while at < len(text):
            node = node.children.get(text[at])  # (2)!
            if node is None:
                break
            at += 1
            if node.token_id is not None:
                best_id, best_len = node.token_id, at - start
        ids.append(best_id)
        start += best_len  # (3)!
    return ids
# --8<-- [end:tokenize]
