"""Level 3 (our own problem): scheduled payments with cashback.

The ordering rule these tests check, as the page states it: before a query at
time t runs, every payment and cashback due at or before t is settled, earliest
due time first; at one due time, cashbacks before payments, and payments in the
order they were scheduled.
"""
import pytest

from tests.coding.banking_system.oracle import check_against_the_model, random_queries

LEVEL = 3
DAY = 86_400_000  # the cashback delay, in milliseconds


def funded(amount: int = 1000) -> list[list[str]]:
    """Account "a" with `amount` in it, at timestamps 1 and 2."""
    return [["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", str(amount)]]


def test_our_worked_example(solution):
    queries = [["CREATE_ACCOUNT", "1", "alice"], ["DEPOSIT", "2", "alice", "1000"],
               ["SCHEDULE_PAYMENT", "3", "alice", "300", "10"],
               ["SCHEDULE_PAYMENT", "4", "alice", "900", "10"],
               ["SCHEDULE_PAYMENT", "5", "bob", "10", "5"],
               ["SCHEDULE_PAYMENT", "6", "alice", "50", "20"],
               ["GET_PAYMENT_STATUS", "12", "alice", "payment1"],
               ["DEPOSIT", "13", "alice", "5"],
               ["GET_PAYMENT_STATUS", "14", "alice", "payment2"],
               ["CANCEL_PAYMENT", "15", "alice", "payment3"],
               ["CANCEL_PAYMENT", "16", "alice", "payment1"],
               ["TOP_SPENDERS", "17", "1"],
               ["GET_PAYMENT_STATUS", "86400012", "alice", "payment1"],
               ["DEPOSIT", "86400013", "alice", "1"],
               ["GET_PAYMENT_STATUS", "86400014", "alice", "payment1"],
               ["GET_PAYMENT_STATUS", "86400015", "alice", "payment3"]]
    assert solution(queries) == ["true", "1000", "payment1", "payment2", "", "payment3",
                                 "SCHEDULED", "705", "FAILED", "true", "false", "alice(300)",
                                 "PAID", "712", "CASHBACK_RECEIVED", "CANCELLED"]


def test_payment_ids_count_every_scheduled_payment_across_accounts(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["CREATE_ACCOUNT", "2", "b"],
               ["SCHEDULE_PAYMENT", "3", "a", "5", "9"], ["SCHEDULE_PAYMENT", "4", "b", "5", "9"],
               ["SCHEDULE_PAYMENT", "5", "x", "5", "9"], ["SCHEDULE_PAYMENT", "6", "a", "5", "9"]]
    assert solution(queries)[2:] == ["payment1", "payment2", "", "payment3"]


def test_a_payment_is_scheduled_without_looking_at_the_balance(solution):
    queries = [["CREATE_ACCOUNT", "1", "a"], ["SCHEDULE_PAYMENT", "2", "a", "500", "10"],
               ["GET_PAYMENT_STATUS", "3", "a", "payment1"]]
    assert solution(queries)[1:] == ["payment1", "SCHEDULED"]


def test_a_payment_runs_at_its_timestamp_plus_delay_not_before(solution):
    queries = funded(1000) + [["SCHEDULE_PAYMENT", "3", "a", "100", "10"],
                              ["GET_PAYMENT_STATUS", "12", "a", "payment1"],
                              ["DEPOSIT", "13", "a", "1"],
                              ["GET_PAYMENT_STATUS", "14", "a", "payment1"]]
    assert solution(queries)[3:] == ["SCHEDULED", "901", "PAID"]


def test_a_payment_due_at_a_querys_timestamp_runs_before_that_query(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                             ["GET_PAYMENT_STATUS", "8", "a", "payment1"]]
    assert solution(queries)[-1] == "PAID"


def test_money_deposited_at_the_due_time_comes_too_late(solution):
    queries = funded(50) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                            ["DEPOSIT", "8", "a", "100"],
                            ["GET_PAYMENT_STATUS", "9", "a", "payment1"]]
    assert solution(queries)[-2:] == ["150", "FAILED"]


def test_money_deposited_before_the_due_time_pays(solution):
    queries = funded(50) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                            ["DEPOSIT", "7", "a", "100"],
                            ["GET_PAYMENT_STATUS", "9", "a", "payment1"], ["DEPOSIT", "10", "a", "1"]]
    assert solution(queries)[-3:] == ["150", "PAID", "91"]


