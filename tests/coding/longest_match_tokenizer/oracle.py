"""A second model of the tokenizer, for the randomized tests, and random cases.

It shares no code or structure with the reference: no trie, only a dictionary
from entry to id and the set of entry lengths, tried longest first at each
position. `decided_ids` answers level 3's timing question the slow, obvious
way: an id is decided once the text from its token's start is no longer a
proper prefix of any entry, or once the stream has ended.
"""
from __future__ import annotations

import random

UNKNOWN = -1


def oracle_ids(vocab, text: str) -> list[int]:
    index = {entry: token_id for token_id, entry in enumerate(vocab)}
    lengths = sorted({len(entry) for entry in vocab}, reverse=True)
    ids, start = [], 0
    while start < len(text):
        for length in lengths:
            if start + length <= len(text) and text[start:start + length] in index:
                ids.append(index[text[start:start + length]])
                start += length
                break
        else:
            ids.append(UNKNOWN)
            start += 1
    return ids


def decided_ids(vocab, text: str) -> list[int]:
    """The ids `text` decides whatever follows it."""
    all_ids = oracle_ids(vocab, text)
    decided, start = [], 0
    for token_id in all_ids:
        rest = text[start:]
        if any(len(entry) > len(rest) and entry.startswith(rest) for entry in vocab):
            break
        decided.append(token_id)
        start += len(vocab[token_id]) if token_id != UNKNOWN else 1
    return decided


def random_vocab(rng: random.Random, alphabet: str, size: int, longest: int) -> list[str]:
    entries = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, longest)))
               for _ in range(size)}
    vocab = sorted(entries)
    rng.shuffle(vocab)
    return vocab


def random_case(seed: int, text_len: int = 40) -> tuple[list[str], str]:
    """A small vocabulary over "abc" and a text over "abcz": z is never in it."""
    rng = random.Random(seed)
    vocab = random_vocab(rng, "abc", rng.randint(0, 12), 5)
    text = "".join(rng.choice("abcabcabcz") for _ in range(rng.randint(0, text_len)))
    return vocab, text


def random_cuts(rng: random.Random, text: str) -> list[str]:
    """`text` cut into chunks at random places, some of them empty."""
    cuts = sorted(rng.randint(0, len(text)) for _ in range(rng.randint(0, 6)))
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]
