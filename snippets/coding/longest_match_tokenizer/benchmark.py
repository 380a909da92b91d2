"""Time the four tokenizers of docs/coding/longest-match-tokenizer.md on three
workloads, in microseconds per character of text; building the tables is not timed.

    .venv/bin/python -m snippets.coding.longest_match_tokenizer.benchmark

Every run first checks that all four give the same ids on every workload. The
doctests run at a tiny size; the page quotes a full run, with its machine.

>>> results = measure(vocab_size=50, text_len=300, scan_len=60, repeat=1)
>>> sorted(results), sorted(results["typical"])
(['one long entry', 'typical', 'worst case for the trie'], ['hash', 'linear', 'scan', 'trie'])
>>> print(report({"typical": {"scan": 812.0, "hash": 1.25, "trie": 0.5, "linear": 0.625}}))
µs per character            scan    hash    trie  linear
typical                    812.0    1.25    0.50    0.62
"""
from __future__ import annotations

import os
import platform
import random
import time
from typing import Callable, Sequence

from snippets.coding.longest_match_tokenizer import level1, solution
from snippets.coding.longest_match_tokenizer.followups import HashTokenizer, LinearTokenizer

LETTERS = "abcdefghijklmnopqrstuvwxyz"
Encode = Callable[[str], list[int]]


def _trie(vocab: Sequence[str]) -> Encode:
    root = solution.build_trie(vocab)
    return lambda text: list(solution.stream_ids(root, (text,)))


# Each takes the vocabulary once (building its tables) and returns `encode(text)`.
TOKENIZERS: dict[str, Callable[[Sequence[str]], Encode]] = {
    "scan": lambda vocab: lambda text: level1.tokenize(vocab, text),
    "hash": lambda vocab: HashTokenizer(vocab).tokenize,
    "trie": _trie,
    "linear": lambda vocab: LinearTokenizer(vocab).tokenize,
}


def workloads(vocab_size: int, text_len: int, seed: int = 0) -> dict[str, tuple[list[str], str]]:
    rng = random.Random(seed)
    vocab = sorted({"".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 8)))
                    for _ in range(vocab_size)})
    text = "".join(rng.choice(LETTERS * 4 + " ") for _ in range(text_len))
    rule = "=" * 2000
    return {
        "typical": (vocab, text),
        "one long entry": (vocab + [rule], text + rule),
        "worst case for the trie": (["a", "a" * 63 + "b"], "a" * text_len),
    }


def per_char_us(encode: Encode, text: str, repeat: int, clock: Callable[[], float]) -> float:
    """The best of `repeat` runs, in microseconds per character."""
    times = []
    for _ in range(repeat):
        started = clock()
        encode(text)
        times.append(clock() - started)
    return min(times) * 1e6 / len(text)


def measure(vocab_size: int = 10_000, text_len: int = 20_000, scan_len: int = 400,
            repeat: int = 3, clock: Callable[[], float] = time.perf_counter
            ) -> dict[str, dict[str, float]]:
    """µs per character for each workload and tokenizer. The scan is timed on the
    first `scan_len` characters only: on the whole text it would take minutes."""
    results: dict[str, dict[str, float]] = {}
    for name, (vocab, text) in workloads(vocab_size, text_len).items():
        encoders = {n: prepare(vocab) for n, prepare in TOKENIZERS.items()}
        samples = {n: text[:scan_len] if n == "scan" else text for n in encoders}
        assert len({tuple(encode(text[:scan_len])) for encode in encoders.values()}) == 1
        assert len({tuple(e(text)) for n, e in encoders.items() if n != "scan"}) == 1
        results[name] = {n: per_char_us(e, samples[n], repeat, clock) for n, e in encoders.items()}
    return results


def report(results: dict[str, dict[str, float]]) -> str:
    names = list(next(iter(results.values())))
    lines = [f"{'µs per character':<24}" + "".join(f"{n:>8}" for n in names)]
    for workload, row in results.items():
        lines.append(f"{workload:<24}" + "".join(
            f"{row[n]:>8.1f}" if row[n] >= 100 else f"{row[n]:>8.2f}" for n in names))
    return "\n".join(lines)


if __name__ == "__main__":
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"vocabulary 10,000 random entries of 1-8 letters, text 20,000 characters "
          f"(scan: first 400)")
    print(report(measure()))