def test_a_transfer_at_the_due_time_sees_the_payment_already_taken(solution):
    queries = funded(100) + [["CREATE_ACCOUNT", "3", "b"],
                             ["SCHEDULE_PAYMENT", "4", "a", "70", "6"],
                             ["TRANSFER", "10", "a", "b", "40"],
                             ["GET_PAYMENT_STATUS", "11", "a", "payment1"]]
    assert solution(queries)[-2:] == ["", "PAID"]


def test_a_payment_the_balance_cannot_cover_fails_and_takes_nothing(solution):
    queries = funded(59) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                            ["GET_PAYMENT_STATUS", "8", "a", "payment1"],
                            ["DEPOSIT", "9", "a", "1"],
                            ["DEPOSIT", "100000000", "a", "1"]]
    assert solution(queries)[-3:] == ["FAILED", "60", "61"]


def test_a_payment_of_the_whole_balance_is_allowed(solution):
    queries = funded(60) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                            ["GET_PAYMENT_STATUS", "8", "a", "payment1"]]
    assert solution(queries)[-1] == "PAID"


def test_payments_due_together_run_in_the_order_they_were_scheduled(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "70", "7"],   # due 10
                             ["SCHEDULE_PAYMENT", "4", "a", "20", "6"],   # due 10
                             ["SCHEDULE_PAYMENT", "5", "a", "40", "5"],   # due 10
                             ["GET_PAYMENT_STATUS", "10", "a", "payment1"],
                             ["GET_PAYMENT_STATUS", "11", "a", "payment2"],
                             ["GET_PAYMENT_STATUS", "12", "a", "payment3"]]
    assert solution(queries)[-3:] == ["PAID", "PAID", "FAILED"]


def test_scheduling_order_means_payment2_before_payment10(solution):
    amounts = [1, 90, 1, 1, 1, 1, 1, 1, 1, 50, 1]            # payment1 ... payment11
    queries = funded(100) + [["SCHEDULE_PAYMENT", str(10 + i), "a", str(amount), str(90 - i)]
                             for i, amount in enumerate(amounts)]   # all due at 100
    queries += [["GET_PAYMENT_STATUS", "101", "a", "payment2"],
                ["GET_PAYMENT_STATUS", "102", "a", "payment10"]]
    assert solution(queries)[-2:] == ["PAID", "FAILED"]


def test_payments_due_at_different_times_run_by_due_time_not_by_number(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "70", "9"],   # due 12
                             ["SCHEDULE_PAYMENT", "4", "a", "40", "5"],   # due 9
                             ["GET_PAYMENT_STATUS", "20", "a", "payment1"],
                             ["GET_PAYMENT_STATUS", "21", "a", "payment2"]]
    assert solution(queries)[-2:] == ["FAILED", "PAID"]


def test_cashback_is_two_percent_rounded_down_a_day_after_the_payment_ran(solution):
    queries = funded(1000) + [["SCHEDULE_PAYMENT", "3", "a", "149", "7"],  # runs at 10
                              ["DEPOSIT", str(DAY + 9), "a", "1"],
                              ["GET_PAYMENT_STATUS", str(DAY + 9 + 1), "a", "payment1"],
                              ["DEPOSIT", str(DAY + 12), "a", "1"]]
    # 1000 - 149 = 851; +1 = 852; the cashback of 2 arrives at DAY + 10; +1 = 855
    assert solution(queries)[-3:] == ["852", "CASHBACK_RECEIVED", "855"]


def test_a_payment_stays_paid_until_its_cashback_arrives(solution):
    queries = funded(1000) + [["SCHEDULE_PAYMENT", "3", "a", "100", "7"],
                              ["GET_PAYMENT_STATUS", str(DAY + 9), "a", "payment1"],
                              ["GET_PAYMENT_STATUS", str(DAY + 10), "a", "payment1"]]
    assert solution(queries)[-2:] == ["PAID", "CASHBACK_RECEIVED"]


def test_a_cashback_rounded_down_to_nothing_is_still_received(solution):
    queries = funded(1000) + [["SCHEDULE_PAYMENT", "3", "a", "49", "7"],
                              ["GET_PAYMENT_STATUS", str(DAY + 10), "a", "payment1"],
                              ["DEPOSIT", str(DAY + 11), "a", "1"]]
    assert solution(queries)[-2:] == ["CASHBACK_RECEIVED", "952"]


def test_a_payment_and_its_cashback_both_settle_before_a_query_a_long_time_later(solution):
    queries = funded(1000) + [["SCHEDULE_PAYMENT", "3", "a", "500", "7"],
                              ["DEPOSIT", str(3 * DAY), "a", "1"],
                              ["GET_PAYMENT_STATUS", str(3 * DAY + 1), "a", "payment1"]]
    assert solution(queries)[-2:] == ["511", "CASHBACK_RECEIVED"]


