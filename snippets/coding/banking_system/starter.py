"""Your banking system: copy this file, build it level by level, test it.

    cp snippets/coding/banking_system/starter.py my_bank.py
    python3 dev.py practice banking-system --impl my_bank.py --level 1

The level tests call `solution(queries)` with a list of queries, each a list of
strings whose first two items are the operation and its timestamp, such as
["DEPOSIT", "2", "acc1", "500"], and compare the list of strings it returns,
one per query; balances come back as decimal strings ("500"). Raise the level
when the tests pass (--level 2, 3, 4). The rules of every level, including
the order in which due payments and cashbacks settle, are on the page:
docs/coding/banking-system.md. This is the site's own practice problem.
"""
from __future__ import annotations


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order on an empty bank; one string per query."""
    raise NotImplementedError("start with level 1: CREATE_ACCOUNT, DEPOSIT and TRANSFER")
