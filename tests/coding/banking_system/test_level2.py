"""Level 2 (our own problem): TOP_SPENDERS."""
import pytest

from tests.coding.banking_system.oracle import check_against_the_model, random_queries

LEVEL = 2


def bank(*deposits: tuple[str, int]) -> list[list[str]]:
    """Create each account and deposit into it (nothing for 0), at timestamps 1, 2, ..."""
    queries = []
    for account, amount in deposits:
        queries.append(["CREATE_ACCOUNT", str(len(queries) + 1), account])
        if amount:
            queries.append(["DEPOSIT", str(len(queries) + 1), account, str(amount)])
    return queries


def test_our_worked_example(solution):
    queries = [["CREATE_ACCOUNT", "1", "alice"], ["CREATE_ACCOUNT", "2", "bob"],
               ["CREATE_ACCOUNT", "3", "carol"], ["DEPOSIT", "4", "alice", "500"],
               ["DEPOSIT", "5", "bob", "300"], ["TRANSFER", "6", "alice", "bob", "100"],
               ["TRANSFER", "7", "bob", "carol", "150"], ["TRANSFER", "8", "alice", "carol", "50"],
               ["TRANSFER", "9", "carol", "alice", "1000"], ["TOP_SPENDERS", "10", "2"],
               ["TOP_SPENDERS", "11", "5"]]
    assert solution(queries)[-3:] == ["", "alice(150), bob(150)", "alice(150), bob(150), carol(0)"]


def test_larger_outgoing_totals_come_first(solution):
    queries = bank(("a", 100), ("b", 100), ("c", 100)) + [
        ["TRANSFER", "10", "a", "b", "5"], ["TRANSFER", "11", "c", "b", "30"],
        ["TRANSFER", "12", "b", "a", "20"], ["TOP_SPENDERS", "13", "3"]]
    assert solution(queries)[-1] == "c(30), b(20), a(5)"


def test_outgoing_totals_add_up_over_many_transfers(solution):
    queries = bank(("a", 100), ("b", 0)) + [
        ["TRANSFER", "10", "a", "b", "5"], ["TRANSFER", "11", "a", "b", "7"],
        ["TRANSFER", "12", "b", "a", "12"], ["TRANSFER", "13", "a", "b", "1"],
        ["TOP_SPENDERS", "14", "2"]]
    assert solution(queries)[-1] == "a(13), b(12)"


def test_equal_totals_come_in_ascending_id_order(solution):
    queries = bank(("c", 0), ("a", 0), ("b", 0)) + [["TOP_SPENDERS", "10", "3"]]
    assert solution(queries)[-1] == "a(0), b(0), c(0)"


def test_equal_totals_order_ids_by_code_point_not_by_case_or_by_number(solution):
    queries = bank(("acc2", 0), ("b", 0), ("acc10", 0), ("B", 0)) + [["TOP_SPENDERS", "10", "4"]]
    assert solution(queries)[-1] == "B(0), acc10(0), acc2(0), b(0)"


def test_totals_compare_as_numbers_not_as_strings(solution):
    queries = bank(("a", 1000), ("b", 1000), ("c", 1000)) + [
        ["TRANSFER", "10", "a", "c", "9"], ["TRANSFER", "11", "b", "c", "10"],
        ["TRANSFER", "12", "c", "a", "100"], ["TOP_SPENDERS", "13", "3"]]
    assert solution(queries)[-1] == "c(100), b(10), a(9)"


def test_incoming_money_and_deposits_do_not_count(solution):
    queries = bank(("a", 500), ("b", 0)) + [
        ["TRANSFER", "10", "a", "b", "50"], ["DEPOSIT", "11", "b", "900"], ["TOP_SPENDERS", "12", "2"]]
    assert solution(queries)[-1] == "a(50), b(0)"


def test_failed_transfers_do_not_count(solution):
    queries = bank(("a", 10), ("b", 0)) + [
        ["TRANSFER", "10", "a", "b", "11"], ["TRANSFER", "11", "a", "a", "5"],
        ["TRANSFER", "12", "a", "x", "5"], ["TOP_SPENDERS", "13", "2"]]
    assert solution(queries)[-1] == "a(0), b(0)"


def test_only_the_first_n_are_listed(solution):
    queries = bank(*((f"acc{i}", 100) for i in range(1, 8)))
    queries += [["TRANSFER", str(100 + i), f"acc{i}", "acc1", str(i)] for i in range(2, 8)]
    queries.append(["TOP_SPENDERS", "200", "2"])
    assert solution(queries)[-1] == "acc7(7), acc6(6)"


def test_n_larger_than_the_number_of_accounts_lists_them_all(solution):
    queries = bank(("a", 0)) + [["TOP_SPENDERS", "10", "50"]]
    assert solution(queries)[-1] == "a(0)"


def test_no_accounts_or_n_of_zero_is_empty(solution):
    queries = [["TOP_SPENDERS", "1", "3"], ["CREATE_ACCOUNT", "2", "a"], ["TOP_SPENDERS", "3", "0"]]
    assert solution(queries) == ["", "true", ""]


@pytest.mark.parametrize("seed", range(15))
def test_agrees_with_a_naive_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=2))
