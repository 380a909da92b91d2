"""Two follow-ups to the banking system, as code: this site's own material.

No source gives these; they answer questions we expect a senior interviewer to
ask once the four levels pass. The page, docs/coding/banking-system.md,
discusses them, and tests/coding/banking_system/test_reference.py tests them.

- `IdempotentBank`: a client that timed out and retries a transfer must not
  move the money twice; a request id makes a retry return the first answer.
- `LockedAccounts`: transfers from many threads at once, with no overdraft and
  no deadlock; `unguarded_transfer` is the racy version it replaces.
"""
from __future__ import annotations

import threading
from typing import Callable

from snippets.coding.banking_system.solution import Bank, run


# --8<-- [start:idempotent]
class IdempotentBank:
    """The reference behind request ids: a repeated id gets the first answer back.

    >>> bank = IdempotentBank()
    >>> [bank.run(f"r{i}", q) for i, q in enumerate([["CREATE_ACCOUNT", "1", "a"],
    ...     ["CREATE_ACCOUNT", "2", "b"], ["DEPOSIT", "3", "a", "100"]])]
    ['true', 'true', '100']
    >>> bank.run("t1", ["TRANSFER", "4", "a", "b", "30"])
    '70'
    >>> bank.run("t1", ["TRANSFER", "9", "a", "b", "30"])   # the retry: same answer
    '70'
    >>> bank.run("d2", ["DEPOSIT", "10", "a", "1"])         # and no second transfer
    '71'
    """

    def __init__(self) -> None:
        self._bank = Bank()
        self._answers: dict[str, tuple[tuple[str, ...], str]] = {}

    def run(self, request_id: str, query: list[str]) -> str:
        name, _, *args = query
        asked = (name, *args)  # (1)!
        if request_id in self._answers:
            first, answer = self._answers[request_id]
            if first != asked:  # (2)!
                raise ValueError(f"request id {request_id!r} was first used for {' '.join(first)}")
            return answer  # (3)!
        answer = run(self._bank, query)
        self._answers[request_id] = (asked, answer)  # (4)!
        return answer
# --8<-- [end:idempotent]


# --8<-- [start:locks]
def unguarded_transfer(balances: dict[str, int], source: str, target: str, amount: int,
                       pause: Callable[[], object] = lambda: None) -> bool:
    """The level 1 check and move, with no lock: correct alone, wrong with two threads."""
    if balances[source] < amount:
        return False
    pause()  # (1)!
    balances[source] -= amount
    balances[target] += amount
    return True


class LockedAccounts:
    """Balances with one lock per account, taken in one global order."""

    def __init__(self, balances: dict[str, int]) -> None:
        self._balances = dict(balances)
        self._locks = {account: threading.Lock() for account in balances}

    def transfer(self, source: str, target: str, amount: int) -> bool:
        if source == target:
            return False
        first, second = lock_order(source, target)
        with self._locks[first], self._locks[second]:  # (2)!
            if self._balances[source] < amount:
                return False
            self._balances[source] -= amount
            self._balances[target] += amount
            return True

    def balances(self) -> dict[str, int]:
        """A consistent snapshot: every lock, in the same order."""
        held = [self._locks[account] for account in sorted(self._locks)]
        for lock in held:
            lock.acquire()
        try:
            return dict(self._balances)
        finally:
            for lock in reversed(held):
                lock.release()


def lock_order(source: str, target: str) -> tuple[str, str]:
    """Both transfers between two accounts lock the same account first.

    >>> lock_order("b", "a") == lock_order("a", "b") == ("a", "b")
    True
    """
    return (source, target) if source < target else (target, source)  # (3)!
# --8<-- [end:locks]
