"""Cloud file storage, level 3: levels 1-2 plus users with a capacity, and copies.

Levels 1-3 are this site's reconstruction, not a source's: the candidate report
(SWE loop, 2026) gives only the problem's level 4, whose example uses ADD_USER,
ADD_FILE_BY and COPY_FILE without defining them. A user's remaining capacity is
their capacity minus the sizes of the files they own now; files added with
ADD_FILE belong to an administrator with no limit. The rules are on the page,
docs/coding/cloud-file-storage.md, and tested in tests/coding/cloud_file_storage/.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Callable


# --8<-- [start:records]
@dataclass(frozen=True)
class File:
    size: int
    owner: str | None = None  # None: the administrator (ADD_FILE), no limit


@dataclass
class User:
    capacity: int
    used: int = 0  # the sizes of the files the user owns now, summed

    @property
    def left(self) -> int:
        return self.capacity - self.used
# --8<-- [end:records]


# --8<-- [start:store]
class Storage:
    """Files named by a unique path-like string, each with a size and an owner."""

    def __init__(self) -> None:
        self._files: dict[str, File] = {}
        self._users: dict[str, User] = {}

    # --8<-- [start:level1]
    def add_file(self, name: str, size: int) -> str:
        return "true" if self._store(name, File(size)) else "false"

    def get_file_size(self, name: str) -> str:
        file = self._files.get(name)
        return "" if file is None else str(file.size)

    def delete_file(self, name: str) -> str:
        file = self._files.pop(name, None)
        if file is None:
            return ""
        self._charge(file.owner, -file.size)  # (1)!
        return str(file.size)
    # --8<-- [end:level1]

    # --8<-- [start:largest]
    def get_n_largest(self, prefix: str, n: int) -> str:
        matches = [(name, f.size) for name, f in self._files.items()
                   if name.startswith(prefix)]
        top = heapq.nsmallest(n, matches, key=lambda m: (-m[1], m[0]))  # (1)!
        return ", ".join(f"{name}({size})" for name, size in top)
    # --8<-- [end:largest]

    # --8<-- [start:users]
    def add_user(self, user: str, capacity: int) -> str:
        if user in self._users:
            return "false"
        self._users[user] = User(capacity)
        return "true"

    def add_file_by(self, user: str, name: str, size: int) -> str:
        if user not in self._users or not self._store(name, File(size, user)):
            return ""
        return str(self._users[user].left)

    def copy_file(self, source: str, target: str) -> str:
        file = self._files.get(source)
        if file is None:
            return "false"
        return "true" if self._store(target, File(file.size, file.owner)) else "false"  # (1)!

    def _store(self, name: str, file: File) -> bool:
        """Add `file` under `name` if the name is free and its owner has room."""
        if name in self._files or not self._fits(file.owner, file.size):
            return False
        self._files[name] = file
        self._charge(file.owner, file.size)
        return True

    def _fits(self, owner: str | None, extra: int) -> bool:
        """Can `owner` take `extra` more bytes? Filling up exactly is allowed."""
        return owner is None or self._users[owner].used + extra <= self._users[owner].capacity

    def _charge(self, owner: str | None, delta: int) -> None:
        if owner is not None:  # the administrator's usage is never tracked
            self._users[owner].used += delta
    # --8<-- [end:users]
# --8<-- [end:store]


# --8<-- [start:dispatch]
def count(text: str) -> int:
    """A size, a capacity or n: digits only, so "-5", "2.5" and "" are refused.

    >>> count("500"), count("007")
    (500, 7)
    >>> count("-5")
    Traceback (most recent call last):
    ...
    ValueError: not a whole number
    """
    if not (text.isascii() and text.isdigit()):
        raise ValueError("not a whole number")
    return int(text)


# Each operation: the method that runs it and how to read each argument.
OPERATIONS: dict[str, tuple[Callable[..., str], tuple[Callable[[str], object], ...]]] = {
    "ADD_FILE": (Storage.add_file, (str, count)),
    "GET_FILE_SIZE": (Storage.get_file_size, (str,)),
    "DELETE_FILE": (Storage.delete_file, (str,)),
    "GET_N_LARGEST": (Storage.get_n_largest, (str, count)),
    "ADD_USER": (Storage.add_user, (str, count)),
    "ADD_FILE_BY": (Storage.add_file_by, (str, str, count)),
    "COPY_FILE": (Storage.copy_file, (str, str)),
}


def run(storage: Storage, query: list[str]) -> str:
    """Run one query; a malformed query raises ValueError instead of guessing.

    >>> run(Storage(), ["ADD_FILE", "/a", "-5"])
    Traceback (most recent call last):
    ...
    ValueError: ADD_FILE: argument 2 must be a whole number, got '-5'
    """
    name, *args = query
    if name not in OPERATIONS:
        raise ValueError(f"unknown operation {name!r}")
    method, readers = OPERATIONS[name]
    if len(args) != len(readers):
        raise ValueError(f"{name} takes {len(readers)} arguments, got {len(args)}")
    converted = []
    for position, (read, arg) in enumerate(zip(readers, args), start=1):
        try:
            converted.append(read(arg))
        except ValueError:
            raise ValueError(f"{name}: argument {position} must be a whole number,"
                             f" got {arg!r}") from None
    return method(storage, *converted)


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order on an empty store; one string per query."""
    storage = Storage()
    return [run(storage, query) for query in queries]
# --8<-- [end:dispatch]
