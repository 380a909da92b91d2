"""Follow-ups to the greedy longest-match tokenizer, each tested in
tests/coding/longest_match_tokenizer/test_reference.py and shown on the page,
docs/coding/longest-match-tokenizer.md.

- `HashTokenizer`: the strongest rival to the trie, a hash set tried by length.
- `bpe_encode`, `fewest_tokens`: why greedy longest-match is not BPE, and not
  the shortest segmentation either.
- `LinearTokenizer`: the same output in one pass, never reading a character
  twice, with Aho-Corasick-style failure links.
- `decoded`, `byte_fallback`, `normalized`: bytes and Unicode.
- `vocabulary_table`: vocabulary size against sequence length, on a synthetic corpus.
"""
from __future__ import annotations

import codecs
import random
import unicodedata
from collections import Counter, deque
from typing import Iterable, Iterator, Sequence

from snippets.coding.longest_match_tokenizer.solution import UNKNOWN, check_vocab, tokenize


# --8<-- [start:hash]
class HashTokenizer:
    """The rival to the trie: a dict from entry to id, tried with each distinct
    entry length, longest first."""

    def __init__(self, vocab: Sequence[str]) -> None:
        check_vocab(vocab)
        self.index = {entry: token_id for token_id, entry in enumerate(vocab)}
        self.lengths = sorted({len(entry) for entry in vocab}, reverse=True)  # (1)!

    def tokenize(self, text: str) -> list[int]:
        ids: list[int] = []
        start = 0
        while start < len(text):
            for length in self.lengths:
                if start + length > len(text):
                    continue
                token_id = self.index.get(text[start:start + length])  # (2)!
                if token_id is not None:
                    ids.append(token_id)
                    start += length
                    break
            else:
                ids.append(UNKNOWN)
                start += 1
        return ids
# --8<-- [end:hash]


# --8<-- [start:bpe]
def bpe_encode(merges: Sequence[tuple[str, str]], text: str) -> list[str]:
    """Byte-pair-encoding style: start from characters and apply the learned
    merges, always the earliest-learned pair present first, until none applies."""
    rank = {pair: order for order, pair in enumerate(merges)}
    parts = list(text)
    while len(parts) > 1:
        pairs = set(zip(parts, parts[1:]))
        best = min(pairs, key=lambda pair: rank.get(pair, len(rank)))
        if best not in rank:
            break
        merged, i = [], 0
        while i < len(parts):  # merge every occurrence, left to right
            if i + 1 < len(parts) and (parts[i], parts[i + 1]) == best:
                merged.append(parts[i] + parts[i + 1])
                i += 2
            else:
                merged.append(parts[i])
                i += 1
        parts = merged
    return parts


def fewest_tokens(vocab: Sequence[str], text: str) -> list[int]:
    """A segmentation with as few tokens as possible (an unknown character
    counts as one), by dynamic programming over the end positions."""
    index = {entry: token_id for token_id, entry in enumerate(vocab)}
    longest = max(map(len, vocab), default=1)
    best: list[tuple[int, int, int]] = [(0, 0, 0)]  # per end: (tokens, start, last id)
    for end in range(1, len(text) + 1):
        options = [(best[end - length][0] + 1, end - length, index[text[end - length:end]])
                   for length in range(1, min(longest, end) + 1) if text[end - length:end] in index]
        if text[end - 1] not in index:  # a character that is no entry is one unknown token
            options.append((best[end - 1][0] + 1, end - 1, UNKNOWN))
        best.append(min(options))
    ids, end = [], len(text)
    while end:
        _, end, token_id = best[end]
        ids.append(token_id)
    return ids[::-1]


