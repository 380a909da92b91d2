"""Banking system, level 2: level 1 plus TOP_SPENDERS.

Our own practice problem (no source of this site reports it). Every query is
[OPERATION, timestamp, arguments...]; timestamps strictly increase. The rules
are on the page, docs/coding/banking-system.md, and tested in
tests/coding/banking_system/.

>>> solution([["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
...           ["DEPOSIT", "3", "a", "50"], ["TRANSFER", "4", "a", "b", "20"],
...           ["TOP_SPENDERS", "5", "2"]])
['true', 'true', '50', '30', 'a(20), b(0)']
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Callable


# --8<-- [start:records]
@dataclass
class Account:
    balance: int = 0
    outgoing: int = 0  # the total the account has sent
# --8<-- [end:records]


# --8<-- [start:bank]
class Bank:
    """Accounts named by a string id, each with a whole-number balance."""

    def __init__(self) -> None:
        self._accounts: dict[str, Account] = {}
        self._clock: int | None = None  # the timestamp of the latest query

    # --8<-- [start:level1]
    def create_account(self, at: int, account: str) -> str:
        if account in self._accounts:
            return "false"
        self._accounts[account] = Account()
        return "true"

    def deposit(self, at: int, account: str, amount: int) -> str:
        if account not in self._accounts:
            return ""
        return str(self._move(at, account, amount))

    def transfer(self, at: int, source: str, target: str, amount: int) -> str:
        accounts = self._accounts
        if source == target or source not in accounts or target not in accounts:
            return ""
        if accounts[source].balance < amount:
            return ""
        accounts[source].outgoing += amount
        self._move(at, target, amount)
        return str(self._move(at, source, -amount))

    def _move(self, at: int, account: str, delta: int) -> int:
        """Change one balance; every deposit and transfer comes through here."""
        found = self._accounts[account]
        found.balance += delta
        return found.balance
    # --8<-- [end:level1]

    # --8<-- [start:top]
    def top_spenders(self, at: int, n: int) -> str:
        top = heapq.nsmallest(n, self._accounts.items(),
                              key=lambda item: (-item[1].outgoing, item[0]))  # (1)!
        return ", ".join(f"{account}({found.outgoing})" for account, found in top)
    # --8<-- [end:top]

    # --8<-- [start:advance]
    def advance(self, at: int) -> None:
        """Move the clock to `at`; every query calls this before it runs."""
        if self._clock is not None and at <= self._clock:
            raise ValueError(f"timestamps must increase: {at} after {self._clock}")
        self._clock = at
    # --8<-- [end:advance]
# --8<-- [end:bank]


# --8<-- [start:dispatch]
def whole(text: str) -> int:
    """A timestamp or a count: digits only, so "-5", "2.5" and "" are refused.

    >>> whole("0"), whole("007")
    (0, 7)
    >>> whole("2.5")
    Traceback (most recent call last):
    ...
    ValueError: a whole number
    """
    if not (text.isascii() and text.isdigit()):
        raise ValueError("a whole number")
    return int(text)


def positive(text: str) -> int:
    """An amount: a whole number of at least 1.

    >>> positive("250")
    250
    >>> positive("0")
    Traceback (most recent call last):
    ...
    ValueError: a positive whole number
    """
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        raise ValueError("a positive whole number")
    return int(text)


# Each operation: the method that runs it and how to read each argument, the timestamp first.
OPERATIONS: dict[str, tuple[Callable[..., str], tuple[Callable[[str], object], ...]]] = {
    "CREATE_ACCOUNT": (Bank.create_account, (whole, str)),
    "DEPOSIT": (Bank.deposit, (whole, str, positive)),
    "TRANSFER": (Bank.transfer, (whole, str, str, positive)),
    "TOP_SPENDERS": (Bank.top_spenders, (whole, whole)),
}


def run(bank: Bank, query: list[str]) -> str:
    """Run one query; a malformed query raises ValueError instead of guessing.

    >>> run(Bank(), ["WITHDRAW", "1", "a", "5"])
    Traceback (most recent call last):
    ...
    ValueError: unknown operation 'WITHDRAW'
    >>> run(Bank(), ["DEPOSIT", "1", "a"])
    Traceback (most recent call last):
    ...
    ValueError: DEPOSIT takes 3 arguments, got 2
    """
    name, *args = query
    if name not in OPERATIONS:
        raise ValueError(f"unknown operation {name!r}")
    method, readers = OPERATIONS[name]
    if len(args) != len(readers):
        raise ValueError(f"{name} takes {len(readers)} arguments, got {len(args)}")
    converted = []
    for position, (read, arg) in enumerate(zip(readers, args), start=1):
        try:
            converted.append(read(arg))
        except ValueError as error:
            raise ValueError(f"{name}: argument {position} must be {error}, got {arg!r}") from None
    bank.advance(converted[0])
    return method(bank, *converted)


def solution(queries: list[list[str]]) -> list[str]:
    """Run the queries in order on an empty bank; one string per query."""
    bank = Bank()
    return [run(bank, query) for query in queries]
# --8<-- [end:dispatch]
