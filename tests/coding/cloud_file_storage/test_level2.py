"""Level 2 (the site's reconstruction): GET_N_LARGEST."""
import pytest

from tests.coding.cloud_file_storage.oracle import check_against_the_model, random_queries

LEVEL = 2


def test_our_worked_example(solution):
    queries = [["ADD_FILE", "/dir/a", "300"], ["ADD_FILE", "/dir/b", "500"],
               ["ADD_FILE", "/dir/c", "300"], ["ADD_FILE", "/other", "900"],
               ["GET_N_LARGEST", "/dir", "2"], ["GET_N_LARGEST", "/dir", "10"],
               ["GET_N_LARGEST", "/none", "3"]]
    assert solution(queries)[-3:] == ["/dir/b(500), /dir/a(300)",
                                      "/dir/b(500), /dir/a(300), /dir/c(300)", ""]


def test_larger_files_come_first(solution):
    queries = [["ADD_FILE", "/s", "1"], ["ADD_FILE", "/l", "3"], ["ADD_FILE", "/m", "2"],
               ["GET_N_LARGEST", "/", "3"]]
    assert solution(queries)[-1] == "/l(3), /m(2), /s(1)"


def test_equal_sizes_come_in_ascending_name_order(solution):
    queries = [["ADD_FILE", "/c", "5"], ["ADD_FILE", "/a", "5"], ["ADD_FILE", "/b", "5"],
               ["GET_N_LARGEST", "/", "3"]]
    assert solution(queries)[-1] == "/a(5), /b(5), /c(5)"


def test_sizes_compare_as_numbers_not_as_strings(solution):
    queries = [["ADD_FILE", "/nine", "9"], ["ADD_FILE", "/ten", "10"],
               ["ADD_FILE", "/hundred", "100"], ["GET_N_LARGEST", "/", "3"]]
    assert solution(queries)[-1] == "/hundred(100), /ten(10), /nine(9)"


def test_only_the_n_largest_are_listed(solution):
    queries = [["ADD_FILE", f"/f{i}", str(i)] for i in range(1, 8)] + [["GET_N_LARGEST", "/f", "2"]]
    assert solution(queries)[-1] == "/f7(7), /f6(6)"


def test_fewer_matches_than_n_lists_them_all(solution):
    queries = [["ADD_FILE", "/a", "1"], ["GET_N_LARGEST", "/", "5"]]
    assert solution(queries)[-1] == "/a(1)"


def test_no_match_is_empty(solution):
    queries = [["GET_N_LARGEST", "/", "3"], ["ADD_FILE", "/a", "1"], ["GET_N_LARGEST", "/b", "3"]]
    assert solution(queries) == ["", "true", ""]


def test_the_prefix_is_a_prefix_not_a_substring_and_is_case_sensitive(solution):
    queries = [["ADD_FILE", "/x/dir/f", "1"], ["ADD_FILE", "/dir/g", "2"], ["ADD_FILE", "/Dir/h", "3"],
               ["ADD_FILE", "/dir", "4"], ["GET_N_LARGEST", "/dir", "9"]]
    assert solution(queries)[-1] == "/dir(4), /dir/g(2)"


def test_an_empty_prefix_matches_every_file(solution):
    queries = [["ADD_FILE", "/a", "1"], ["ADD_FILE", "b", "2"], ["GET_N_LARGEST", "", "9"]]
    assert solution(queries)[-1] == "b(2), /a(1)"


def test_deleted_files_are_not_listed(solution):
    queries = [["ADD_FILE", "/a", "1"], ["ADD_FILE", "/b", "2"], ["DELETE_FILE", "/b"],
               ["GET_N_LARGEST", "/", "9"]]
    assert solution(queries)[-1] == "/a(1)"


@pytest.mark.parametrize("seed", range(15))
def test_agrees_with_a_naive_list_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=2))
