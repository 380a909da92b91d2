"""Minute budgets for the duplicate-file finder: this site's own plan.

No source reports this problem, so no source gives its length. We plan it as a
45-minute round: PracHub's SWE guide (updated 2026-06-15) gives its live coding
screen as usually 50-55 minutes and its final-loop interviews as about 45-55
minutes each, and we plan for the short end. The split is ours. The page,
docs/coding/duplicate-file-finder.md, shows both plans.

>>> checkpoints(LIVE)
[('questions', 5), ('level 1', 15), ('level 2', 27), ('level 3', 39), ('follow-ups', 43), ('wrap-up', 45)]
>>> checkpoints(GATED)
[('read and assume', 4), ('level 1', 14), ('level 2', 26), ('level 3', 40), ('own edge tests', 45)]
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its rules
LIVE = [("questions", 5), ("level 1", 10), ("level 2", 12), ("level 3", 12), ("follow-ups", 4),
        ("wrap-up", 2)]
GATED = [("read and assume", 4), ("level 1", 10), ("level 2", 12), ("level 3", 14),
         ("own edge tests", 5)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
