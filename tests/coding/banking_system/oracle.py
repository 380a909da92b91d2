"""A second, deliberately naive model of every level, for the randomised tests.

It shares no code or structure with the reference. There is no queue of due
events: before each query it scans every payment for the earliest thing due,
settles it, and scans again. There is no balance history either: a balance in
the past is found by replaying, on a fresh model, every query that changed
something up to that time. Slow, obvious and independent, which is what an
oracle should be. The problem leaves no question open, so every random
sequence is fair to every reader's file.
"""
from __future__ import annotations

import random

from tests.coding.shared import answers_match

DAY_MS = 24 * 60 * 60 * 1000  # the cashback delay, written out independently
READS = {"TOP_SPENDERS", "GET_PAYMENT_STATUS", "GET_BALANCE"}  # change nothing


class ReplayModel:
    def __init__(self) -> None:
        self.balance: dict[str, int] = {}   # only the accounts that exist now
        self.sent: dict[str, int] = {}
        self.payments: list[dict] = []      # payment N is self.payments[N - 1]
        self.writes: list[list[str]] = []   # every query that may change the state

    def due(self, until: int) -> list[tuple[int, int, int]]:
        """(time, 0 for a cashback or 1 for a payment, payment number), due by `until`."""
        found = []
        for number, p in enumerate(self.payments, start=1):
            if p["status"] == "SCHEDULED" and p["due"] <= until:
                found.append((p["due"], 1, number))
            if p["status"] == "PAID" and p["paid_at"] + DAY_MS <= until:
                found.append((p["paid_at"] + DAY_MS, 0, number))
        return found

    def settle(self, until: int) -> None:
        while found := self.due(until):
            when, kind, number = min(found)
            p = self.payments[number - 1]
            if kind == 0:
                self.balance[p["owner"]] += p["amount"] * 2 // 100
                p["status"] = "CASHBACK_RECEIVED"
            elif self.balance[p["owner"]] >= p["amount"]:
                self.balance[p["owner"]] -= p["amount"]
                self.sent[p["owner"]] += p["amount"]
                p["status"], p["paid_at"] = "PAID", when
            else:
                p["status"] = "FAILED"

    def owned(self, account: str, payment: str) -> dict | None:
        for number, p in enumerate(self.payments, start=1):
            if f"payment{number}" == payment and p["owner"] == account and account in self.balance:
                return p
        return None

    def answer(self, query: list[str]) -> str:
        name, ts, *args = query
        now = int(ts)
        self.settle(now)
        if name not in READS:
            self.writes.append(query)
        if name == "CREATE_ACCOUNT":
            if args[0] in self.balance:
                return "false"
            self.balance[args[0]], self.sent[args[0]] = 0, 0
            return "true"
        if name == "DEPOSIT":
            if args[0] not in self.balance:
                return ""
            self.balance[args[0]] += int(args[1])
            return str(self.balance[args[0]])
        if name == "TRANSFER":
            source, target, amount = args[0], args[1], int(args[2])
            if (source == target or source not in self.balance or target not in self.balance
                    or self.balance[source] < amount):
                return ""
            self.balance[source] -= amount
            self.balance[target] += amount
            self.sent[source] += amount
            return str(self.balance[source])
        if name == "TOP_SPENDERS":
            ranked = sorted(self.sent.items(), key=lambda kv: (-kv[1], kv[0]))
            return ", ".join(f"{a}({s})" for a, s in ranked[:int(args[0])])
        if name == "SCHEDULE_PAYMENT":
            if args[0] not in self.balance:
                return ""
            self.payments.append({"owner": args[0], "amount": int(args[1]),
                                  "due": now + int(args[2]), "status": "SCHEDULED"})
            return f"payment{len(self.payments)}"
        if name == "CANCEL_PAYMENT":
            p = self.owned(args[0], args[1])
            if p is None or p["status"] != "SCHEDULED":
                return "false"
            p["status"] = "CANCELLED"
            return "true"
        if name == "GET_PAYMENT_STATUS":
            p = self.owned(args[0], args[1])
            return "" if p is None else p["status"]
        if name == "MERGE_ACCOUNTS":
            keep, gone = args
            if keep == gone or keep not in self.balance or gone not in self.balance:
                return "false"
            self.balance[keep] += self.balance.pop(gone)
            self.sent[keep] += self.sent.pop(gone)
            for p in self.payments:
                if p["owner"] == gone:
                    p["owner"] = keep
            return "true"
        # GET_BALANCE: replay everything that happened up to the time asked about
        account, then = args[0], int(args[1])
        past = ReplayModel()
        for write in self.writes:
            if int(write[1]) <= then:
                past.answer(write)
        past.settle(then)
        return str(past.balance[account]) if account in past.balance else ""


