"""Minute budgets for the persistent-LRU problem: this site's own plan.

The source gives the problem (an LRU memoizer, then a follow-up on surviving a
crash) but no length. PracHub's SWE guide (updated 2026-06-15) gives its live
coding screen as usually 50-55 minutes; we plan for 50. The 90-minute plan is
for practice at home, where you write all three levels in full. The page,
docs/coding/persistent-lru.md, shows both.

>>> checkpoints(LIVE)
[('questions', 5), ('level 1', 20), ('level 2', 35), ('level 3, talk and sketch', 47), ('wrap-up', 50)]
>>> checkpoints(PRACTICE)
[('read and assume', 5), ('level 1', 20), ('level 2', 45), ('level 3', 80), ('spare', 90)]
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its rules
LIVE = [("questions", 5), ("level 1", 15), ("level 2", 15), ("level 3, talk and sketch", 12),
        ("wrap-up", 3)]
PRACTICE = [("read and assume", 5), ("level 1", 15), ("level 2", 25), ("level 3", 35),
            ("spare", 10)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
