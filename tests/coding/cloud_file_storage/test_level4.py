"""Level 4, from the candidate report: COMPRESS_FILE and DECOMPRESS_FILE.

The report's text gives the compressed suffix as `.compressed` and its example
as `.COMPRESSED`; these tests use `.COMPRESSED`. The report lists its example's
queries but not their answers: the answers below are the ones the rules give,
each explained on the page.
"""
import pytest

from tests.coding.cloud_file_storage.oracle import check_against_the_model, random_queries

LEVEL = 4

REPORTED = [["ADD_USER", "user1", "1000"],
            ["ADD_USER", "user2", "5000"],
            ["ADD_FILE_BY", "user1", "/dir/file.mp4", "500"],
            ["COMPRESS_FILE", "user2", "/dir/file.mp4"],
            ["COMPRESS_FILE", "user3", "/dir/file.mp4"],
            ["COMPRESS_FILE", "user1", "/folder/non_existing_file"],
            ["COMPRESS_FILE", "user1", "/dir/file.mp4"],
            ["GET_FILE_SIZE", "/dir/file.mp4.COMPRESSED"],
            ["GET_FILE_SIZE", "/dir/file.mp4"],
            ["COPY_FILE", "/dir/file.mp4.COMPRESSED", "/file.mp4.COMPRESSED"],
            ["ADD_FILE_BY", "user1", "/dir/file.mp4", "300"],
            ["DECOMPRESS_FILE", "user1", "/dir/file.mp4.COMPRESSED"],
            ["DECOMPRESS_FILE", "user2", "/dir/file.mp4.COMPRESSED"],
            ["DECOMPRESS_FILE", "user1", "/dir/file.mp4.COMPRESSED"],
            ["DECOMPRESS_FILE", "user1", "/file.mp4.COMPRESSED"]]


def test_the_reported_example(solution):
    assert solution(REPORTED) == ["true", "true", "500", "", "", "", "750", "250", "", "true",
                                  "200", "", "", "", ""]


def test_the_reported_example_continued_until_both_decompress(solution):
    queries = REPORTED + [["DELETE_FILE", "/dir/file.mp4"],
                          ["DECOMPRESS_FILE", "user1", "/dir/file.mp4.COMPRESSED"],
                          ["DECOMPRESS_FILE", "user1", "/file.mp4.COMPRESSED"],
                          ["GET_FILE_SIZE", "/file.mp4"]]
    assert solution(queries)[-4:] == ["300", "250", "0", "500"]


def test_compressing_halves_the_size_renames_and_returns_the_capacity_left(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"],
               ["COMPRESS_FILE", "u", "/a"], ["GET_FILE_SIZE", "/a.COMPRESSED"], ["GET_FILE_SIZE", "/a"],
               ["ADD_FILE_BY", "u", "/b", "1"]]
    assert solution(queries) == ["true", "60", "80", "20", "", "79"]


def test_only_the_owner_can_compress(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_USER", "v", "100"], ["ADD_FILE_BY", "u", "/a", "40"],
               ["COMPRESS_FILE", "v", "/a"], ["COMPRESS_FILE", "ghost", "/a"], ["GET_FILE_SIZE", "/a"]]
    assert solution(queries)[-3:] == ["", "", "40"]


def test_no_user_owns_a_file_added_with_add_file(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["GET_FILE_SIZE", "/a"]]
    assert solution(queries)[-2:] == ["", "40"]


def test_compressing_a_missing_file_is_empty(solution):
    assert solution([["ADD_USER", "u", "100"], ["COMPRESS_FILE", "u", "/a"]]) == ["true", ""]


def test_a_compressed_file_is_not_compressed_again(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["COMPRESS_FILE", "u", "/a.COMPRESSED"], ["GET_FILE_SIZE", "/a.COMPRESSED"],
               ["GET_FILE_SIZE", "/a.COMPRESSED.COMPRESSED"]]
    assert solution(queries)[-3:] == ["", "20", ""]


def test_decompressing_restores_the_name_and_size_and_returns_the_capacity_left(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"], ["GET_FILE_SIZE", "/a"],
               ["GET_FILE_SIZE", "/a.COMPRESSED"]]
    assert solution(queries) == ["true", "60", "80", "60", "40", ""]


def test_only_names_with_the_suffix_can_be_decompressed(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"],
               ["DECOMPRESS_FILE", "u", "/a"], ["GET_FILE_SIZE", "/a"]]
    assert solution(queries)[-2:] == ["", "40"]


def test_only_the_owner_can_decompress(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_USER", "v", "100"], ["ADD_FILE_BY", "u", "/a", "40"],
               ["COMPRESS_FILE", "u", "/a"], ["DECOMPRESS_FILE", "v", "/a.COMPRESSED"],
               ["DECOMPRESS_FILE", "ghost", "/a.COMPRESSED"], ["GET_FILE_SIZE", "/a.COMPRESSED"]]
    assert solution(queries)[-3:] == ["", "", "20"]


def test_decompressing_a_missing_file_is_empty(solution):
    assert solution([["ADD_USER", "u", "100"],
                     ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"]]) == ["true", ""]


def test_decompressing_fails_while_the_original_name_is_taken(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["ADD_FILE", "/a", "1"], ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"],
               ["GET_FILE_SIZE", "/a"], ["GET_FILE_SIZE", "/a.COMPRESSED"], ["DELETE_FILE", "/a"],
               ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"]]
    assert solution(queries)[-6:] == ["true", "", "1", "20", "1", "60"]


def test_decompressing_fails_when_the_full_size_would_exceed_the_capacity(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "60"], ["COMPRESS_FILE", "u", "/a"],
               ["ADD_FILE_BY", "u", "/b", "41"], ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"],
               ["GET_FILE_SIZE", "/a.COMPRESSED"], ["DELETE_FILE", "/b"], ["ADD_FILE_BY", "u", "/b", "40"],
               ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"]]
    assert solution(queries)[-6:] == ["29", "", "30", "41", "30", "0"]


def test_a_copy_of_a_compressed_file_decompresses_like_the_original(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["COPY_FILE", "/a.COMPRESSED", "/b.COMPRESSED"],
               ["DECOMPRESS_FILE", "u", "/b.COMPRESSED"], ["GET_FILE_SIZE", "/b"]]
    assert solution(queries)[-3:] == ["true", "40", "40"]


def test_compressing_and_decompressing_gives_back_the_capacity(solution):
    queries = [["ADD_USER", "u", "1000"], ["ADD_FILE_BY", "u", "/a", "200"], ["ADD_FILE_BY", "u", "/b", "300"],
               ["COMPRESS_FILE", "u", "/a"], ["COMPRESS_FILE", "u", "/b"],
               ["DECOMPRESS_FILE", "u", "/a.COMPRESSED"], ["DECOMPRESS_FILE", "u", "/b.COMPRESSED"]]
    assert solution(queries) == ["true", "800", "500", "600", "750", "650", "500"]


def test_deleting_a_compressed_file_gives_back_its_compressed_size(solution):
    queries = [["ADD_USER", "u", "100"], ["ADD_FILE_BY", "u", "/a", "40"], ["COMPRESS_FILE", "u", "/a"],
               ["DELETE_FILE", "/a.COMPRESSED"], ["ADD_FILE_BY", "u", "/b", "100"]]
    assert solution(queries)[-2:] == ["20", "0"]


@pytest.mark.parametrize("seed", range(20))
def test_agrees_with_a_naive_list_model_on_random_queries(solution, seed):
    check_against_the_model(solution, random_queries(seed, level=4))
