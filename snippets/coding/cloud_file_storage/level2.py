"""Cloud file storage, level 2: level 1 plus GET_N_LARGEST.

Levels 1-3 are this site's reconstruction, not a source's: the candidate report
(SWE loop, 2026) gives only the problem's level 4, whose example uses operations
it never defines. The rules are on the page, docs/coding/cloud-file-storage.md,
and tested in tests/coding/cloud_file_storage/.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Callable


# --8<-- [start:records]
@dataclass(frozen=True)
class File:
    size: int  # a record, not a bare int: level 3 adds the owner here
# --8<-- [end:records]


# --8<-- [start:store]
class Storage:
    """Files named by a unique path-like string, each with a size."""

    def __init__(self) -> None:
        self._files: dict[str, File] = {}

    def add_file(self, name: str, size: int) -> str:
        if name in self._files:
            return "false"
        self._files[name] = File(size)
        return "true"

    def get_file_size(self, name: str) -> str:
        file = self._files.get(name)
        return "" if file is None else str(file.size)

    def delete_file(self, name: str) -> str:
        file = self._files.pop(name, None)
        return "" if file is None else str(file.size)

    # --8<-- [start:largest]
    def get_n_largest(self, prefix: str, n: int) -> str:
        matches = [(name, f.size) for name, f in self._files.items()
                   if name.startswith(prefix)]
        top = heapq.nsmallest(n, matches, key=lambda m: (-m[1], m[0]))  # (1)!
        return ", ".join(f"{name}({size})" for name, size in top)
    # --8<-- [end:largest]
# --8<-- [end:store]


# --8<-- [start:dispatch]
def count(text: str) -> int:
    """A size or n: digits only, so "-5", "2.5" and "" are refused.

    >>> count("500"), count("007")
    (500, 7)
    >>> count("2.5")
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
}


def run(storage: Storage, query: list[str]) -> str:
    """Run one query; a malformed query raises ValueError instead of guessing.

    >>> run(Storage(), ["PUT_FILE", "/a", "1"])
    Traceback (most recent call last):
    ...
    ValueError: unknown operation 'PUT_FILE'
    >>> run(Storage(), ["GET_FILE_SIZE"])
    Traceback (most recent call last):
    ...
    ValueError: GET_FILE_SIZE takes 1 arguments, got 0
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
