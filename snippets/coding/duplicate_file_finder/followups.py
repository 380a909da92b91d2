"""Follow-ups to the duplicate-file finder, each tested in
tests/coding/duplicate_file_finder/test_reference.py and shown on the page,
docs/coding/duplicate-file-finder.md.

- `reading_table`: bytes read and files opened by each level on one tree.
- `collision_table`: how likely a hash collision is, by file count and hash size.
- `cdc_chunks`, `dedup_table`: chunk-level deduplication, fixed-size against
  content-defined chunks.
"""
from __future__ import annotations

import hashlib
import math
import os
import random
import tempfile
from pathlib import Path
from typing import Callable

from snippets.coding.duplicate_file_finder import level1, level2, solution
from snippets.coding.duplicate_file_finder.counting import CountingOpener


# --8<-- [start:reading]
def photo_tree(root: str, seed: int = 3) -> None:
    """A folder like a photo library: mostly files of their own size, some exact
    copies, some same-size files that differ at the start or near the end, and
    hard links. Sizes are small so the doctest stays fast."""
    rng, folder = random.Random(seed), Path(root)
    for i in range(60):
        (folder / f"img{i:03}.jpg").write_bytes(rng.randbytes(rng.randrange(20_000, 200_000)))
    for i in range(10):  # exact copies
        (folder / f"copy{i}.jpg").write_bytes((folder / f"img{i:03}.jpg").read_bytes())
    for i in range(10, 20):  # same size: a changed first byte, or one near the end
        data = bytearray((folder / f"img{i:03}.jpg").read_bytes())
        data[0 if i < 15 else -100] ^= 0xFF
        (folder / f"{'edit' if i < 15 else 'tag'}{i}.jpg").write_bytes(bytes(data))
    for i in range(20, 23):  # another name for the same file
        os.link(folder / f"img{i:03}.jpg", folder / f"link{i}.jpg")


def reading_table(seed: int = 3) -> str:
    """Files opened and bytes read by each level on `photo_tree`.

    >>> print(reading_table())
    83 regular files, 80 distinct, 8,658,137 bytes in all
    level                 groups  files opened  bytes read  share of bytes
    1: read everything        13            83   8,819,360          101.9%
    2: size, block, hash      13            46   3,425,324           39.6%
    3: side by side           10            40   2,955,422           34.1%
    """
    finders: list[tuple[str, Callable]] = [("1: read everything", level1.find_duplicates),
                                           ("2: size, block, hash", level2.find_duplicates),
                                           ("3: side by side", solution.find_duplicates)]
    with tempfile.TemporaryDirectory() as root:
        photo_tree(root, seed)
        files = solution.regular_files(root, [])
        distinct = {f.inode: f.size for f in files}
        total = sum(distinct.values())
        lines = [f"{len(files)} regular files, {len(distinct)} distinct, {total:,} bytes in all",
                 f"{'level':<22}{'groups':>6}{'files opened':>14}{'bytes read':>12}{'share of bytes':>16}"]
        for name, find in finders:
            opener = CountingOpener(root)
            groups = find(root, opener)
            read = sum(opener.bytes.values())
            lines.append(f"{name:<22}{len(groups):>6}{len(opener.opens):>14}{read:>12,}"
                         f"{read / total:>16.1%}")
    return "\n".join(lines)
# --8<-- [end:reading]


# --8<-- [start:collisions]
def collision_odds(files: int, bits: int) -> float:
    """The chance that some two of `files` different contents share a `bits`-bit
    hash, if the hash spreads them evenly: 1 - exp(-n(n-1) / 2^(bits+1))."""
    return -math.expm1(-files * (files - 1) / 2 ** (bits + 1))


def collision_table(counts: list[int], sizes: list[int]) -> str:
    """
    >>> print(collision_table([10**6, 10**9], [64, 128, 256]))
    files           64-bit hash  128-bit hash  256-bit hash
    1,000,000           2.7e-08       1.5e-27       4.3e-66
    1,000,000,000         0.027       1.5e-21       4.3e-60
    """
    lines = [f"{'files':<16}" + "".join(f"{f'{bits}-bit hash':>14}" for bits in sizes)]
    for count in counts:
        lines.append(f"{count:<16,}" + "".join(f"{collision_odds(count, bits):>14.2g}" for bits in sizes))
    return "\n".join(lines)
# --8<-- [end:collisions]


# --8<-- [start:chunks]
_GEAR = [random.Random(42 + byte).getrandbits(64) for byte in range(256)]  # a random number per byte value


def fixed_chunks(data: bytes, size: int = 4096) -> list[bytes]:
    return [data[at:at + size] for at in range(0, len(data), size)]


def cdc_chunks(data: bytes, mask_bits: int = 12, least: int = 1024, most: int = 16384) -> list[bytes]:
    """Content-defined chunks: cut where a rolling hash of the last bytes has its
    low `mask_bits` bits all zero, so a cut depends on nearby content, not on the
    offset. Between `least` and `most` bytes per chunk."""
    chunks, start, rolling, mask = [], 0, 0, (1 << mask_bits) - 1
    for at, byte in enumerate(data):
        rolling = ((rolling << 1) + _GEAR[byte]) & 0xFFFF_FFFF_FFFF_FFFF  # (1)!
        length = at + 1 - start
        if (length >= least and (rolling & mask) == 0) or length >= most:
            chunks.append(data[start:at + 1])
            start, rolling = at + 1, 0
    if start < len(data):
        chunks.append(data[start:])
    return chunks


def shared_share(old: bytes, new: bytes, chunker: Callable[[bytes], list[bytes]]) -> float:
    """The share of `new`'s bytes in chunks that `old` already has."""
    stored = {hashlib.sha256(chunk).digest() for chunk in chunker(old)}
    kept = sum(len(c) for c in chunker(new) if hashlib.sha256(c).digest() in stored)
    return kept / len(new)


def dedup_table(size: int = 262_144, seed: int = 5) -> str:
    """How much of an edited file a store that already holds the original can
    skip, by chunking.

    >>> print(dedup_table())
    edit to a 262,144-byte file        whole file  fixed 4 KiB  content-defined
    one byte changed in the middle           0.0%        98.4%            93.8%
    one byte inserted at the front           0.0%         0.0%            98.8%
    average chunk, bytes                  262,144        4,096            6,394
    """
    old = random.Random(seed).randbytes(size)
    middle = size // 2
    edits = {"one byte changed in the middle": old[:middle] + bytes([old[middle] ^ 1]) + old[middle + 1:],
             "one byte inserted at the front": b"!" + old}
    chunkers = {"whole file": lambda data: [data], "fixed 4 KiB": fixed_chunks,
                "content-defined": cdc_chunks}
    lines = [f"{f'edit to a {size:,}-byte file':<32}" + "".join(f"{n:>13}" if n != "content-defined"
                                                               else f"{n:>17}" for n in chunkers)]
    for edit, new in edits.items():
        cells = [shared_share(old, new, chunker) for chunker in chunkers.values()]
        lines.append(f"{edit:<32}{cells[0]:>13.1%}{cells[1]:>13.1%}{cells[2]:>17.1%}")
    sizes = [len(old) / len(chunker(old)) for chunker in chunkers.values()]
    lines.append(f"{'average chunk, bytes':<32}{sizes[0]:>13,.0f}{sizes[1]:>13,.0f}{sizes[2]:>17,.0f}")
    return "\n".join(lines)
# --8<-- [end:chunks]


if __name__ == "__main__":
    print(reading_table(), end="\n\n")
    print(collision_table([10**6, 10**9], [64, 128, 256]), end="\n\n")
    print(dedup_table())
