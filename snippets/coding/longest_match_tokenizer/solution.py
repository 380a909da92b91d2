"""Greedy longest-match tokenizer, all three levels: a trie, and text that may
arrive as a stream of chunks.

The walk down the trie is the same as at level 2; what changed is where it may
stop. Running out of text in the middle of a walk no longer decides anything:
the walk's state (the node, the best match so far, the characters read since
the token's start) waits for the next chunk. Rules and discussion:
docs/coding/longest-match-tokenizer.md.

>>> tokenize(["a", "ab", "abc", "c"], "abcab?")
[2, 1, -1]
>>> vocab = ["the", "then", " ", "cat", "ca"]
>>> ids = tokenize(vocab, iter(["th", "en ca", "t"]))   # "then" and "cat" span chunks
>>> next(ids), list(ids)
(1, [2, 3])
"""
from __future__ import annotations

from itertools import chain
from typing import Iterable, Iterator, Sequence

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


# --8<-- [start:tokenize]
def tokenize(vocab: Sequence[str], text: str | Iterable[str]) -> list[int] | Iterator[int]:
    """A str gives the list of its ids. Any other iterable of str chunks gives
    an iterator that yields each id as soon as the chunks read so far decide it."""
    root = build_trie(vocab)  # (1)!
    if isinstance(text, str):
        return list(stream_ids(root, (text,)))
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("text is bytes; decode it to str first (an incremental decoder for streams)")
    return stream_ids(root, text)
# --8<-- [end:tokenize]


# --8<-- [start:stream]
def stream_ids(root: Node, chunks: Iterable[str]) -> Iterator[int]:
    pending = ""  # (1)!
    node, best_id, best_len = root, UNKNOWN, 1  # the walk over `pending`
    for chunk in chain(chunks, [None]):  # (2)!
        final = chunk is None
        if not final and not isinstance(chunk, str):
            raise TypeError(f"a chunk is {type(chunk).__name__}; every chunk must be a str")
        text = pending if final else pending + chunk
        start, at = 0, len(pending)  # (3)!
        while start < len(text):
            if at < len(text) and (child := node.children.get(text[at])) is not None:
                at += 1
                node = child
                if child.token_id is not None:
                    best_id, best_len = child.token_id, at - start
                if child.children:
                    continue  # a longer entry may still match
            elif at == len(text) and not final:
                break  # (4)!
            yield best_id  # (5)!
            start += best_len
            at, node, best_id, best_len = start, root, UNKNOWN, 1
        pending = text[start:]
# --8<-- [end:stream]
