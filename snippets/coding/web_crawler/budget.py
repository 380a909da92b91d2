"""Minute budgets for the web crawler: this site's own plans.

The one source that reports a crawler question (the candidate report, SWE
loop, 2026) places it in an onsite round on ingesting a billion documents and
gives no length for it. The lengths here come from PracHub's SWE guide
(updated 2026-06-15): a live coding screen of usually 50-55 minutes and
final-loop interviews of about 45-55 minutes each. How to split them is ours:
55 minutes (LIVE), 45 minutes (SHORT, the short end, or a long round that loses
ten minutes to introductions and questions) and a 50-minute design round.
The page, docs/coding/web-crawler.md, shows all three plans
(tests/coding/web_crawler/test_reference.py keeps it equal to them).

>>> checkpoints(LIVE)
[('questions', 4), ('level 1', 18), ('level 2', 32), ('level 3', 46), ('follow-ups', 53), ('wrap-up', 55)]
>>> checkpoints(SHORT)
[('questions', 3), ('level 1', 14), ('level 2', 26), ('level 3', 38), ('follow-ups', 43), ('wrap-up', 45)]
>>> checkpoints(DESIGN)
[('scope and numbers', 8), ('one-machine crawler', 20), ('many machines', 33), ('failures and freshness', 45), ('wrap-up', 50)]
"""
from __future__ import annotations

from itertools import accumulate

# (part, minutes); each level's minutes include reading or hearing its rules
LIVE = [("questions", 4), ("level 1", 14), ("level 2", 14), ("level 3", 14), ("follow-ups", 7),
        ("wrap-up", 2)]
SHORT = [("questions", 3), ("level 1", 11), ("level 2", 12), ("level 3", 12), ("follow-ups", 5),
         ("wrap-up", 2)]
DESIGN = [("scope and numbers", 8), ("one-machine crawler", 12), ("many machines", 13),
          ("failures and freshness", 12), ("wrap-up", 5)]
OVERRUN = 4  # minutes past a level's budget before the triage rule applies


def checkpoints(plan: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """The minute from the start by which each part should be done."""
    return list(zip((part for part, _ in plan), accumulate(minutes for _, minutes in plan)))
