"""Level 1 (our own problem): CREATE_ACCOUNT, DEPOSIT and TRANSFER."""
import pytest

from tests.coding.banking_system.oracle import check_against_the_model, random_queries

LEVEL = 1


def test_our_worked_example(solution):
    queries = [["CREATE_ACCOUNT", "1", "alice"], ["CREATE_ACCOUNT", "2", "bob"],
               ["CREATE_ACCOUNT", "3", "alice"], ["DEPOSIT", "4", "alice", "500"],
               ["DEPOSIT", "5", "carol", "100"], ["TRANSFER", "6", "alice", "bob", "200"],
               ["TRANSFER", "7", "bob", "alice", "250"], ["TRANSFER", "8", "alice", "alice", "10"],
               ["TRANSFER", "9", "bob", "alice", "200"]]
    assert solution(queries) == ["true", "true", "false", "500", "", "300", "", "", "0"]


def test_creating_an_existing_account_is_false_and_keeps_its_balance(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", "70"],
               ["CREATE_ACCOUNT", "3", "a"], ["DEPOSIT", "4", "a", "1"]]
    assert solution(queries) == ["true", "70", "false", "71"]


def test_a_deposit_returns_the_new_balance(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", "10"],
               ["DEPOSIT", "3", "a", "15"], ["DEPOSIT", "4", "a", "1"]]
    assert solution(queries)[1:] == ["10", "25", "26"]


def test_a_deposit_into_a_missing_account_is_empty_and_creates_nothing(solution):
    queries = [["DEPOSIT", "1", "a", "10"], ["CREATE_ACCOUNT", "2", "a"], ["DEPOSIT", "3", "a", "5"]]
    assert solution(queries) == ["", "true", "5"]


def test_a_transfer_returns_the_source_balance_and_credits_the_target(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
               ["DEPOSIT", "3", "a", "100"], ["DEPOSIT", "4", "b", "5"],
               ["TRANSFER", "5", "a", "b", "30"], ["DEPOSIT", "6", "b", "1"], ["DEPOSIT", "7", "a", "1"]]
    assert solution(queries)[4:] == ["70", "36", "71"]


def test_a_transfer_of_the_whole_balance_is_allowed(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
               ["DEPOSIT", "3", "a", "40"], ["TRANSFER", "4", "a", "b", "40"]]
    assert solution(queries)[-1] == "0"


def test_a_transfer_larger_than_the_balance_fails_and_moves_nothing(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
               ["DEPOSIT", "3", "a", "40"], ["TRANSFER", "4", "a", "b", "41"],
               ["DEPOSIT", "5", "a", "1"], ["DEPOSIT", "6", "b", "1"]]
    assert solution(queries)[3:] == ["", "41", "1"]


def test_a_transfer_to_the_same_account_fails_even_with_money(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", "40"],
               ["TRANSFER", "3", "a", "a", "10"], ["DEPOSIT", "4", "a", "1"]]
    assert solution(queries)[2:] == ["", "41"]


@pytest.mark.parametrize(("source", "target"), [("a", "x"), ("x", "a"), ("x", "y")])
def test_a_transfer_with_a_missing_account_fails_and_moves_nothing(solution, source, target):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", "40"],
               ["TRANSFER", "3", source, target, "10"], ["DEPOSIT", "4", "a", "1"]]
    assert solution(queries)[2:] == ["", "41"]


def test_ids_are_exact_case_sensitive_strings(solution):
    queries = [["CREATE_ACCOUNT", "1", "acc"], ["CREATE_ACCOUNT", "2", "Acc"],
               ["CREATE_ACCOUNT", "3", "acc "], ["DEPOSIT", "4", "Acc", "3"], ["DEPOSIT", "5", "acc", "4"]]
    assert solution(queries) == ["true", "true", "true", "3", "4"]


def test_amounts_are_whole_numbers_of_any_magnitude(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
               ["DEPOSIT", "3", "a", "1099511627776"], ["TRANSFER", "4", "a", "b", "1099511627775"]]
    assert solution(queries)[2:] == ["1099511627776", "1"]


def test_timestamps_may_jump_by_any_amount(solution):
    queries = [["CREATE_ACCOUNT", "0", "a"], ["DEPOSIT", "86400000", "a", "5"],
               ["DEPOSIT", "1700000000000", "a", "5"]]
    assert solution(queries) == ["true", "5", "10"]


@pytest.mark.parametrize("seed", range(10))
def test_agrees_with_a_naive_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=1))