def three_ways(merges: Sequence[tuple[str, str]], text: str) -> str:
    """The same text and vocabulary, segmented by greedy, BPE and fewest tokens.

    >>> print(three_ways([("i", "n"), ("in", "g"), ("s", "i")], "sing"))
    vocabulary: s i n g in ing si
    greedy longest match  si | n | g
    BPE merges            s | ing
    fewest tokens         s | ing
    """
    vocab = list(dict.fromkeys([*text, *(a + b for a, b in merges)]))
    shown = {"greedy longest match": [vocab[i] for i in tokenize(vocab, text)],
             "BPE merges": bpe_encode(merges, text),
             "fewest tokens": [vocab[i] for i in fewest_tokens(vocab, text)]}
    return "\n".join([f"vocabulary: {' '.join(vocab)}",
                      *(f"{name:<22}{' | '.join(parts)}" for name, parts in shown.items())])
# --8<-- [end:bpe]


# --8<-- [start:linear]
class _State:
    __slots__ = ("children", "token_id", "fail", "pops")

    def __init__(self) -> None:
        self.children: dict[str, _State] = {}
        self.token_id: int | None = None
        self.fail: _State | None = None  # where to go when the next character has no edge
        self.pops: tuple[int, ...] = ()  # the ids that failing here decides


class LinearTokenizer:
    """Greedy longest match in one left-to-right pass: each character is read
    once and the walk never backs up. The failure links play the part they play
    in Aho-Corasick; `pops` holds the ids a failure decides (the idea of Song et
    al.'s LinMaxMatch, adapted to our rule for unknown characters)."""

    def __init__(self, vocab: Sequence[str]) -> None:
        check_vocab(vocab)
        self.root = root = _State()
        for token_id, entry in enumerate(vocab):
            node = root
            for char in entry:
                if char not in node.children:
                    node.children[char] = _State()
                node = node.children[char]
            node.token_id = token_id
        queue = deque((root, char, child) for char, child in root.children.items())
        while queue:  # breadth first: a link always points to a shallower state
            parent, char, node = queue.popleft()
            queue.extend((node, c, child) for c, child in node.children.items())
            if node.token_id is not None:  # (1)!
                node.pops, node.fail = (node.token_id,), root
            elif parent is root:  # (2)!
                node.pops, node.fail = (UNKNOWN,), root
            else:  # (3)!
                pops, state = list(parent.pops), parent.fail
                while char not in state.children and state is not root:
                    pops += state.pops
                    state = state.fail
                if char in state.children:
                    node.fail = state.children[char]
                else:
                    pops.append(UNKNOWN)
                    node.fail = root
                node.pops = tuple(pops)
        self.reads = self.failures = 0  # counted, for the tests and the benchmark

    def tokenize(self, text: Iterable[str]) -> list[int]:
        ids: list[int] = []
        root, node = self.root, self.root
        self.reads = self.failures = 0
        for char in text:
            self.reads += 1
            while char not in node.children and node is not root:
                ids += node.pops  # (4)!
                node = node.fail
                self.failures += 1
            if char in node.children:
                node = node.children[char]
            else:
                ids.append(UNKNOWN)  # at the root: no entry starts with it
        while node is not root:  # the end of the text decides the rest
            ids += node.pops
            node = node.fail
        return ids
# --8<-- [end:linear]


