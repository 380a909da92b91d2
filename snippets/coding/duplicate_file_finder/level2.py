"""Duplicate-file finder, level 2: read only what it takes.

Three filters, cheapest first: the size (from the folder listing, no read), the
first block (one read of up to BLOCK bytes), then a hash of the whole file. A
file leaves the search as soon as one filter shows it has no twin. Same rules
as level 1 (docs/coding/duplicate-file-finder.md).

>>> from pathlib import Path
>>> find_duplicates(Path(__file__).with_name("probe"))
[['one.txt', 'two.txt']]
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections import defaultdict
from typing import BinaryIO, Callable, NamedTuple

BLOCK = 4096  # bytes: the first block, at level 2
Opener = Callable[[str], BinaryIO]


def open_binary(path: str) -> BinaryIO:
    return open(path, "rb")


class File(NamedTuple):
    path: str               # relative to the root, "/" between parts: what the answer shows
    full: str               # the path os and the opener are given
    size: int
    inode: tuple[int, int]  # (device, inode): hard links to one file share it


def regular_files(root: str | os.PathLike) -> list[File]:
    """Every regular file under `root`, without following symbolic links."""
    root = os.fspath(root)
    if not os.path.isdir(root):
        raise NotADirectoryError(f"{root!r} is not a directory")
    found = []
    for folder, subfolders, names in os.walk(root):  # followlinks=False: a link to a folder is never entered
        subfolders.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            try:
                info = os.lstat(full)  # lstat: a link is seen as a link
            except OSError:
                continue  # gone since the folder was listed
            if stat.S_ISREG(info.st_mode):  # not a link, pipe, socket or device
                relative = os.path.relpath(full, root).replace(os.sep, "/")
                found.append(File(relative, full, info.st_size, (info.st_dev, info.st_ino)))
    return found



# --8<-- [start:find]
def find_duplicates(root: str | os.PathLike, opener: Opener = open_binary) -> list[list[str]]:
    """Groups of two or more paths whose files hold the same bytes."""
    groups: list[list[File]] = []
    for same_size in grouped(regular_files(root), lambda f: f.size or None):  # (1)!
        for same_start in grouped(same_size, lambda f: first_block(f, opener)):
            if same_start[0].size <= BLOCK:  # (2)!
                groups.append(same_start)
            else:
                groups += grouped(same_start, lambda f: whole_digest(f, opener))
    return sorted(sorted(f.path for f in group) for group in groups)


def grouped(files: list[File], key: Callable[[File], object]) -> list[list[File]]:
    """The files with equal keys, in groups of two or more. A key of None
    (an empty file, a file that could not be read) leaves the file out."""
    by_key: dict[object, list[File]] = defaultdict(list)
    for file in files:
        if (value := key(file)) is not None:
            by_key[value].append(file)
    return [group for group in by_key.values() if len(group) > 1]


def first_block(file: File, opener: Opener) -> bytes | None:
    try:
        with opener(file.full) as handle:
            return handle.read(BLOCK)  # (3)!
    except OSError:
        return None


def whole_digest(file: File, opener: Opener) -> bytes | None:
    digest = hashlib.sha256()
    try:
        with opener(file.full) as handle:
            while chunk := handle.read(1 << 16):  # (4)!
                digest.update(chunk)
    except OSError:
        return None
    return digest.digest()
# --8<-- [end:find]
