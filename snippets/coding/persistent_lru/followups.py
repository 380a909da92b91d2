"""Follow-up to docs/coding/persistent-lru.md, the site's own material:
`GroupCommitLog`, appends from many threads, each returning only once its
record is on disk, with one fsync covering every record written while the
previous fsync ran (group commit). benchmark.py measures it.
"""
from __future__ import annotations

import errno
import os
import threading
from typing import Callable

_sync = getattr(os, "fdatasync", os.fsync)


# --8<-- [start:group]
class GroupCommitLog:
    """An append-only file whose `append` returns once the record is durable.

    A thread that finds no fsync running starts one, covering every record
    written so far; threads that write meanwhile wait, and the next fsync
    covers them all. Under load, one fsync serves many callers. A failed
    fsync is never retried: that append, every append waiting on it and
    every later one raise OSError, and the caller starts a new log.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     log = GroupCommitLog(os.path.join(folder, "log"))
    ...     print(log.append(b"one\\n"), log.append(b"two\\n"), log.syncs)
    ...     log.close()
    1 2 2
    """

    def __init__(self, path: str, *, sync: Callable[[int], None] = _sync,
                 write: Callable[[int, bytes], int] = os.write) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        self._sync, self._write = sync, write
        self._turn = threading.Condition()
        self._written = 0      # records written to the kernel, numbered from 1
        self._durable = 0      # records covered by a finished fsync
        self._syncing = False  # an fsync is running (without the lock)
        self._failed = False   # an fsync failed: this log is done
        self.syncs = 0

    def append(self, record: bytes) -> int:
        """Write `record`; return its number once an fsync has covered it."""
        with self._turn:
            self._check()
            done = 0
            while done < len(record):
                done += self._write(self._fd, record[done:])
            self._written += 1
            mine = self._written
            while self._durable < mine:
                self._check()  # (1)!
                if self._syncing:
                    self._turn.wait()  # (2)!
                    continue
                self._syncing, covered, synced = True, self._written, False  # (3)!
                self._turn.release()
                try:
                    self._sync(self._fd)  # (4)!
                    synced = True
                finally:
                    self._turn.acquire()
                    self._syncing = False
                    if synced:
                        self._durable, self.syncs = max(self._durable, covered), self.syncs + 1
                    else:
                        self._failed = True
                    self._turn.notify_all()  # (5)!
            return mine

    def _check(self) -> None:
        if self._failed:
            raise OSError(errno.EIO, "an fsync of this log failed, so records written "
                          "before it may be lost; start a new log")

    def close(self) -> None:
        os.close(self._fd)
# --8<-- [end:group]
