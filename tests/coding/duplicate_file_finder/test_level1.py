"""Level 1: the rules. One test per rule, then random trees compared with a
second, naive model (oracle.py). Trees are built in pytest's tmp_path.

Runs against every reference state (level1.py, level2.py, solution.py), or
against a reader's file with
`python3 dev.py practice duplicate-file-finder --impl FILE --level 1`.
"""
import os

import pytest

from tests.coding.duplicate_file_finder.oracle import Symlink, build, naive_groups, random_spec

LEVEL = 1
PHOTO = bytes(range(256)) * 40  # 10,240 bytes


def example(root):
    return build(root, {
        "photos/beach.jpg": PHOTO,
        "photos/beach (1).jpg": PHOTO,
        "backup/2024/beach.jpg": PHOTO,
        "notes.txt": b"buy milk\n",
        "todo.txt": b"buy milk\n",
        "draft.txt": b"buy silk\n",
        "empty-a": b"",
        "empty-b": b"",
        "latest.jpg": Symlink("photos/beach.jpg"),
    })


def test_our_worked_example(find_duplicates, tmp_path):
    assert find_duplicates(str(example(tmp_path))) == [
        ["backup/2024/beach.jpg", "photos/beach (1).jpg", "photos/beach.jpg"],
        ["notes.txt", "todo.txt"]]


def test_an_empty_folder_has_no_groups(find_duplicates, tmp_path):
    assert find_duplicates(str(tmp_path)) == []


def test_one_file_is_no_group(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"x"})
    assert find_duplicates(str(tmp_path)) == []


def test_two_equal_files_are_a_group(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"same", "b": b"same"})
    assert find_duplicates(str(tmp_path)) == [["a", "b"]]


def test_three_copies_are_one_group_of_three(find_duplicates, tmp_path):
    build(tmp_path, {"x/1": b"abc", "y/2": b"abc", "3": b"abc"})
    assert find_duplicates(str(tmp_path)) == [["3", "x/1", "y/2"]]


def test_the_same_size_is_not_enough(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"abcd", "b": b"abce", "c": b"xbcd"})
    assert find_duplicates(str(tmp_path)) == []


def test_files_that_differ_only_in_their_last_byte(find_duplicates, tmp_path):
    big = os.urandom(100_000)
    build(tmp_path, {"a": big, "b": big[:-1] + bytes([(big[-1] + 1) % 256]), "c": big})
    assert find_duplicates(str(tmp_path)) == [["a", "c"]]


def test_a_file_and_a_longer_file_that_starts_with_it(find_duplicates, tmp_path):
    build(tmp_path, {"short": b"abc", "long": b"abcabc"})
    assert find_duplicates(str(tmp_path)) == []


def test_several_groups_are_sorted_and_so_is_each_group(find_duplicates, tmp_path):
    build(tmp_path, {"z2": b"1", "a9": b"22", "z1": b"1", "b/a": b"22", "a0": b"333", "m": b"333"})
    assert find_duplicates(str(tmp_path)) == [["a0", "m"], ["a9", "b/a"], ["z1", "z2"]]


def test_paths_are_relative_to_the_root_with_slashes(find_duplicates, tmp_path):
    build(tmp_path, {"deep/er/still/f": b"q", "g": b"q"})
    assert find_duplicates(str(tmp_path)) == [["deep/er/still/f", "g"]]


def test_names_with_spaces_and_beyond_ascii(find_duplicates, tmp_path):
    build(tmp_path, {"résumé final.pdf": b"cv", "日本/コピー.pdf": b"cv"})
    assert find_duplicates(str(tmp_path)) == [["résumé final.pdf", "日本/コピー.pdf"]]


def test_empty_files_are_never_reported(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"", "b": b"", "c/d": b""})
    assert find_duplicates(str(tmp_path)) == []


def test_a_link_to_a_file_is_skipped(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"data", "link": Symlink("a")})
    assert find_duplicates(str(tmp_path)) == []
    build(tmp_path, {"copy": b"data"})
    assert find_duplicates(str(tmp_path)) == [["a", "copy"]]


def test_a_link_to_a_folder_is_not_followed(find_duplicates, tmp_path):
    build(tmp_path, {"real/a": b"data", "alias": Symlink("real"), "real/loop": Symlink("..")})
    assert find_duplicates(str(tmp_path)) == []


def test_a_broken_link_is_skipped(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"x", "b": b"x", "dangling": Symlink("nowhere")})
    assert find_duplicates(str(tmp_path)) == [["a", "b"]]


def test_a_named_pipe_is_never_opened(find_duplicates, tmp_path):
    # Opening a pipe for reading waits for a writer: forever, here.
    build(tmp_path, {"a": b"x", "b": b"x"})
    os.mkfifo(tmp_path / "pipe")
    assert find_duplicates(str(tmp_path)) == [["a", "b"]]


@pytest.mark.parametrize("seed", range(40))
def test_random_trees_match_a_second_model(find_duplicates, tmp_path, seed):
    build(tmp_path, random_spec(seed))
    assert find_duplicates(str(tmp_path)) == naive_groups(tmp_path)
