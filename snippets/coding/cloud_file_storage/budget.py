"""Minute budgets for the cloud file storage challenge: this site's own plan.

The lengths come from the sources: a 90-minute, four-level challenge in the
candidate report (SWE loop, 2026) and live coding screens of usually 50-55
minutes in the PracHub SWE guide (updated 2026-06-15). How to split them is ours.
The page, docs/coding/cloud-file-storage.md, prints both plans with `plan`.

>>> print(plan(NINETY))
level 1    10 min, done by minute 10
level 2    10 min, done by minute 20
level 3    30 min, done by minute 50
level 4    25 min, done by minute 75
spare      15 min, done by minute 90
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its spec
NINETY = [("level 1", 10), ("level 2", 10), ("level 3", 30), ("level 4", 25), ("spare", 15)]
LIVE = [("questions", 4), ("level 1", 6), ("level 2", 6), ("level 3", 14), ("level 4", 15),
        ("wrap-up", 5)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def plan(parts: list[tuple[str, int]]) -> str:
    """Each part, its minutes, and the minute from the start by which it should be done."""
    ends = accumulate(minutes for _, minutes in parts)
    return "\n".join(f"{part:<10} {minutes:>2} min, done by minute {end}"
                     for (part, minutes), end in zip(parts, ends))
