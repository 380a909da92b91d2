"""Minute budgets for the in-memory database round: this site's own plan.

The lengths come from the sources: a 90-minute, four-level challenge in the
candidate report (SWE loop, 2026) and live coding screens of usually 50-55 minutes
in the PracHub SWE guide (updated 2026-06-15). How to split them is ours. The page,
docs/coding/in-memory-database.md, shows these plans as its two budget tables
(tests/coding/in_memory_database/test_reference.py keeps them equal).

>>> checkpoints(NINETY)
[('level 1', 15), ('level 2', 25), ('level 3', 55), ('level 4', 80), ('spare', 90)]
>>> checkpoints(FIFTY)
[('questions', 5), ('level 1', 15), ('level 2', 22), ('level 3', 40), ('next change', 47), ('wrap-up', 50)]
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its spec
NINETY = [("level 1", 15), ("level 2", 10), ("level 3", 30), ("level 4", 25), ("spare", 10)]
FIFTY = [("questions", 5), ("level 1", 10), ("level 2", 7), ("level 3", 18),
         ("next change", 7), ("wrap-up", 3)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
