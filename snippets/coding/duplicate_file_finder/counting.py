"""An opener that counts what is read through it: the page's doctests and the
level tests pass one to `find_duplicates(root, opener)` to check the claim
"reads only what it must". It can also refuse to open a file, or fail
partway through reading one, to stand in for an unreadable disk.

>>> from pathlib import Path
>>> from snippets.coding.duplicate_file_finder.solution import find_duplicates
>>> probe = Path(__file__).with_name("probe")
>>> opener = CountingOpener(probe)
>>> find_duplicates(probe, opener), dict(opener.bytes), opener.most_open
([['one.txt', 'two.txt']], {'one.txt': 15, 'two.txt': 15}, 1)
>>> find_duplicates(probe, CountingOpener(probe, refuse={"two.txt"}))
[]
"""
from __future__ import annotations

import errno
import io
import os
from collections import Counter
from typing import Iterable


# --8<-- [start:opener]
class CountingOpener:
    """`opener(path)` opens `path` for binary reading and counts, per path
    relative to `root`, the opens and the bytes handed to the caller."""

    def __init__(self, root: str | os.PathLike, refuse: Iterable[str] = (),
                 fail_reads: Iterable[str] = ()) -> None:
        self.root = os.fspath(root)
        self.refuse, self.fail_reads = set(refuse), set(fail_reads)
        self.opens: Counter[str] = Counter()
        self.bytes: Counter[str] = Counter()
        self.open_now = self.most_open = 0

    def __call__(self, path: str) -> "CountedFile":
        name = os.path.relpath(path, self.root).replace(os.sep, "/")
        if name in self.refuse:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        self.opens[name] += 1
        self.open_now += 1
        self.most_open = max(self.most_open, self.open_now)
        return CountedFile(self, name, open(path, "rb"))
# --8<-- [end:opener]


class CountedFile(io.RawIOBase):
    """A read-only file whose reads are counted. It has no `fileno`, so nothing
    can read around it (os.read, mmap)."""

    def __init__(self, owner: CountingOpener, name: str, raw: io.BufferedReader) -> None:
        super().__init__()
        self.owner, self.name, self.raw = owner, name, raw

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.name in self.owner.fail_reads:
            raise OSError(errno.EIO, "Input/output error", self.name)
        count = self.raw.readinto(buffer)
        self.owner.bytes[self.name] += count
        return count

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self.raw.seek(offset, whence)

    def tell(self) -> int:
        return self.raw.tell()

    def fileno(self) -> int:
        raise io.UnsupportedOperation("read through the opener's file, so that reads are counted")

    def close(self) -> None:
        if not self.closed:
            self.owner.open_now -= 1
            self.raw.close()
        super().close()
