"""Level 1 of docs/coding/persistent-lru.md: the in-memory LRU memoizer. Runs against
every reference state (level1.py, level2.py, solution.py), or against a reader's
file with `python3 dev.py practice persistent-lru --impl FILE`.

A hit is told from a miss by workload.CALLS, which counts real computations.
Every cache gets a file in a fresh folder, unused until level 2.
"""
import threading

import pytest

from tests.coding.persistent_lru import workload
from tests.coding.persistent_lru.crash import release
from tests.coding.persistent_lru.workload import CALLS, power, root, show, square

LEVEL = 1


@pytest.fixture
def path(tmp_path):
    return str(tmp_path / "cache.log")


def test_call_returns_the_result_and_computes_it_once(LRU, path):
    lru = LRU(3, path)
    before = CALLS["square"]
    assert [lru.call(square, 7) for _ in range(3)] == [49, 49, 49]
    assert CALLS["square"] - before == 1


def test_the_key_is_hashable_and_the_same_for_the_same_call(LRU, path):
    lru = LRU(3, path)
    key = lru.generate_key(power, 2, exp=5)
    try:
        hash(key)
    except TypeError:
        pytest.fail(f"generate_key returned a {type(key).__name__}, which is not hashable")
    assert key == lru.generate_key(power, 2, exp=5)


def test_keyword_order_does_not_change_the_key(LRU, path):
    lru = LRU(3, path)
    assert lru.generate_key(power, base=2, exp=5) == lru.generate_key(power, exp=5, base=2)


def test_keyword_order_does_not_change_the_entry(LRU, path):
    lru = LRU(3, path)
    before = CALLS["power"]
    assert lru.call(power, base=3, exp=4) == 81
    assert lru.call(power, exp=4, base=3) == 81
    assert CALLS["power"] - before == 1


def test_the_key_includes_the_function(LRU, path):
    lru = LRU(3, path)
    assert lru.generate_key(square, 3) != lru.generate_key(power, 3)
    assert lru.call(square, 3) == 9
    assert lru.call(show, 3) == "3"


def test_the_key_includes_every_argument_and_its_position(LRU, path):
    lru = LRU(3, path)
    keys = {lru.generate_key(power, 2, 3), lru.generate_key(power, 3, 2),
            lru.generate_key(power, 2), lru.generate_key(power, 2, exp=3),
            lru.generate_key(power, 2, exp=4)}
    assert len(keys) == 5
    assert lru.call(power, 2, 3) == 8
    assert lru.call(power, 3, 2) == 9


def test_equal_arguments_of_different_types_are_different_calls(LRU, path):
    # 1 == 1.0 == True in Python, but show() returns "1", "1.0" and "True":
    # one entry for all three would return a wrong value.
    lru = LRU(5, path)
    assert [lru.call(show, 1), lru.call(show, 1.0), lru.call(show, True)] == ["1", "1.0", "True"]
    assert [lru.call(show, True), lru.call(show, 1.0), lru.call(show, 1)] == ["True", "1.0", "1"]


def test_a_full_cache_evicts_the_least_recently_used_entry(LRU, path):
    lru = LRU(2, path)
    lru.call(square, 1)
    lru.call(square, 2)
    lru.call(square, 3)  # evicts 1
    before = CALLS["square"]
    lru.call(square, 3)
    lru.call(square, 2)
    assert CALLS["square"] == before  # both still cached
    lru.call(square, 1)
    assert CALLS["square"] == before + 1  # 1 was evicted


def test_a_hit_makes_an_entry_the_most_recently_used(LRU, path):
    lru = LRU(2, path)
    lru.call(square, 1)
    lru.call(square, 2)
    lru.call(square, 1)  # 1 is now the most recent, so 2 goes next
    lru.call(square, 3)
    before = CALLS["square"]
    lru.call(square, 1)
    assert CALLS["square"] == before
    lru.call(square, 2)
    assert CALLS["square"] == before + 1


def test_capacity_one_keeps_only_the_last_call(LRU, path):
    lru = LRU(1, path)
    lru.call(square, 1)
    lru.call(square, 2)
    before = CALLS["square"]
    assert lru.call(square, 2) == 4
    assert CALLS["square"] == before
    assert lru.call(square, 1) == 1
    assert CALLS["square"] == before + 1


def test_a_call_that_raises_caches_nothing(LRU, path):
    lru = LRU(3, path)
    before = CALLS["root"]
    for _ in range(2):
        with pytest.raises(ValueError, match="negative"):
            lru.call(root, -4)
    assert CALLS["root"] - before == 2
    assert lru.call(root, 16) == 4.0


def test_different_functions_with_the_same_name_never_share_an_entry(LRU, path):
    # Two lambdas, and two closures, share a qualified name. Refusing them is
    # fine; returning one's result for the other is not.
    lru = LRU(5, path)
    pairs = [(workload.add_one, workload.double, 4, 5, 8),
             (workload.make_adder(1), workload.make_adder(10), 1, 2, 11)]
    for first, second, x, first_value, second_value in pairs:
        try:
            assert lru.call(first, x) == first_value
            assert lru.call(second, x) == second_value
        except (TypeError, ValueError):
            pass  # refused: the rule on the page for functions without a stable name


def test_a_function_may_call_the_cache_recursively(LRU, path):
    # fib(n) calls cache.call(fib, n - 1): a lock held while the function runs
    # would deadlock here.
    lru = LRU(50, path)
    workload.CACHE = lru
    outcome = []

    def run():
        try:
            outcome.append(lru.call(workload.fib, 30))
        except Exception as error:  # noqa: BLE001 - raised again below, in the test's thread
            outcome.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    workload.CACHE = None
    assert not worker.is_alive(), "the recursive call never returned: a deadlock?"
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    assert outcome == [832040]
    release(lru)
