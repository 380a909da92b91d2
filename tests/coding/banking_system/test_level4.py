"""Level 4 (our own problem): MERGE_ACCOUNTS and GET_BALANCE at a past time.

The balance of an account at time t is what a query at t would see after its
own effect: every query up to t and every payment and cashback due by t.
"""
import pytest

from tests.coding.banking_system.oracle import check_against_the_model, random_queries

LEVEL = 4
DAY = 86_400_000  # the cashback delay, in milliseconds


def two(a: int = 100, b: int = 500) -> list[list[str]]:
    """Accounts "a" and "b" holding `a` and `b`, at timestamps 1 to 4."""
    return [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
            ["DEPOSIT", "3", "a", str(a)], ["DEPOSIT", "4", "b", str(b)]]


def test_our_worked_example(solution):
    queries = [["CREATE_ACCOUNT", "1", "alice"], ["CREATE_ACCOUNT", "2", "bob"],
               ["DEPOSIT", "3", "alice", "100"], ["DEPOSIT", "4", "bob", "500"],
               ["SCHEDULE_PAYMENT", "5", "bob", "200", "5"],
               ["TRANSFER", "6", "bob", "alice", "50"],
               ["MERGE_ACCOUNTS", "7", "alice", "bob"],
               ["GET_PAYMENT_STATUS", "8", "bob", "payment1"],
               ["GET_PAYMENT_STATUS", "9", "alice", "payment1"],
               ["TOP_SPENDERS", "11", "5"],
               ["GET_BALANCE", "12", "alice", "6"], ["GET_BALANCE", "13", "alice", "10"],
               ["GET_BALANCE", "14", "bob", "6"], ["GET_BALANCE", "15", "bob", "12"],
               ["CREATE_ACCOUNT", "16", "bob"], ["GET_BALANCE", "17", "bob", "16"],
               ["GET_BALANCE", "86400011", "alice", "86400010"]]
    assert solution(queries) == ["true", "true", "100", "500", "payment1", "450", "true", "",
                                 "SCHEDULED", "alice(250)", "150", "400", "450", "", "true",
                                 "0", "404"]


def test_a_merge_adds_the_balance_and_removes_the_second_account(solution):
    queries = two(100, 500) + [["MERGE_ACCOUNTS", "5", "a", "b"], ["DEPOSIT", "6", "a", "1"],
                               ["DEPOSIT", "7", "b", "1"], ["TRANSFER", "8", "a", "b", "1"]]
    assert solution(queries)[4:] == ["true", "601", "", ""]


@pytest.mark.parametrize(("keep", "gone"), [("a", "a"), ("a", "x"), ("x", "a"), ("x", "y")])
def test_a_merge_with_itself_or_a_missing_account_is_false_and_changes_nothing(solution, keep, gone):
    queries = two(100, 500) + [["MERGE_ACCOUNTS", "5", keep, gone],
                               ["DEPOSIT", "6", "a", "1"], ["DEPOSIT", "7", "b", "1"]]
    assert solution(queries)[4:] == ["false", "101", "501"]


def test_the_merged_id_can_be_created_again_as_a_new_empty_account(solution):
    queries = two(100, 500) + [["MERGE_ACCOUNTS", "5", "a", "b"], ["CREATE_ACCOUNT", "6", "b"],
                               ["DEPOSIT", "7", "b", "1"], ["TOP_SPENDERS", "8", "2"]]
    assert solution(queries)[4:] == ["true", "true", "1", "a(0), b(0)"]


def test_outgoing_totals_add_and_the_second_account_leaves_top_spenders(solution):
    queries = two(100, 500) + [["CREATE_ACCOUNT", "5", "c"],
                               ["TRANSFER", "6", "a", "c", "30"], ["TRANSFER", "7", "b", "c", "45"],
                               ["TRANSFER", "8", "c", "a", "60"],
                               ["MERGE_ACCOUNTS", "9", "a", "b"], ["TOP_SPENDERS", "10", "5"]]
    assert solution(queries)[-1] == "a(75), c(60)"