def test_a_cashback_settles_before_a_payment_due_at_the_same_time(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "100", "7"],   # runs at 10, 0 left
                             ["SCHEDULE_PAYMENT", str(DAY), "a", "2", "10"],  # due DAY + 10
                             ["GET_PAYMENT_STATUS", str(DAY + 10), "a", "payment2"],
                             ["DEPOSIT", str(DAY + 11), "a", "1"]]
    # the cashback of 2 from payment1 arrives at DAY + 10 and pays payment2
    assert solution(queries)[-2:] == ["PAID", "1"]


def test_a_cashback_settles_before_an_earlier_scheduled_payment_due_at_the_same_time(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "2", str(DAY + 10)],  # due DAY + 13
                             ["SCHEDULE_PAYMENT", "4", "a", "100", "9"],   # runs at 13, 0 left
                             ["GET_PAYMENT_STATUS", str(DAY + 13), "a", "payment1"],
                             ["DEPOSIT", str(DAY + 14), "a", "1"]]
    # payment2's cashback of 2 is due at DAY + 13 too, and settles first although
    # payment1 has the smaller number and was scheduled before the cashback existed
    assert solution(queries)[-2:] == ["PAID", "1"]


def test_cancelling_a_scheduled_payment_stops_it(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                             ["CANCEL_PAYMENT", "4", "a", "payment1"],
                             ["GET_PAYMENT_STATUS", "5", "a", "payment1"],
                             ["DEPOSIT", "9", "a", "1"], ["CANCEL_PAYMENT", "10", "a", "payment1"],
                             ["TOP_SPENDERS", "11", "1"]]
    assert solution(queries)[3:] == ["true", "CANCELLED", "101", "false", "a(0)"]


def test_a_payment_due_at_the_cancel_timestamp_has_already_run(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                             ["CANCEL_PAYMENT", "8", "a", "payment1"],
                             ["GET_PAYMENT_STATUS", "9", "a", "payment1"]]
    assert solution(queries)[-2:] == ["false", "PAID"]


def test_a_failed_payment_cannot_be_cancelled(solution):
    queries = funded(10) + [["SCHEDULE_PAYMENT", "3", "a", "60", "5"],
                            ["CANCEL_PAYMENT", "9", "a", "payment1"],
                            ["GET_PAYMENT_STATUS", "10", "a", "payment1"]]
    assert solution(queries)[-2:] == ["false", "FAILED"]


def test_only_the_owner_sees_or_cancels_a_payment(solution):
    queries = funded(100) + [["CREATE_ACCOUNT", "3", "b"],
                             ["SCHEDULE_PAYMENT", "4", "a", "60", "50"],
                             ["CANCEL_PAYMENT", "5", "b", "payment1"],
                             ["GET_PAYMENT_STATUS", "6", "b", "payment1"],
                             ["GET_PAYMENT_STATUS", "7", "x", "payment1"],
                             ["CANCEL_PAYMENT", "8", "x", "payment1"],
                             ["GET_PAYMENT_STATUS", "9", "a", "payment1"]]
    assert solution(queries)[4:] == ["false", "", "", "false", "SCHEDULED"]


def test_an_unknown_payment_id_is_empty_or_false(solution):
    queries = funded(100) + [["SCHEDULE_PAYMENT", "3", "a", "60", "50"],
                             ["GET_PAYMENT_STATUS", "4", "a", "payment2"],
                             ["GET_PAYMENT_STATUS", "5", "a", "Payment1"],
                             ["CANCEL_PAYMENT", "6", "a", "payment0"]]
    assert solution(queries)[-3:] == ["", "", "false"]


def test_paid_payments_count_as_outgoing_and_cashback_does_not_reduce_them(solution):
    queries = funded(1000) + [["CREATE_ACCOUNT", "3", "b"], ["DEPOSIT", "4", "b", "1000"],
                              ["TRANSFER", "5", "b", "a", "250"],
                              ["SCHEDULE_PAYMENT", "6", "a", "300", "4"],    # paid at 10
                              ["SCHEDULE_PAYMENT", "7", "b", "900", "4"],    # fails at 11
                              ["SCHEDULE_PAYMENT", "8", "b", "10", "50"],    # cancelled
                              ["CANCEL_PAYMENT", "9", "b", "payment3"],
                              ["TOP_SPENDERS", "12", "2"],
                              ["TOP_SPENDERS", str(2 * DAY), "2"]]
    assert solution(queries)[-2:] == ["a(300), b(250)", "a(300), b(250)"]


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_a_naive_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=3))
