"""Your in-memory database: copy this file, build it level by level, test it.

    cp snippets/coding/in_memory_database/starter.py my_db.py
    python3 dev.py practice in-memory-database --impl my_db.py --level 1

The level tests call `solution(queries)` with a list of queries, each a list of
strings such as ["SET", "A", "B", "E"], and compare the list of strings it
returns, one per query. Raise the level when the tests pass (--level 2, 3, 4).
The rules of each level are on the page: docs/coding/in-memory-database.md.
Levels 1-3 follow a candidate's report; level 4 (BACKUP and RESTORE) is the
site's own extension, not from any source.
"""
from __future__ import annotations


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order on an empty database; one string per query."""
    raise NotImplementedError("start with level 1: SET, GET and DELETE")