def test_a_scheduled_payment_of_the_second_account_is_paid_by_the_first(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "b", "550", "10"],   # due 15
                               ["MERGE_ACCOUNTS", "6", "a", "b"],              # a holds 600
                               ["GET_PAYMENT_STATUS", "15", "a", "payment1"],
                               ["DEPOSIT", "16", "a", "1"], ["TOP_SPENDERS", "17", "1"]]
    assert solution(queries)[-3:] == ["PAID", "51", "a(550)"]


def test_after_a_merge_the_first_account_owns_the_payments_of_the_second(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "b", "50", "100"],
                               ["SCHEDULE_PAYMENT", "6", "b", "60", "100"],
                               ["MERGE_ACCOUNTS", "7", "a", "b"],
                               ["CANCEL_PAYMENT", "8", "b", "payment1"],
                               ["GET_PAYMENT_STATUS", "9", "b", "payment1"],
                               ["CANCEL_PAYMENT", "10", "a", "payment1"],
                               ["GET_PAYMENT_STATUS", "11", "a", "payment2"]]
    assert solution(queries)[-4:] == ["false", "", "true", "SCHEDULED"]


def test_finished_payments_of_the_second_account_answer_to_the_first(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "b", "100", "1"],    # paid at 6
                               ["SCHEDULE_PAYMENT", "6", "b", "1000", "1"],   # fails at 7
                               ["SCHEDULE_PAYMENT", "7", "b", "10", "50"],
                               ["CANCEL_PAYMENT", "8", "b", "payment3"],
                               ["MERGE_ACCOUNTS", "9", "a", "b"],             # a holds 500
                               ["GET_PAYMENT_STATUS", "10", "a", "payment1"],
                               ["GET_PAYMENT_STATUS", "11", "a", "payment2"],
                               ["GET_PAYMENT_STATUS", "12", "a", "payment3"],
                               ["GET_PAYMENT_STATUS", "13", "b", "payment1"],
                               ["GET_PAYMENT_STATUS", str(DAY + 6), "a", "payment1"],
                               ["DEPOSIT", str(DAY + 7), "a", "1"]]
    assert solution(queries)[-6:] == ["PAID", "FAILED", "CANCELLED", "", "CASHBACK_RECEIVED", "503"]


def test_payments_follow_a_chain_of_merges(solution):
    queries = two(100, 500) + [["CREATE_ACCOUNT", "5", "c"],
                               ["SCHEDULE_PAYMENT", "6", "b", "50", "100"],   # due 106
                               ["MERGE_ACCOUNTS", "7", "a", "b"], ["MERGE_ACCOUNTS", "8", "c", "a"],
                               ["GET_PAYMENT_STATUS", "9", "c", "payment1"],
                               ["GET_PAYMENT_STATUS", "106", "c", "payment1"],
                               ["DEPOSIT", "107", "c", "1"], ["TOP_SPENDERS", "108", "1"]]
    assert solution(queries)[-4:] == ["SCHEDULED", "PAID", "551", "c(50)"]


def test_a_payment_due_at_the_merge_timestamp_settles_before_the_merge(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "b", "550", "5"],   # due 10
                               ["MERGE_ACCOUNTS", "10", "a", "b"],
                               ["GET_PAYMENT_STATUS", "11", "a", "payment1"],
                               ["DEPOSIT", "12", "a", "1"]]
    # at 10, b alone holds 500, too little; the merge comes after
    assert solution(queries)[-3:] == ["true", "FAILED", "601"]


def test_a_new_account_under_the_merged_id_does_not_get_the_old_payments(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "b", "50", "100"],
                               ["MERGE_ACCOUNTS", "6", "a", "b"], ["CREATE_ACCOUNT", "7", "b"],
                               ["GET_PAYMENT_STATUS", "8", "b", "payment1"],
                               ["CANCEL_PAYMENT", "9", "b", "payment1"],
                               ["GET_PAYMENT_STATUS", "10", "a", "payment1"]]
    assert solution(queries)[-3:] == ["", "false", "SCHEDULED"]