IDS = ["a", "b", "c", "d"]   # "x" is never created
DEPOSITS = [10, 50, 100, 250, 1000]
TRANSFERS = [1, 20, 60, 150, 400]
PAYMENTS = [49, 50, 100, 149, 300, 700]   # cashbacks 0, 1, 2, 2, 6, 14


def random_queries(seed: int, level: int, count: int = 200) -> list[list[str]]:
    """Queries of the operations up to `level`, over a few clashing ids.

    Timestamps mostly step by 1-3 ms. From level 3, about one query in seven
    lands exactly on a time when a payment or cashback is due, and about one in
    thirty jumps the clock by a day, give or take 3 ms, so cashbacks arrive.
    """
    rng = random.Random(seed)
    model = ReplayModel()
    now, times, queries = 0, [], []
    while len(queries) < count:
        pending = sorted({when for when, _, _ in model.due(10 * DAY_MS * count) if when > now})
        roll = rng.random()
        if pending and roll < 0.15:
            now = rng.choice(pending[:3])
        elif level >= 3 and roll < 0.18:
            now += DAY_MS + rng.randint(-3, 3)
        else:
            now += rng.randint(1, 3)
        at = str(now)
        account, other = rng.choice(IDS + ["x"]), rng.choice(IDS + ["x"])
        existing = [a for a in IDS if a in model.balance]
        if existing and rng.random() < 0.7:
            account = rng.choice(existing)
        choices = [["CREATE_ACCOUNT", at, rng.choice(IDS)]] * (1 + 3 * (len(existing) < 3))
        choices += [["DEPOSIT", at, account, str(rng.choice(DEPOSITS))]] * 3
        choices += [["TRANSFER", at, account, other, str(rng.choice(TRANSFERS))]] * 3
        if level >= 2:
            choices += [["TOP_SPENDERS", at, str(rng.randint(0, 5))]] * 2
        if level >= 3:
            payment = f"payment{rng.randint(1, len(model.payments) + 1)}"
            owner = account
            if model.payments and rng.random() < 0.6:   # often a recent one, by its owner
                number = rng.randint(max(1, len(model.payments) - 3), len(model.payments))
                payment, owner = f"payment{number}", model.payments[number - 1]["owner"]
            choices += [["SCHEDULE_PAYMENT", at, account, str(rng.choice(PAYMENTS)),
                         str(rng.randint(1, 40))]] * 3
            choices += [["CANCEL_PAYMENT", at, owner, payment]]
            choices += [["GET_PAYMENT_STATUS", at, owner, payment]] * 3
        if level >= 4:
            choices += [["MERGE_ACCOUNTS", at, account, other]]
            then = rng.choice([now, rng.randint(0, now), *(times[-20:] or [0])])
            if model.payments and rng.random() < 0.3:   # when a payment was due
                then = min(now, rng.choice(model.payments)["due"])
            choices += [["GET_BALANCE", at, account, str(then)]] * 3
        query = rng.choice(choices)
        model.answer(query)
        queries.append(query)
        times.append(now)
    return queries


def check_against_the_model(solution, queries: list[list[str]]) -> None:
    """Every answer of `solution` equals the model's, or say which query differs."""
    answers_match(ReplayModel(), solution, queries)
