"""Level 1 (the site's reconstruction): ADD_FILE, GET_FILE_SIZE, DELETE_FILE."""
import pytest

from tests.coding.cloud_file_storage.oracle import check_against_the_model, random_queries

LEVEL = 1


def test_our_worked_example(solution):
    queries = [["ADD_FILE", "/dir/a.txt", "100"], ["ADD_FILE", "/dir/a.txt", "5"],
               ["GET_FILE_SIZE", "/dir/a.txt"], ["GET_FILE_SIZE", "/dir/b.txt"],
               ["DELETE_FILE", "/dir/a.txt"], ["DELETE_FILE", "/dir/a.txt"]]
    assert solution(queries) == ["true", "false", "100", "", "100", ""]


def test_adding_a_new_name_is_true_and_stores_its_size(solution):
    assert solution([["ADD_FILE", "/f", "42"], ["GET_FILE_SIZE", "/f"]]) == ["true", "42"]


def test_adding_an_existing_name_is_false_and_keeps_the_first_size(solution):
    queries = [["ADD_FILE", "/f", "10"], ["ADD_FILE", "/f", "99"], ["GET_FILE_SIZE", "/f"]]
    assert solution(queries) == ["true", "false", "10"]


def test_the_size_of_a_missing_file_is_empty(solution):
    assert solution([["GET_FILE_SIZE", "/nothing"]]) == [""]


def test_delete_returns_the_size_it_removed(solution):
    queries = [["ADD_FILE", "/f", "7"], ["DELETE_FILE", "/f"], ["GET_FILE_SIZE", "/f"]]
    assert solution(queries) == ["true", "7", ""]


def test_deleting_a_missing_file_is_empty_every_time(solution):
    queries = [["DELETE_FILE", "/f"], ["ADD_FILE", "/f", "1"], ["DELETE_FILE", "/f"],
               ["DELETE_FILE", "/f"]]
    assert solution(queries) == ["", "true", "1", ""]


def test_a_deleted_name_can_be_added_again_with_a_new_size(solution):
    queries = [["ADD_FILE", "/f", "1"], ["DELETE_FILE", "/f"], ["ADD_FILE", "/f", "2"],
               ["GET_FILE_SIZE", "/f"]]
    assert solution(queries) == ["true", "1", "true", "2"]


def test_names_are_compared_as_exact_strings(solution):
    queries = [["ADD_FILE", "/a", "1"], ["ADD_FILE", "/a/", "2"], ["ADD_FILE", "/A", "3"],
               ["ADD_FILE", "a", "4"], ["GET_FILE_SIZE", "/a/"], ["DELETE_FILE", "/a"],
               ["GET_FILE_SIZE", "/A"], ["GET_FILE_SIZE", "a"]]
    assert solution(queries) == ["true", "true", "true", "true", "2", "1", "3", "4"]


def test_sizes_are_whole_numbers_of_any_magnitude(solution):
    queries = [["ADD_FILE", "/big", "1099511627776"], ["GET_FILE_SIZE", "/big"],
               ["DELETE_FILE", "/big"]]
    assert solution(queries) == ["true", "1099511627776", "1099511627776"]


def test_one_answer_per_query_in_order(solution):
    queries = [["ADD_FILE", f"/f{i}", str(i)] for i in range(50)]
    queries += [["GET_FILE_SIZE", f"/f{i}"] for i in reversed(range(50))]
    assert solution(queries) == ["true"] * 50 + [str(i) for i in reversed(range(50))]


@pytest.mark.parametrize("seed", range(10))
def test_agrees_with_a_naive_list_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=1))
