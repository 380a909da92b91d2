"""In-memory database, level 1: SET, GET and DELETE on records of fields.

The reported examples run as doctests on the page,
docs/coding/in-memory-database.md, and as tests in tests/coding/in_memory_database/.
"""
from __future__ import annotations

from typing import Callable


# --8<-- [start:store]
class Database:
    """Records named by a key; each record maps field names to string values."""

    def __init__(self) -> None:
        self._records: dict[str, dict[str, str]] = {}

    def set(self, key: str, field: str, value: str) -> str:
        self._records.setdefault(key, {})[field] = value
        return ""

    def get(self, key: str, field: str) -> str:
        return self._records.get(key, {}).get(field, "")

    def delete(self, key: str, field: str) -> str:
        record = self._records.get(key)
        if record is None or field not in record:
            return "false"
        del record[field]
        if not record:  # a record with no fields no longer exists
            del self._records[key]
        return "true"
# --8<-- [end:store]


# --8<-- [start:dispatch]
# Each operation: the method that runs it and the type of each argument.
OPERATIONS: dict[str, tuple[Callable[..., str], tuple[type, ...]]] = {
    "SET": (Database.set, (str, str, str)),
    "GET": (Database.get, (str, str)),
    "DELETE": (Database.delete, (str, str)),
}


def run(db: Database, query: list[str]) -> str:
    """Run one query; a malformed query raises ValueError instead of guessing.

    >>> run(Database(), ["PUT", "A", "B", "C"])
    Traceback (most recent call last):
    ...
    ValueError: unknown operation 'PUT'
    >>> run(Database(), ["GET", "A"])
    Traceback (most recent call last):
    ...
    ValueError: GET takes 2 arguments, got 1
    """
    name, *args = query
    if name not in OPERATIONS:
        raise ValueError(f"unknown operation {name!r}")
    method, types = OPERATIONS[name]
    if len(args) != len(types):
        raise ValueError(f"{name} takes {len(types)} arguments, got {len(args)}")
    return method(db, *(kind(arg) for kind, arg in zip(types, args)))


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order on a fresh database; one string per query."""
    db = Database()
    return [run(db, query) for query in queries]
# --8<-- [end:dispatch]
