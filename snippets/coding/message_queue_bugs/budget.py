"""Minute budget for docs/coding/message-queue-bugs.md: this site's own plan.

No source gives the length of the round that reported this question (the
candidate report gives four hours for an onsite of four interviews); PracHub's
SWE guide (updated 2026-06-15) puts final-loop interviews at about 45-55 minutes.
We plan 45 minutes for the whole hunt, and 15, our own figure, for the talk-only
form (the candidate report heard the question inside a discussion round). The page's budget table shows FULL
(tests/coding/message_queue_bugs/test_reference.py keeps them equal).

>>> checkpoints(FULL)
[('restate and ask', 3), ('read and inventory', 13), ('find and explain', 28), ('fix', 38), ('prove and wrap up', 45)]
>>> checkpoints(TALK)
[('restate and ask', 2), ('inventory aloud', 6), ('bugs and fixes aloud', 13), ('how to prove it', 15)]
"""
from __future__ import annotations

from itertools import accumulate

FULL = [("restate and ask", 3), ("read and inventory", 10), ("find and explain", 15),
        ("fix", 10), ("prove and wrap up", 7)]
TALK = [("restate and ask", 2), ("inventory aloud", 4), ("bugs and fixes aloud", 7),
        ("how to prove it", 2)]
OVERRUN = 3  # minutes past a part's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
