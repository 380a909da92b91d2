"""Duplicate-file finder, level 1: read everything.

Every regular file under the root is read whole and grouped by a hash of its
contents. Correct and simple; it reads every byte of every file, even a file
whose size alone proves it has no twin. The rules are on the page,
docs/coding/duplicate-file-finder.md, and tested in
tests/coding/duplicate_file_finder/.

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


# --8<-- [start:walk]
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
    for folder, subfolders, names in os.walk(root):  # (1)!
        subfolders.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            try:
                info = os.lstat(full)  # (2)!
            except OSError:
                continue  # gone since the folder was listed
            if stat.S_ISREG(info.st_mode):  # (3)!
                relative = os.path.relpath(full, root).replace(os.sep, "/")
                found.append(File(relative, full, info.st_size, (info.st_dev, info.st_ino)))
    return found
# --8<-- [end:walk]


# --8<-- [start:find]
def find_duplicates(root: str | os.PathLike, opener: Opener = open_binary) -> list[list[str]]:
    """Groups of two or more paths whose files hold the same bytes."""
    by_contents: dict[bytes, list[str]] = defaultdict(list)
    for file in regular_files(root):
        if file.size == 0:
            continue  # (1)!
        try:
            with opener(file.full) as handle:
                digest = hashlib.sha256(handle.read()).digest()  # (2)!
        except OSError:
            continue  # unreadable: left out
        by_contents[digest].append(file.path)
    return sorted(sorted(group) for group in by_contents.values() if len(group) > 1)
# --8<-- [end:find]
