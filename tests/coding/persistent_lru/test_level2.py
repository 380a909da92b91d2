"""Level 2 of docs/coding/persistent-lru.md: entries kept in the file at
persistence_path and recovered by a new LRU, in this process or another one.
Runs against level2.py and solution.py, or a reader's file with --impl.

A cache is "restarted" by letting go of it (closing it if it has a close
method; the contract has none) and building a new one on the same path.
"""
import pytest

from tests.coding.persistent_lru import workload
from tests.coding.persistent_lru.crash import (check_results, recovered_as, release,
                                               run_child)
from tests.coding.persistent_lru.workload import (CALLS, Model, canonical, describe, power,
                                                  random_calls, square, total)

LEVEL = 2


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "cache.log")


def restart(LRU, lru, capacity, path):
    release(lru)
    return LRU(capacity, path)


def test_a_new_cache_on_the_same_file_returns_results_without_computing(LRU, path):
    lru = LRU(3, path)
    assert lru.call(square, 12) == 144
    lru = restart(LRU, lru, 3, path)
    before = CALLS["square"]
    assert lru.call(square, 12) == 144
    assert CALLS["square"] == before


def test_a_cache_written_by_another_process_is_recovered(LRU, path):
    # The child has another string-hash seed: a key built with hash() fails here.
    calls = random_calls(seed=7, count=40)
    results, status, err = run_child(LRU, path, 5, 7, 0, 40)
    assert status == 0, err
    check_results(results, calls, 0)
    assert recovered_as(LRU, path, 5, Model(5, calls).state()) is None


def test_restarting_keeps_the_capacity_and_the_most_recent_entries(LRU, path):
    lru = LRU(3, path)
    calls = [("square", (x,), ()) for x in range(6)]
    for call in calls:
        workload.invoke(lru, call)
    release(lru)
    assert recovered_as(LRU, path, 3, calls[-3:]) is None


def test_restarting_keeps_the_recency_order_that_hits_made(LRU, path):
    lru = LRU(3, path)
    calls = [("square", (1,), ()), ("square", (2,), ()), ("square", (3,), ()),
             ("square", (1,), ()), ("square", (2,), ())]  # 3 is now the least recent
    for call in calls:
        workload.invoke(lru, call)
    release(lru)
    assert recovered_as(LRU, path, 3, Model(3, calls).state()) is None


@pytest.mark.parametrize("n", [0, 7, -3])
def test_values_come_back_equal_and_of_the_same_types(LRU, path, n):
    # A tuple must not come back as a list, nor a tuple dict key be refused.
    lru = LRU(3, path)
    first = lru.call(describe, n)
    lru = restart(LRU, lru, 3, path)
    before = CALLS["describe"]
    again = lru.call(describe, n)
    assert CALLS["describe"] == before
    assert canonical(again) == canonical(first) == canonical(describe(n))


@pytest.mark.parametrize("value", [None, True, 0, -(2 ** 70), 0.1, -0.0, float("inf"), "",
                                   "tab\tnew\nline ünï", [], (), {}, [1, (2, [3.5])], ("x",),
                                   {"k": [1, 2]}, {(1, 2): "tuple key", 3: "int key"}])
def test_each_kind_of_value_survives_a_restart(LRU, path, value):
    lru = LRU(2, path)
    assert lru.call(workload.identity, value) == value
    lru = restart(LRU, lru, 2, path)
    before = CALLS["identity"]
    again = lru.call(workload.identity, value)
    assert CALLS["identity"] == before
    assert canonical(again) == canonical(value)


def test_keyword_order_does_not_matter_across_a_restart(LRU, path):
    lru = LRU(3, path)
    lru.call(power, base=5, exp=3)
    lru = restart(LRU, lru, 3, path)
    before = CALLS["power"]
    assert lru.call(power, exp=3, base=5) == 125
    assert CALLS["power"] == before


def test_list_arguments_work_and_survive_a_restart(LRU, path):
    lru = LRU(3, path)
    assert lru.call(total, [1, 2, 3]) == 6
    lru = restart(LRU, lru, 3, path)
    before = CALLS["total"]
    assert lru.call(total, [1, 2, 3]) == 6
    assert CALLS["total"] == before
    assert lru.call(total, [1, 2, 4]) == 7


def test_functions_with_the_same_name_stay_apart_across_processes(LRU, path):
    # Two lambdas share the name "<lambda>"; two closures "make_adder.<locals>.add".
    # After a restart, one's cached result must never answer for the other:
    # refuse them, or keep them apart.
    lru = LRU(5, path)
    for function, x in [(workload.add_one, 4), (workload.make_adder(1), 1)]:
        try:
            lru.call(function, x)
        except (TypeError, ValueError):
            pass
    lru = restart(LRU, lru, 5, path)
    for function, x, expected in [(workload.double, 4, 8), (workload.make_adder(10), 1, 11)]:
        try:
            assert lru.call(function, x) == expected
        except (TypeError, ValueError):
            pass


def test_a_bound_method_is_not_mixed_up_with_another_instances(LRU, path):
    lru = LRU(5, path)
    for scaler, expected in [(workload.Scaler(2), 6), (workload.Scaler(5), 15)]:
        try:
            assert lru.call(scaler.scale, 3) == expected
        except (TypeError, ValueError):
            pass
    lru = restart(LRU, lru, 5, path)
    try:
        assert lru.call(workload.Scaler(7).scale, 3) == 21
    except (TypeError, ValueError):
        pass
