"""Duplicate-file finder, all three levels: hard links are one file, and files
are read side by side, a little more each round, until each one either has no
twin left or has been read to its end. No byte is read twice. Rules and
discussion: docs/coding/duplicate-file-finder.md.

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

BLOCK = 4096              # bytes: the first round's read
MAX_READ = 1 << 20        # bytes: rounds double in length up to this
Opener = Callable[[str], BinaryIO]


def open_binary(path: str) -> BinaryIO:
    return open(path, "rb")


class File(NamedTuple):
    path: str               # relative to the root, "/" between parts: what the answer shows
    full: str               # the path os and the opener are given
    size: int
    inode: tuple[int, int]  # (device, inode): hard links to one file share it


class Report(NamedTuple):
    groups: list[list[str]]  # the answer
    unreadable: list[str]    # files and folders left out because they could not be read


def regular_files(root: str | os.PathLike, unreadable: list[str]) -> list[File]:
    """Every regular file under `root`, without following symbolic links; what
    cannot be listed goes in `unreadable`."""
    root = os.fspath(root)
    if not os.path.isdir(root):
        raise NotADirectoryError(f"{root!r} is not a directory")

    def relative(full: str) -> str:
        return os.path.relpath(full, root).replace(os.sep, "/")

    found = []
    for folder, subfolders, names in os.walk(root, onerror=lambda e: unreadable.append(relative(e.filename))):
        subfolders.sort()
        for name in sorted(names):
            full = os.path.join(folder, name)
            try:
                info = os.lstat(full)  # lstat: a link is seen as a link
            except OSError:
                continue  # gone since the folder was listed
            if stat.S_ISREG(info.st_mode):  # not a link, pipe, socket or device
                found.append(File(relative(full), full, info.st_size, (info.st_dev, info.st_ino)))
    return found


def grouped(files: list[File], key: Callable[[File], object]) -> list[list[File]]:
    """The files with equal keys, in groups of two or more; a key of None leaves one out."""
    by_key: dict[object, list[File]] = defaultdict(list)
    for file in files:
        if (value := key(file)) is not None:
            by_key[value].append(file)
    return [group for group in by_key.values() if len(group) > 1]


# --8<-- [start:find]
def find_duplicates(root: str | os.PathLike, opener: Opener = open_binary) -> list[list[str]]:
    """Groups of two or more paths whose files hold the same bytes."""
    return scan(root, opener).groups


def scan(root: str | os.PathLike, opener: Opener = open_binary, block: int = BLOCK) -> Report:
    unreadable: list[str] = []
    groups: list[list[File]] = []
    for same_size in grouped(regular_files(root, unreadable), lambda f: f.size or None):
        first_path: dict[tuple[int, int], File] = {}
        for file in sorted(same_size):  # (1)!
            first_path.setdefault(file.inode, file)
        if len(first_path) > 1:
            groups += split_by_contents(list(first_path.values()), opener, block, unreadable)
    return Report(sorted(sorted(f.path for f in group) for group in groups), sorted(unreadable))
# --8<-- [end:find]


# --8<-- [start:split]
def split_by_contents(files: list[File], opener: Opener, block: int,
                      unreadable: list[str]) -> list[list[File]]:
    """Split files of one size into groups of identical contents, reading them
    side by side; a file stops being read once nothing else matches it."""
    size, offset, length = files[0].size, 0, block
    alike = [files]  # (1)!
    while alike and offset < size:
        still_alike = []
        # The round that reaches the listed size asks for one byte more, so a file
        # that has grown since the listing reads differently; unchanged, it is at its end.
        want = size - offset + 1 if offset + length >= size else length
        for group in alike:
            by_piece: dict[bytes, list[File]] = defaultdict(list)
            for file in group:
                piece = read_at(file, offset, want, opener)
                if piece is None:
                    unreadable.append(file.path)
                else:
                    by_piece[hashlib.sha256(piece).digest()].append(file)  # (2)!
            still_alike += [same for same in by_piece.values() if len(same) > 1]  # (3)!
        alike = still_alike
        offset += length
        length = min(2 * length, MAX_READ)  # (4)!
    return alike


def read_at(file: File, offset: int, length: int, opener: Opener) -> bytes | None:
    try:
        with opener(file.full) as handle:  # (5)!
            handle.seek(offset)
            return handle.read(length)
    except OSError:
        return None
# --8<-- [end:split]
