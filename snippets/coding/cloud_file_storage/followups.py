"""Two follow-ups to the cloud file storage problem, as code: this site's own material.

Neither comes from a source. They answer the questions a senior interviewer is
likely to ask once the four levels pass; the page, docs/coding/cloud-file-storage.md,
discusses them, and tests/coding/cloud_file_storage/test_reference.py tests them.

- `DedupStore`: files point at content-addressed blobs, so identical bytes are
  stored once and a copy costs no storage, while each owner is still charged
  for the logical size of every file they own.
- `QuotaLedger`: a capacity check that stays right when many threads upload at
  once, and `check_then_add`, the racy version it replaces.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from typing import Callable


# --8<-- [start:dedup]
@dataclass
class Blob:
    size: int
    refs: int = 0  # how many file names point at these bytes


class DedupStore:
    """Names map to (digest, owner); bytes live once per digest.

    >>> store = DedupStore({"ann": 100, "bob": 100})
    >>> store.upload("ann", "/a", b"x" * 40), store.upload("bob", "/b", b"x" * 40)
    (60, 60)
    >>> store.copy("/a", "/a2"), store.left("ann"), store.physical_bytes()
    (True, 20, 40)
    """

    def __init__(self, capacity: dict[str, int]) -> None:
        self._capacity = dict(capacity)
        self._used = dict.fromkeys(capacity, 0)  # logical bytes each owner is charged
        self._files: dict[str, tuple[str, str]] = {}
        self._blobs: dict[str, Blob] = {}

    def left(self, user: str) -> int:
        return self._capacity[user] - self._used[user]

    def upload(self, user: str, name: str, data: bytes) -> int | None:
        digest = hashlib.sha256(data).hexdigest()  # (1)!
        if not self._link(name, digest, len(data), user):
            return None
        return self.left(user)

    def copy(self, source: str, target: str) -> bool:
        if source not in self._files:
            return False
        digest, owner = self._files[source]
        return self._link(target, digest, self._blobs[digest].size, owner)  # (2)!

    def delete(self, name: str) -> bool:
        if name not in self._files:
            return False
        digest, owner = self._files.pop(name)
        blob = self._blobs[digest]
        self._used[owner] -= blob.size
        blob.refs -= 1
        if blob.refs == 0:  # (3)!
            del self._blobs[digest]
        return True

    def physical_bytes(self) -> int:
        return sum(blob.size for blob in self._blobs.values())

    def _link(self, name: str, digest: str, size: int, owner: str) -> bool:
        if name in self._files or self._used[owner] + size > self._capacity[owner]:
            return False
        self._blobs.setdefault(digest, Blob(size)).refs += 1
        self._files[name] = (digest, owner)
        self._used[owner] += size  # (4)!
        return True
# --8<-- [end:dedup]


# --8<-- [start:quota]
def check_then_add(used: dict[str, int], capacity: int, user: str, size: int,
                   pause: Callable[[], object] = lambda: None) -> bool:
    """The level 3 check, unguarded: correct alone, wrong with two threads."""
    if used[user] + size > capacity:
        return False
    pause()  # (1)!
    used[user] += size
    return True


class QuotaLedger:
    """Reserve space before the bytes are written; release it if the write fails."""

    def __init__(self, capacity: dict[str, int]) -> None:
        self._capacity = dict(capacity)
        self._used = dict.fromkeys(capacity, 0)
        self._locks = {user: threading.Lock() for user in capacity}  # (2)!

    def reserve(self, user: str, size: int) -> bool:
        with self._locks[user]:  # (3)!
            if self._used[user] + size > self._capacity[user]:
                return False
            self._used[user] += size
            return True

    def release(self, user: str, size: int) -> None:
        with self._locks[user]:
            self._used[user] -= size

    def used(self, user: str) -> int:
        with self._locks[user]:
            return self._used[user]


def upload(ledger: QuotaLedger, user: str, size: int, write: Callable[[], None]) -> bool:
    """Reserve, write the bytes outside any lock, and give the space back on failure."""
    if not ledger.reserve(user, size):
        return False
    try:
        write()  # (4)!
    except OSError:
        ledger.release(user, size)
        return False
    return True
# --8<-- [end:quota]