# --8<-- [start:bytes]
def decoded(byte_chunks: Iterable[bytes]) -> Iterator[str]:
    """UTF-8 chunks from a socket or a file, as str chunks for `tokenize`. A
    character cut between two chunks waits in the decoder for its last bytes.

    >>> chunks = [b"caf\\xc3", b"\\xa9 ok"]        # "café ok", cut inside the é
    >>> chunks[0].decode("utf-8")
    Traceback (most recent call last):
    ...
    UnicodeDecodeError: 'utf-8' codec can't decode byte 0xc3 in position 3: unexpected end of data
    >>> list(decoded(chunks))
    ['caf', 'é ok']
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    for chunk in byte_chunks:
        if text := decoder.decode(chunk):
            yield text
    decoder.decode(b"", final=True)  # raises UnicodeDecodeError if the stream ends mid-character


def byte_fallback(vocab: Sequence[str], text: str) -> list[int]:
    """Like `tokenize`, but an unknown character becomes its UTF-8 bytes, each
    with id len(vocab) + byte: nothing is ever unknown, and nothing is lost.

    >>> byte_fallback(["h", "i"], "hi€")
    [0, 1, 228, 132, 174]
    >>> from_ids(["h", "i"], [0, 1, 228, 132, 174])
    'hi€'
    """
    ids, at = [], 0
    for token_id in tokenize(vocab, text):
        if token_id == UNKNOWN:
            ids += [len(vocab) + byte for byte in text[at].encode("utf-8")]
            at += 1
        else:
            ids.append(token_id)
            at += len(vocab[token_id])
    return ids


def from_ids(vocab: Sequence[str], ids: Iterable[int]) -> str:
    """The text back from `byte_fallback`'s ids."""
    data = b"".join(vocab[i].encode("utf-8") if i < len(vocab) else bytes([i - len(vocab)])
                    for i in ids)
    return data.decode("utf-8")


def normalized(vocab: Sequence[str], text: str, form: str | None) -> list[str]:
    """The tokens of `text` after Unicode normalization `form` (None: as given).

    >>> vocab = ["café", "caf", "e", "é"]
    >>> text = "cafe\\u0301"                   # é as e plus a combining accent
    >>> normalized(vocab, text, None), normalized(vocab, text, "NFC")
    (['caf', 'e', '?'], ['café'])
    """
    if form is not None:
        text = unicodedata.normalize(form, text)
    return [vocab[i] if i != UNKNOWN else "?" for i in tokenize(vocab, text)]
# --8<-- [end:bytes]


# --8<-- [start:vocabulary]
def synthetic_corpus(words: int, seed: int, lexicon: int = 5000) -> str:
    """Text of made-up words whose frequencies follow Zipf's law (the r-th most
    common word is used about 1/r as often as the first), as real text's do.
    Every seed draws from the same lexicon; the seed picks the sample."""
    make = random.Random(0)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    pool = sorted({"".join(make.choice(syllables) for _ in range(make.randint(1, 4)))
                   for _ in range(lexicon)})
    make.shuffle(pool)
    weights = [1 / rank for rank in range(1, len(pool) + 1)]
    return " ".join(random.Random(seed).choices(pool, weights, k=words))


def vocabulary_table(sizes: Sequence[int], train_words: int = 40_000,
                     test_words: int = 10_000, width: int = 4096) -> str:
    """Tokens per 1,000 characters of held-out text, when the vocabulary is every
    character plus the K most frequent words (with their leading space), and
    what the vocabulary costs a model with `width`-wide embeddings.

    >>> print(vocabulary_table([0, 10, 100], train_words=2000, test_words=500, width=8))
    words kept  vocabulary  tokens per 1,000 chars  embedding parameters
             0          20                   1,000                   160
            10          30                     715                   240
           100         120                     489                   960
    """
    train = synthetic_corpus(train_words, seed=1)
    test = synthetic_corpus(test_words, seed=2)
    counts = Counter(" " + word for word in train.split())
    chars = sorted(set(train) | set(test))
    lines = [f"{'words kept':>10}{'vocabulary':>12}{'tokens per 1,000 chars':>24}"
             f"{'embedding parameters':>22}"]
    for size in sizes:
        vocab = chars + [word for word, _ in counts.most_common(size)]
        per_1000 = 1000 * len(tokenize(vocab, test)) / len(test)
        lines.append(f"{size:>10,}{len(vocab):>12,}{per_1000:>24,.0f}{len(vocab) * width:>22,}")
    return "\n".join(lines)
# --8<-- [end:vocabulary]


if __name__ == "__main__":
    print(three_ways([("i", "n"), ("in", "g"), ("s", "i")], "sing"), end="\n\n")
    print(vocabulary_table([0, 30, 300, 3_000]))
