"""Minute budgets for the retries problem: this site's own plan.

No source reports this problem, so none times it. The length is the live coding
screen PracHub's SWE guide (updated 2026-06-15) gives, usually 50-55 minutes,
at its short end after introductions. The split, and the test-gated variant,
are ours. The page, docs/coding/retries-with-backoff.md, shows both plans.

>>> checkpoints(LIVE)
[('questions', 4), ('level 1', 13), ('level 2', 27), ('level 3', 40), ('follow-ups', 43), ('wrap-up', 45)]
>>> checkpoints(GATED)
[('read and assume', 4), ('level 1', 13), ('level 2', 28), ('level 3', 42), ('spare', 45)]
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading its rules
LIVE = [("questions", 4), ("level 1", 9), ("level 2", 14), ("level 3", 13), ("follow-ups", 3),
        ("wrap-up", 2)]
GATED = [("read and assume", 4), ("level 1", 9), ("level 2", 15), ("level 3", 14), ("spare", 3)]
OVERRUN = 5  # minutes past a level's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
