"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem asks. How to treat a malformed query is our
choice (the page's clarifying questions say: fail loudly), so it is tested here,
against every kept state of the reference, and never against a reader's file. So
are where our scans put capitals and that our level 3 already runs untimed queries
at the clock (choices the level tests leave open; level 4 requires the clock), the
starter, the page's minute budgets and the follow-ups of followups.py (the site's
own material).
"""
import importlib
import random

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.in_memory_database.budget import FIFTY, NINETY, OVERRUN, checkpoints
from snippets.coding.in_memory_database.followups import History, Journaled, Purging, answer
from snippets.coding.in_memory_database.solution import solution
from tests.coding.in_memory_database.oracle import random_queries
from tests.coding.shared import budget_tables, kept

PAGE = ROOT / "docs/coding/in-memory-database.md"
PACKAGE = "snippets.coding.in_memory_database"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").solution for name in KEPT}


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "level3", "solution"]


@pytest.mark.parametrize("name", REFERENCES)
@pytest.mark.parametrize(("query", "message"), [
    (["PUT", "A", "B", "C"], "unknown operation 'PUT'"),
    (["GET", "A"], "GET takes 2 arguments, got 1"),
    (["SET", "A", "B", "C", "D"], "SET takes 3 arguments, got 4"),
])
def test_a_malformed_query_raises_instead_of_guessing(name, query, message):
    with pytest.raises(ValueError, match=message):
        REFERENCES[name]([query])


@pytest.mark.parametrize("name", [n for n in REFERENCES if n not in {"level1", "level2"}])
def test_a_timestamp_that_is_not_an_integer_is_named(name):
    with pytest.raises(ValueError, match="GET_AT: argument 3 must be an integer, got 'soon'"):
        REFERENCES[name]([["GET_AT", "A", "B", "soon"]])


@pytest.mark.parametrize("name", [n for n in REFERENCES if n != "level1"])
def test_our_scans_sort_by_code_point_so_capitals_come_first(name):
    queries = [["SET", "k", "b", "1"], ["SET", "k", "B", "2"], ["SET", "k", "a", "3"], ["SCAN", "k"]]
    assert REFERENCES[name](queries)[-1] == "B(2), a(3), b(1)"


@pytest.mark.parametrize("name", ["level3", "solution"])
def test_our_level_3_already_runs_untimed_queries_at_the_clock(name):
    queries = [["SET_AT_WITH_TTL", "k", "f", "v", "1", "5"], ["GET", "k", "f"],
               ["GET_AT", "k", "other", "6"], ["GET", "k", "f"], ["SCAN", "k"],
               ["DELETE", "k", "f"]]
    assert REFERENCES[name](queries) == ["", "v", "", "", "", "false"]


def test_the_starter_fails_loudly_until_the_reader_fills_it_in():
    from snippets.coding.in_memory_database.starter import solution

    with pytest.raises(NotImplementedError, match="level 1"):
        solution([["SET", "A", "B", "C"]])


def test_the_page_budget_tables_are_the_plans_in_budget_py():
    page = PAGE.read_text()
    assert budget_tables(page) == [[(part, minutes, by) for (part, minutes), (_, by)
                                    in zip(plan, checkpoints(plan))] for plan in (NINETY, FIFTY)]
    assert f"budget plus {OVERRUN} minutes" in page


# The follow-ups on the page (our own material), each checked against the reference.

@pytest.mark.parametrize("seed", range(10))
def test_history_agrees_with_the_reference_when_time_only_moves_forward(seed):
    queries = random_queries(seed)
    history = History()
    assert [history.run(q) for q in queries] == solution(queries)


@pytest.mark.parametrize("seed", range(10))
def test_history_reads_the_latest_version_at_or_before_any_time(seed):
    rng = random.Random(seed)
    writes = [(rng.choice("fg"), rng.choice("xyz") + str(i), rng.randint(0, 30),
               rng.choice([None, rng.randint(1, 10)])) for i in range(40)]
    history = History()
    for field, value, at, ttl in writes:       # in arrival order, times shuffled
        query = ["SET_AT", "k", field, value, str(at)]
        history.run(query if ttl is None else ["SET_AT_WITH_TTL", *query[1:], str(ttl)])
    for field in "fg":
        for t in range(-1, 45):
            before = [(at, i) for i, (f, _, at, _) in enumerate(writes) if f == field and at <= t]
            want = ""
            if before:
                _, value, at, ttl = writes[max(before)[1]]
                want = value if ttl is None or t < at + ttl else ""
            assert history.run(["GET_AT", "k", field, str(t)]) == want, (field, t)


@pytest.mark.parametrize("seed", range(10))
def test_purging_changes_no_answer_and_keeps_no_expired_field(seed):
    queries = random_queries(seed, untimed=True, backups=True)
    db = Purging()
    answers = []
    for query in queries:
        answers.append(answer(db, query))
        clock = db._clock
        assert all(e.expires_at is None or e.expires_at > clock
                   for record in db._records.values() for e in record.values()), query
    assert answers == solution(queries)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("crash_after", [0, 1, 57, 150, 299])
def test_a_journaled_store_answers_the_same_after_a_crash(seed, crash_after):
    queries = random_queries(seed, untimed=True, backups=True)
    journal: list[str] = []
    before = Journaled(journal)
    head = [before.run(q) for q in queries[:crash_after]]
    after = Journaled(journal)               # the process died; only the journal is left
    tail = [after.run(q) for q in queries[crash_after:]]
    assert head + tail == solution(queries)


def test_a_malformed_query_is_not_journaled():
    journal: list[str] = []
    with pytest.raises(ValueError):
        Journaled(journal).run(["SET_AT", "k", "f", "v", "soon"])
    assert journal == []
