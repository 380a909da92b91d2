"""Behaviour of our reference files that the level tests leave to the reader.

The contract says what every well-formed query returns, and the level tests
check all of it. What a malformed query does (a bad number, a timestamp that
does not increase, a balance asked for in the future) is our choice, so it is
tested here against every kept state of the reference, never against a
reader's file. So are the starter, the page's minute budgets, the invariants
of the reference, the complexity claims on the page (by counting operations),
the oracle's own reach, and the follow-ups of followups.py.
"""
import ast
import heapq
import importlib
import random
import re
import threading
from collections import Counter
from math import ceil, log2
from pathlib import Path

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.banking_system import solution as reference
from snippets.coding.banking_system.budget import LIVE, NINETY, OVERRUN
from snippets.coding.banking_system.followups import (IdempotentBank, LockedAccounts, lock_order,
                                                      unguarded_transfer)
from tests.coding.banking_system.oracle import ReplayModel, random_queries
from tests.coding.shared import CountingDict, kept

PAGE = ROOT / "docs/coding/banking-system.md"
PACKAGE = "snippets.coding.banking_system"
KEPT = kept(__file__)
MODULES = {name: importlib.import_module(f"{PACKAGE}.{name}") for name in KEPT}
REACHES = {"level1": 1, "level2": 2, "level3": 3, "solution": 4}


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "level3", "solution"]


@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize(("query", "message"), [
    (["WITHDRAW", "1", "a", "5"], "unknown operation 'WITHDRAW'"),
    (["DEPOSIT", "1", "a"], "DEPOSIT takes 3 arguments, got 2"),
    (["CREATE_ACCOUNT", "soon", "a"], "CREATE_ACCOUNT: argument 1 must be a whole number, got 'soon'"),
    (["DEPOSIT", "1", "a", "0"], "DEPOSIT: argument 3 must be a positive whole number, got '0'"),
    (["DEPOSIT", "1", "a", "-5"], "DEPOSIT: argument 3 must be a positive whole number, got '-5'"),
    (["TRANSFER", "1", "a", "b", "2.5"], "TRANSFER: argument 4 must be a positive whole number"),
])
def test_a_malformed_query_raises_instead_of_guessing(name, query, message):
    with pytest.raises(ValueError, match=message):
        MODULES[name].solution([["CREATE_ACCOUNT", "0", "a"], query])


@pytest.mark.parametrize("name", KEPT)
@pytest.mark.parametrize("second", ["5", "4"])
def test_a_timestamp_that_does_not_increase_is_refused(name, second):
    with pytest.raises(ValueError, match=f"timestamps must increase: {second} after 5"):
        MODULES[name].solution([["CREATE_ACCOUNT", "5", "a"], ["CREATE_ACCOUNT", second, "b"]])


@pytest.mark.parametrize("name", ["level3", "solution"])
def test_a_delay_of_zero_is_refused(name):
    with pytest.raises(ValueError, match="argument 4 must be a positive whole number, got '0'"):
        MODULES[name].solution([["CREATE_ACCOUNT", "1", "a"], ["SCHEDULE_PAYMENT", "2", "a", "5", "0"]])


def test_a_balance_in_the_future_is_refused():
    with pytest.raises(ValueError, match="time 8 is after the query's timestamp 7"):
        reference.solution([["CREATE_ACCOUNT", "1", "a"], ["GET_BALANCE", "7", "a", "8"]])


def test_the_starter_fails_loudly_until_the_reader_fills_it_in():
    from snippets.coding.banking_system.starter import solution

    with pytest.raises(NotImplementedError, match="level 1"):
        solution([["CREATE_ACCOUNT", "1", "a"]])


def test_the_budgets_fill_their_formats_and_the_page_states_the_triage_rule():
    assert sum(minutes for _, minutes in NINETY) == 90
    assert sum(minutes for _, minutes in LIVE) == 50
    assert f"{OVERRUN} minutes past its budget" in PAGE.read_text()


def cases(path: Path) -> tuple[int, int]:
    """(tests, cases) in a level test module: each parametrize multiplies its test."""
    tests = total = 0
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
            tests, count = tests + 1, 1
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and ast.unparse(decorator.func).endswith("parametrize"):
                    values = decorator.args[1]
                    count *= (len(values.elts) if isinstance(values, (ast.List, ast.Tuple))
                              else ast.literal_eval(values.args[0]))  # range(k)
            total += count
    return tests, total


def test_the_page_counts_the_level_tests_right():
    claimed = re.findall(r"\*\*Level (\d) \((\d+) tests, (\d+) cases\):\*\*", PAGE.read_text())
    assert [int(level) for level, _, _ in claimed] == [1, 2, 3, 4]
    for level, tests, total in claimed:
        assert cases(ROOT / f"tests/coding/banking_system/test_level{level}.py") == (int(tests), int(total))


# Invariants of the reference on random sequences of every level.

def run_all(queries):
    bank = reference.Bank()
    answers = [reference.run(bank, query) for query in queries]
    return bank, answers


