"""Reference solution for docs/$section/$slug.md (all levels).

# write: replace this with the real solution; keep every example the source gives
# as a doctest here, and keep each earlier level's state as levelN.py beside it.

>>> solution([["PING"]])
['PONG']
"""
from __future__ import annotations


# --8<-- [start:solution]
def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order; one string per query."""
    return ["PONG" for _ in queries]
# --8<-- [end:solution]
