"""Banking system, the reference: all four levels (accounts, top spenders,
scheduled payments with cashback, merges with balances in the past).

No source of this site reports this problem; it is our own practice problem for
the test-gated, four-level format. Every rule is stated on the page,
docs/coding/banking-system.md, and tested in tests/coding/banking_system/.

Every query is [OPERATION, timestamp, arguments...]; timestamps are whole
milliseconds and strictly increase from one query to the next.

The ordering rule: before a query at time t runs, every payment and cashback due
at or before t is settled, earliest due time first; at one due time, cashbacks
before payments, and payments in the order they were scheduled.

>>> solution([["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", "500"],
...           ["SCHEDULE_PAYMENT", "3", "a", "100", "7"], ["GET_PAYMENT_STATUS", "9", "a", "payment1"],
...           ["GET_PAYMENT_STATUS", "10", "a", "payment1"], ["GET_BALANCE", "86400010", "a", "9"],
...           ["GET_BALANCE", "86400011", "a", "86400010"]])
['true', '500', 'payment1', 'SCHEDULED', 'PAID', '500', '402']
"""
from __future__ import annotations

import heapq
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

CASHBACK_DELAY_MS = 86_400_000  # a cashback arrives one day after its payment ran
CASHBACK_PERCENT = 2            # of the payment, rounded down to a whole unit
CASHBACK, PAYMENT = 0, 1        # at one due time, cashbacks settle before payments


# --8<-- [start:records]
@dataclass
class Account:
    balance: int = 0
    outgoing: int = 0  # level 2: sent by transfers and (level 3) paid by payments
    payments: list[str] = field(default_factory=list)  # level 4: ids it owns, for merges


@dataclass
class Payment:
    owner: str                   # an account id; a merge hands it to the survivor
    amount: int
    status: str = "SCHEDULED"    # then CANCELLED, FAILED, or PAID then CASHBACK_RECEIVED
# --8<-- [end:records]