def test_a_cashback_owed_to_the_second_account_goes_to_the_first(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "b", "300", "5"],   # paid at 10
                               ["MERGE_ACCOUNTS", "11", "a", "b"],            # a holds 300
                               ["GET_PAYMENT_STATUS", str(DAY + 10), "a", "payment1"],
                               ["DEPOSIT", str(DAY + 11), "a", "1"]]
    assert solution(queries)[-2:] == ["CASHBACK_RECEIVED", "307"]


def test_the_balance_before_an_account_existed_is_empty(solution):
    queries = [["CREATE_ACCOUNT", "5", "a"], ["GET_BALANCE", "6", "a", "4"],
               ["GET_BALANCE", "7", "a", "5"], ["GET_BALANCE", "8", "x", "7"]]
    assert solution(queries) == ["true", "", "0", ""]


def test_the_balance_at_a_time_includes_the_query_at_that_time(solution):
    queries = two(100, 500) + [["TRANSFER", "10", "a", "b", "40"],
                               ["GET_BALANCE", "11", "a", "9"], ["GET_BALANCE", "12", "a", "10"],
                               ["GET_BALANCE", "13", "b", "10"], ["GET_BALANCE", "14", "a", "14"]]
    assert solution(queries)[-4:] == ["100", "60", "540", "60"]


def test_the_balance_between_two_queries_is_the_one_left_by_the_earlier(solution):
    queries = two(100, 500) + [["DEPOSIT", "1000", "a", "5"], ["GET_BALANCE", "2000", "a", "999"],
                               ["GET_BALANCE", "2001", "a", "1500"]]
    assert solution(queries)[-2:] == ["100", "105"]


def test_a_payment_changes_the_past_balance_at_its_due_time_not_at_the_next_query(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "a", "30", "10"],    # due 15
                               ["GET_BALANCE", "40", "a", "14"], ["GET_BALANCE", "41", "a", "15"],
                               ["GET_BALANCE", str(DAY + 20), "a", str(DAY + 14)],
                               ["GET_BALANCE", str(DAY + 21), "a", str(DAY + 15)]]
    assert solution(queries)[-4:] == ["100", "70", "70", "70"]


def test_a_cashback_changes_the_past_balance_at_its_due_time(solution):
    queries = two(100, 500) + [["SCHEDULE_PAYMENT", "5", "a", "50", "10"],    # paid at 15
                               ["GET_BALANCE", str(2 * DAY), "a", str(DAY + 14)],
                               ["GET_BALANCE", str(2 * DAY + 1), "a", str(DAY + 15)]]
    assert solution(queries)[-2:] == ["50", "51"]


def test_before_a_merge_each_account_keeps_its_own_past(solution):
    queries = two(100, 500) + [["MERGE_ACCOUNTS", "10", "a", "b"],
                               ["GET_BALANCE", "11", "a", "9"], ["GET_BALANCE", "12", "b", "9"],
                               ["GET_BALANCE", "13", "a", "10"], ["GET_BALANCE", "14", "b", "10"]]
    assert solution(queries)[-4:] == ["100", "500", "600", ""]


def test_an_id_answers_for_whichever_account_held_it_at_the_time(solution):
    queries = two(100, 500) + [["MERGE_ACCOUNTS", "10", "a", "b"], ["CREATE_ACCOUNT", "20", "b"],
                               ["DEPOSIT", "21", "b", "7"],
                               ["GET_BALANCE", "30", "b", "9"], ["GET_BALANCE", "31", "b", "15"],
                               ["GET_BALANCE", "32", "b", "20"], ["GET_BALANCE", "33", "b", "21"]]
    assert solution(queries)[-4:] == ["500", "", "0", "7"]


def test_a_failed_query_leaves_no_mark_on_the_past(solution):
    queries = two(100, 500) + [["TRANSFER", "10", "a", "b", "1000"], ["DEPOSIT", "11", "x", "5"],
                               ["GET_BALANCE", "12", "a", "10"], ["GET_BALANCE", "13", "b", "11"]]
    assert solution(queries)[-2:] == ["100", "500"]


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_a_naive_replaying_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=4))
