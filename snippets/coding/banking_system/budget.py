"""Minute budgets for the banking system: this site's own plan.

The lengths come from the sources: a 90-minute, four-level, test-gated challenge
in the candidate report (SWE loop, 2026) and live coding screens of usually
50-55 minutes in the PracHub SWE guide (updated 2026-06-15). Neither source
reports this problem; the split is ours. The page, docs/coding/banking-system.md,
prints both plans with `plan`.

>>> print(plan(NINETY))
level 1    12 min, done by minute 12
level 2     8 min, done by minute 20
level 3    30 min, done by minute 50
level 4    30 min, done by minute 80
spare      10 min, done by minute 90
>>> sum(minutes for _, minutes in LIVE)
50
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its spec
NINETY = [("level 1", 12), ("level 2", 8), ("level 3", 30), ("level 4", 30), ("spare", 10)]
LIVE = [("questions", 4), ("level 1", 7), ("level 2", 5), ("level 3", 18), ("level 4", 11),
        ("wrap-up", 5)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def plan(parts: list[tuple[str, int]]) -> str:
    """Each part, its minutes, and the minute from the start by which it should be done."""
    ends = accumulate(minutes for _, minutes in parts)
    return "\n".join(f"{part:<10} {minutes:>2} min, done by minute {end}"
                     for (part, minutes), end in zip(parts, ends))