# --8<-- [start:bank]
class Bank:
    """Accounts named by a string id, each with a whole-number balance."""

    def __init__(self) -> None:
        self._accounts: dict[str, Account] = {}
        self._clock: int | None = None  # the timestamp of the latest query
        self._payments: dict[str, Payment] = {}
        self._due: list[tuple[int, int, int, str]] = []  # (due, kind, number, payment id)
        self._history: dict[str, list[tuple[int, int | None]]] = {}  # id -> (time, balance)

    # --8<-- [start:level1]
    def create_account(self, at: int, account: str) -> str:
        if account in self._accounts:
            return "false"
        self._accounts[account] = Account()
        self._history.setdefault(account, []).append((at, 0))  # (1)!
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
        """Change one balance: every deposit, transfer, payment, cashback and merge."""
        found = self._accounts[account]
        found.balance += delta
        self._history[account].append((at, found.balance))  # (2)!
        return found.balance
    # --8<-- [end:level1]

    # --8<-- [start:top]
    def top_spenders(self, at: int, n: int) -> str:
        top = heapq.nsmallest(n, self._accounts.items(),
                              key=lambda item: (-item[1].outgoing, item[0]))
        return ", ".join(f"{account}({found.outgoing})" for account, found in top)
    # --8<-- [end:top]

    # --8<-- [start:advance]
    def advance(self, at: int) -> None:
        """Move the clock to `at`, settling everything due at or before it first."""
        if self._clock is not None and at <= self._clock:
            raise ValueError(f"timestamps must increase: {at} after {self._clock}")
        self._clock = at
        while self._due and self._due[0][0] <= at:  # (1)!
            due, kind, number, payment_id = heapq.heappop(self._due)
            payment = self._payments[payment_id]
            if kind == CASHBACK:
                self._move(due, payment.owner, payment.amount * CASHBACK_PERCENT // 100)
                payment.status = "CASHBACK_RECEIVED"
            elif payment.status == "SCHEDULED":  # (2)!
                self._pay(due, number, payment_id, payment)

    def _pay(self, due: int, number: int, payment_id: str, payment: Payment) -> None:
        owner = self._accounts[payment.owner]
        if owner.balance < payment.amount:
            payment.status = "FAILED"
            return
        owner.outgoing += payment.amount
        self._move(due, payment.owner, -payment.amount)
        payment.status = "PAID"
        heapq.heappush(self._due, (due + CASHBACK_DELAY_MS, CASHBACK, number, payment_id))  # (3)!
    # --8<-- [end:advance]

    # --8<-- [start:payments]
    def schedule_payment(self, at: int, account: str, amount: int, delay: int) -> str:
        if account not in self._accounts:
            return ""
        number = len(self._payments) + 1
        payment_id = f"payment{number}"
        self._payments[payment_id] = Payment(account, amount)
        self._accounts[account].payments.append(payment_id)
        heapq.heappush(self._due, (at + delay, PAYMENT, number, payment_id))
        return payment_id

    def cancel_payment(self, at: int, account: str, payment_id: str) -> str:
        payment = self._owned(account, payment_id)
        if payment is None or payment.status != "SCHEDULED":
            return "false"
        payment.status = "CANCELLED"  # (1)!
        return "true"

    def get_payment_status(self, at: int, account: str, payment_id: str) -> str:
        payment = self._owned(account, payment_id)
        return "" if payment is None else payment.status

    def _owned(self, account: str, payment_id: str) -> Payment | None:
        payment = self._payments.get(payment_id)
        if account not in self._accounts or payment is None or payment.owner != account:
            return None
        return payment
    # --8<-- [end:payments]

    # --8<-- [start:merge]
    def merge_accounts(self, at: int, keep: str, gone: str) -> str:
        accounts = self._accounts
        if keep == gone or keep not in accounts or gone not in accounts:
            return "false"
        merged = accounts.pop(gone)
        for payment_id in merged.payments:  # (1)!
            self._payments[payment_id].owner = keep
        accounts[keep].payments += merged.payments
        accounts[keep].outgoing += merged.outgoing
        self._move(at, keep, merged.balance)
        self._history[gone].append((at, None))  # (2)!
        return "true"

    def get_balance(self, at: int, account: str, time_at: int) -> str:
        if time_at > at:
            raise ValueError(f"GET_BALANCE: time {time_at} is after the query's timestamp {at}")
        history = self._history.get(account, [])
        index = bisect_right(history, time_at, key=lambda entry: entry[0])  # (3)!
        balance = history[index - 1][1] if index else None
        return "" if balance is None else str(balance)
    # --8<-- [end:merge]
# --8<-- [end:bank]


# --8<-- [start:dispatch]
def whole(text: str) -> int:
    """A timestamp or a count: digits only, so "-5", "2.5" and "" are refused.

    >>> whole("0"), whole("007")
    (0, 7)
    >>> whole("-5")
    Traceback (most recent call last):
    ...
    ValueError: a whole number
    """
    if not (text.isascii() and text.isdigit()):
        raise ValueError("a whole number")
    return int(text)


def positive(text: str) -> int:
    """An amount or a delay: a whole number of at least 1.

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
    "SCHEDULE_PAYMENT": (Bank.schedule_payment, (whole, str, positive, positive)),
    "CANCEL_PAYMENT": (Bank.cancel_payment, (whole, str, str)),
    "GET_PAYMENT_STATUS": (Bank.get_payment_status, (whole, str, str)),
    "MERGE_ACCOUNTS": (Bank.merge_accounts, (whole, str, str)),
    "GET_BALANCE": (Bank.get_balance, (whole, str, whole)),
}


def run(bank: Bank, query: list[str]) -> str:
    """Run one query; a malformed query raises ValueError instead of guessing.

    >>> run(Bank(), ["DEPOSIT", "1", "a", "0"])
    Traceback (most recent call last):
    ...
    ValueError: DEPOSIT: argument 3 must be a positive whole number, got '0'
    >>> run(Bank(), ["GET_BALANCE", "5", "a", "6"])
    Traceback (most recent call last):
    ...
    ValueError: GET_BALANCE: time 6 is after the query's timestamp 5
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