@pytest.mark.parametrize("seed", range(10))
def test_money_is_neither_made_nor_lost(seed):
    queries = random_queries(seed, 4, 300)
    bank, answers = run_all(queries)
    deposited = sum(int(q[3]) for q, a in zip(queries, answers) if q[0] == "DEPOSIT" and a)
    paid = [p for p in bank._payments.values() if p.status in {"PAID", "CASHBACK_RECEIVED"}]
    cashback = sum(p.amount * 2 // 100 for p in paid if p.status == "CASHBACK_RECEIVED")
    assert sum(a.balance for a in bank._accounts.values()) == (
        deposited + cashback - sum(p.amount for p in paid))
    assert all(a.balance >= 0 for a in bank._accounts.values())


@pytest.mark.parametrize("seed", range(10))
def test_outgoing_totals_are_every_transfer_sent_and_payment_made(seed):
    queries = random_queries(seed, 4, 300)
    bank, answers = run_all(queries)
    sent = sum(int(q[4]) for q, a in zip(queries, answers) if q[0] == "TRANSFER" and a)
    paid = sum(p.amount for p in bank._payments.values() if p.status in {"PAID", "CASHBACK_RECEIVED"})
    assert sum(a.outgoing for a in bank._accounts.values()) == sent + paid


@pytest.mark.parametrize("seed", range(10))
def test_every_balance_history_is_in_time_order_and_ends_at_the_balance(seed):
    bank, _ = run_all(random_queries(seed, 4, 300))
    for account, history in bank._history.items():
        times = [at for at, _ in history]
        assert times == sorted(times), account
        now = bank._accounts[account].balance if account in bank._accounts else None
        assert history[-1][1] == now, account


# The Complexity section's claims, counted.

@pytest.mark.parametrize("seed", range(5))
def test_only_top_spenders_walks_the_accounts_and_nothing_walks_payments_or_history(seed):
    bank = reference.Bank()
    bank._accounts, bank._payments, bank._history = CountingDict(), CountingDict(), CountingDict()
    CountingDict.reset()
    queries = random_queries(seed, 4, 400)
    for query in queries:
        reference.run(bank, query)
    assert CountingDict.walks == sum(q[0] == "TOP_SPENDERS" for q in queries)


def test_a_merge_reads_one_payment_record_per_payment_of_the_merged_account():
    bank = reference.Bank()
    setup = [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"]]
    setup += [["SCHEDULE_PAYMENT", str(3 + i), "a", "5", "999"] for i in range(50)]
    setup += [["SCHEDULE_PAYMENT", str(60 + i), "b", "5", "999"] for i in range(7)]
    for query in setup:
        reference.run(bank, query)
    bank._payments = CountingDict(bank._payments)
    CountingDict.reset()
    assert reference.run(bank, ["MERGE_ACCOUNTS", "100", "a", "b"]) == "true"
    assert CountingDict.reads == 7


def test_each_payment_and_cashback_enters_and_leaves_the_queue_once(monkeypatch):
    counts = Counter()
    push, pop = heapq.heappush, heapq.heappop

    def counting_push(heap, item):
        counts["push"] += 1
        push(heap, item)

    def counting_pop(heap):
        counts["pop"] += 1
        return pop(heap)

    monkeypatch.setattr(heapq, "heappush", counting_push)
    monkeypatch.setattr(heapq, "heappop", counting_pop)
    for seed in range(5):
        bank, answers = run_all(random_queries(seed, 4, 400))
        scheduled = sum(1 for a in answers if a.startswith("payment"))
        paid = sum(p.status in {"PAID", "CASHBACK_RECEIVED"} for p in bank._payments.values())
        assert counts["push"] == scheduled + paid
        assert counts["pop"] == counts["push"] - len(bank._due)
        counts.clear()


class CountingList(list):
    reads = 0

    def __getitem__(self, index):
        CountingList.reads += 1
        return super().__getitem__(index)


def test_a_balance_in_the_past_reads_a_logarithmic_number_of_history_entries():
    bank = reference.Bank()
    reference.run(bank, ["CREATE_ACCOUNT", "0", "a"])
    for t in range(1, 10_000):
        reference.run(bank, ["DEPOSIT", str(2 * t), "a", "1"])
    bank._history["a"] = CountingList(bank._history["a"])
    size = len(bank._history["a"])
    rng = random.Random(7)
    for _ in range(50):
        then = rng.randint(0, 20_000)
        CountingList.reads = 0
        answer = reference.run(bank, ["GET_BALANCE", str(bank._clock + 1), "a", str(then)])
        assert answer == str(then // 2)
        assert CountingList.reads <= ceil(log2(size + 1)) + 1


# The oracle's reach: the random sequences meet every outcome and the tricky cases.

def reach(seeds: range) -> Counter:
    found = Counter()
    for seed in seeds:
        model, queries = ReplayModel(), random_queries(seed, 4)
        for query in queries:
            now = int(query[1])
            due_now = [d for d in model.due(now) if d[0] == now]
            between = [d for d in model.due(now) if d[0] < now]
            gone = query[3] if query[0] == "MERGE_ACCOUNTS" else None
            pending_of_gone = gone and any(p["owner"] == gone and p["status"] in {"SCHEDULED", "PAID"}
                                           for p in model.payments)
            answer = model.answer(query)
            found[query[0], answer not in {"", "false"}] += 1
            if query[0] == "GET_PAYMENT_STATUS":
                found[answer] += 1
            found["a query lands on a due time"] += bool(due_now)
            found["something settles between two queries"] += bool(between)
            found["a merge hands over pending payments"] += bool(pending_of_gone and answer == "true")
    return found


def test_the_random_sequences_reach_every_outcome_and_the_tricky_cases():
    found = reach(range(20))
    for operation in ["CREATE_ACCOUNT", "DEPOSIT", "TRANSFER", "TOP_SPENDERS", "SCHEDULE_PAYMENT",
                      "CANCEL_PAYMENT", "GET_PAYMENT_STATUS", "MERGE_ACCOUNTS", "GET_BALANCE"]:
        assert found[operation, True] >= 10 and found[operation, False] >= 10, operation
    for status in ["SCHEDULED", "CANCELLED", "FAILED", "PAID", "CASHBACK_RECEIVED"]:
        assert found[status] >= 5, status
    for case in ["a query lands on a due time", "something settles between two queries",
                 "a merge hands over pending payments"]:
        assert found[case] >= 10, case


# The follow-ups (our own material).

def test_a_retried_request_returns_the_first_answer_and_moves_nothing():
    bank = IdempotentBank()
    for i, query in enumerate([["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
                               ["DEPOSIT", "3", "a", "100"]]):
        bank.run(f"setup{i}", query)
    assert [bank.run("t", ["TRANSFER", str(t), "a", "b", "60"]) for t in (4, 5, 6)] == ["40"] * 3
    assert bank.run("u", ["TRANSFER", "7", "a", "b", "60"]) == ""      # a new request: no money
    assert bank.run("d", ["DEPOSIT", "8", "b", "1"]) == "61"


def test_a_failed_request_stays_failed_when_retried():
    bank = IdempotentBank()
    bank.run("c", ["CREATE_ACCOUNT", "1", "a"])
    assert bank.run("d", ["DEPOSIT", "2", "x", "5"]) == ""
    bank.run("cx", ["CREATE_ACCOUNT", "3", "x"])
    assert bank.run("d", ["DEPOSIT", "4", "x", "5"]) == ""


def test_a_request_id_reused_for_a_different_query_is_refused():
    bank = IdempotentBank()
    bank.run("r", ["CREATE_ACCOUNT", "1", "a"])
    with pytest.raises(ValueError, match="was first used for CREATE_ACCOUNT a"):
        bank.run("r", ["CREATE_ACCOUNT", "2", "b"])


def test_a_malformed_request_is_not_remembered():
    bank = IdempotentBank()
    with pytest.raises(ValueError):
        bank.run("r", ["DEPOSIT", "1", "a", "0"])
    assert bank.run("r", ["CREATE_ACCOUNT", "2", "a"]) == "true"


def test_two_unguarded_transfers_can_both_pass_the_check_and_overdraw():
    balances = {"a": 100, "b": 0, "c": 0}
    both_checked = threading.Barrier(2, timeout=10)
    results = []
    threads = [threading.Thread(target=lambda t=target: results.append(
        unguarded_transfer(balances, "a", t, 80, pause=both_checked.wait))) for target in "bc"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True, True] and balances["a"] == -60


def test_unguarded_transfer_alone_is_correct():
    balances = {"a": 100, "b": 0}
    assert unguarded_transfer(balances, "a", "b", 80) and not unguarded_transfer(balances, "a", "b", 80)
    assert balances == {"a": 20, "b": 80}


def test_both_directions_take_the_same_lock_first():
    assert lock_order("b", "a") == lock_order("a", "b") == ("a", "b")


def test_locked_transfers_from_many_threads_conserve_money_and_finish():
    accounts = LockedAccounts({name: 1000 for name in "abcd"})
    start = threading.Barrier(16, timeout=10)

    def worker(seed):
        rng = random.Random(seed)
        start.wait()
        for _ in range(300):   # every pair, in both directions
            source, target = rng.sample("abcd", 2)
            accounts.transfer(source, target, rng.randint(1, 400))

    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)   # no deadlock
    balances = accounts.balances()
    assert sum(balances.values()) == 4000 and min(balances.values()) >= 0


def test_locked_transfers_refuse_overdrafts_and_self_transfers():
    accounts = LockedAccounts({"a": 100, "b": 0})
    assert accounts.transfer("a", "b", 80) and not accounts.transfer("a", "b", 80)
    assert not accounts.transfer("a", "a", 1)
    assert accounts.balances() == {"a": 20, "b": 80}
