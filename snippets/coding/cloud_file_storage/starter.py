"""Your cloud file storage: copy this file, build it level by level, test it.

    cp snippets/coding/cloud_file_storage/starter.py my_storage.py
    python3 dev.py practice cloud-file-storage --impl my_storage.py --level 1

The level tests call `solution(queries)` with a list of queries, each a list of
strings such as ["ADD_FILE", "/dir/a.txt", "100"], and compare the list of
strings it returns, one per query; sizes and capacities come back as decimal
strings ("100"). Raise the level when the tests pass (--level 2, 3, 4).
The rules of each level are on the page: docs/coding/cloud-file-storage.md.
Level 4 (compression) follows a candidate's report; levels 1-3 are the site's
reconstruction of what leads up to it.
"""
from __future__ import annotations


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order on an empty store; one string per query."""
    raise NotImplementedError("start with level 1: ADD_FILE, GET_FILE_SIZE and DELETE_FILE")
