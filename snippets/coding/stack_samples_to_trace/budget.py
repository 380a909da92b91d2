"""Minute budgets for the stack-samples round: this site's own plan.

The 45 minutes come from the sources: PracHub's SWE guide (updated 2026-06-15)
gives its live coding screen as usually 50-55 minutes and its final-loop
interviews as about 45-55 minutes each; we plan for the short end, after
introductions. How to split the time is ours. The page,
docs/coding/stack-samples-to-trace.md, shows both plans.

>>> checkpoints(LIVE)
[('questions', 5), ('level 1', 20), ('level 2', 35), ('follow-ups', 42), ('wrap-up', 45)]
>>> checkpoints(GATED)
[('read and assume', 5), ('level 1', 20), ('level 2', 35), ('own edge tests', 42), ('spare', 45)]
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its rules
LIVE = [("questions", 5), ("level 1", 15), ("level 2", 15), ("follow-ups", 7), ("wrap-up", 3)]
GATED = [("read and assume", 5), ("level 1", 15), ("level 2", 15), ("own edge tests", 7),
         ("spare", 3)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
