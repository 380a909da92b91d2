"""Level 3 (the site's reconstruction): users with a capacity, and copies.

A user's remaining capacity is their capacity minus the sizes of the files they
own now, so deleting a file gives its size back. Files added with ADD_FILE belong
to an administrator with no limit.
"""
import pytest

from tests.coding.cloud_file_storage.oracle import check_against_the_model, random_queries

LEVEL = 3


def test_our_worked_example(solution):
    queries = [["ADD_USER", "ann", "1000"], ["ADD_USER", "ann", "50"],
               ["ADD_FILE_BY", "ann", "/ann/a", "600"], ["ADD_FILE_BY", "ann", "/ann/b", "500"],
               ["COPY_FILE", "/ann/a", "/ann/a2"], ["ADD_FILE", "/shared", "5000"],
               ["COPY_FILE", "/shared", "/shared2"], ["DELETE_FILE", "/ann/a"],
               ["COPY_FILE", "/ann/missing", "/x"], ["ADD_FILE_BY", "bob", "/bob/a", "1"]]
    assert solution(queries) == ["true", "false", "400", "", "false", "true", "true", "600",
                                 "false", ""]


def test_a_user_is_added_once(solution):
    assert solution([["ADD_USER", "u", "10"], ["ADD_USER", "u", "10"],
                     ["ADD_USER", "v", "10"]]) == ["true", "false", "true"]


def test_adding_a_user_again_keeps_the_first_capacity(solution):
    queries = [["ADD_USER", "u", "10"], ["ADD_USER", "u", "1000"], ["ADD_FILE_BY", "u", "/f", "11"],
               ["ADD_FILE_BY", "u", "/f", "10"]]
    assert solution(queries) == ["true", "false", "", "0"]


def test_each_upload_returns_the_capacity_left(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "30"],
               ["ADD_FILE_BY", "u", "/b", "45"], ["GET_FILE_SIZE", "/b"]]
    assert solution(queries) == ["true", "70", "25", "45"]


def test_an_unknown_user_uploads_nothing(solution):
    queries = [["ADD_FILE_BY", "ghost", "/f", "1"], ["GET_FILE_SIZE", "/f"]]
    assert solution(queries) == ["", ""]


def test_an_upload_under_a_taken_name_fails_whoever_owns_it(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_USER", "v", "100"], ["ADD_FILE", "/admin", "5"],
               ["ADD_FILE_BY", "v", "/v", "5"], ["ADD_FILE_BY", "u", "/admin", "1"],
               ["ADD_FILE_BY", "u", "/v", "1"], ["ADD_FILE_BY", "v", "/v", "1"],
               ["GET_FILE_SIZE", "/v"], ["ADD_FILE_BY", "u", "/u", "1"]]
    assert solution(queries) == ["true", "true", "true", "95", "", "", "", "5", "99"]


def test_an_upload_that_would_exceed_the_capacity_fails_and_stores_nothing(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "60"],
               ["ADD_FILE_BY", "u", "/b", "41"], ["GET_FILE_SIZE", "/b"],
               ["ADD_FILE_BY", "u", "/c", "40"]]
    assert solution(queries) == ["true", "40", "", "", "0"]


def test_filling_the_capacity_exactly_is_allowed(solution):
    queries = [["ADD_USER", "u", "10"], ["ADD_FILE_BY", "u", "/a", "10"],
               ["ADD_FILE_BY", "u", "/b", "1"], ["ADD_USER", "z", "0"], ["ADD_FILE_BY", "z", "/z", "1"]]
    assert solution(queries) == ["true", "0", "", "true", ""]


def test_deleting_a_file_gives_its_size_back_to_its_owner(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "80"], ["DELETE_FILE", "/a"],
               ["ADD_FILE_BY", "u", "/b", "90"]]
    assert solution(queries) == ["true", "20", "80", "10"]


def test_users_have_separate_capacities(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_USER", "v", "100"], ["ADD_FILE_BY", "u", "/u", "90"],
               ["ADD_FILE_BY", "v", "/v", "50"], ["DELETE_FILE", "/u"], ["ADD_FILE_BY", "v", "/w", "10"]]
    assert solution(queries) == ["true", "true", "10", "50", "90", "40"]


def test_add_file_belongs_to_an_administrator_without_a_limit(solution):
    queries = [["ADD_USER", "u", "10"], ["ADD_FILE", "/huge", "1000000000"],
               ["ADD_FILE_BY", "u", "/mine", "10"], ["COPY_FILE", "/huge", "/huge2"],
               ["GET_FILE_SIZE", "/huge2"]]
    assert solution(queries) == ["true", "true", "0", "true", "1000000000"]


def test_a_copy_has_the_same_size_under_the_new_name(solution):
    queries = [["ADD_FILE", "/a", "12"], ["COPY_FILE", "/a", "/b"], ["GET_FILE_SIZE", "/a"],
               ["GET_FILE_SIZE", "/b"]]
    assert solution(queries) == ["true", "true", "12", "12"]


def test_copying_a_missing_file_is_false(solution):
    assert solution([["COPY_FILE", "/a", "/b"], ["GET_FILE_SIZE", "/b"]]) == ["false", ""]


def test_copying_onto_an_existing_name_is_false_and_changes_nothing(solution):
    queries = [["ADD_FILE", "/a", "1"], ["ADD_FILE", "/b", "2"], ["COPY_FILE", "/a", "/b"],
               ["COPY_FILE", "/a", "/a"], ["GET_FILE_SIZE", "/b"], ["GET_FILE_SIZE", "/a"]]
    assert solution(queries) == ["true", "true", "false", "false", "2", "1"]


def test_a_copy_belongs_to_the_source_owner_and_uses_their_capacity(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_USER", "v", "100"], ["ADD_FILE_BY", "u", "/a", "30"],
               ["COPY_FILE", "/a", "/b"], ["ADD_FILE_BY", "u", "/c", "1"],
               ["ADD_FILE_BY", "v", "/d", "1"], ["DELETE_FILE", "/b"], ["ADD_FILE_BY", "u", "/e", "1"]]
    assert solution(queries) == ["true", "true", "70", "true", "39", "99", "30", "68"]


def test_a_copy_the_owner_has_no_room_for_is_false(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "60"],
               ["COPY_FILE", "/a", "/b"], ["GET_FILE_SIZE", "/b"], ["ADD_FILE_BY", "u", "/c", "40"]]
    assert solution(queries) == ["true", "40", "false", "", "0"]


def test_a_copy_that_fills_the_capacity_exactly_is_allowed(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "50"], ["COPY_FILE", "/a", "/b"],
               ["ADD_FILE_BY", "u", "/c", "1"]]
    assert solution(queries) == ["true", "50", "true", ""]


def test_a_copy_outlives_its_source(solution):
    queries = [["ADD_FILE", "/a", "3"], ["COPY_FILE", "/a", "/b"], ["DELETE_FILE", "/a"],
               ["GET_FILE_SIZE", "/b"], ["GET_FILE_SIZE", "/a"]]
    assert solution(queries) == ["true", "true", "3", "3", ""]


def test_the_earlier_operations_see_users_files(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/d/a", "40"], ["ADD_FILE", "/d/b", "50"],
               ["ADD_FILE", "/d/a", "1"], ["GET_N_LARGEST", "/d", "5"], ["GET_FILE_SIZE", "/d/a"]]
    assert solution(queries)[-3:] == ["false", "/d/b(50), /d/a(40)", "40"]


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_a_naive_list_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=3))
