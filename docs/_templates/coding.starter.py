"""Your solution to docs/$section/$slug.md: copy this file, fill it in, test it.

    cp snippets/$section/$key/starter.py mine.py
    python3 dev.py practice $slug --impl mine.py --level 1
"""
from __future__ import annotations


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order; return one string per query."""
    raise NotImplementedError("start with level 1")
