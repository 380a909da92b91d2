"""Level 2: the same answers, reading only what it takes. Every test passes an
opener that counts the bytes it hands out (snippets/.../counting.py); a file of
unique size is never opened, one whose first BLOCK bytes match no other file of
its size is read at most BLOCK bytes, and no file more than its size plus
BLOCK. Files the opener refuses, or that fail while being read, are left out.

Runs against level2.py and solution.py, or a reader's file with
`python3 dev.py practice duplicate-file-finder --impl FILE --level 2`.
"""
import os

import pytest

from tests.coding.duplicate_file_finder.oracle import build, naive_groups, random_spec, run, unique_prefix

LEVEL = 2
BLOCK = 4096
MB = 1_000_000


def test_a_file_of_unique_size_is_never_opened(find_duplicates, tmp_path):
    build(tmp_path, {"big": os.urandom(MB), "a": b"xy", "b": b"xy"})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [["a", "b"]]
    assert opener.opens["big"] == 0 and opener.bytes["big"] == 0


def test_empty_files_are_never_opened(find_duplicates, tmp_path):
    build(tmp_path, {"e1": b"", "e2": b""})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [] and sum(opener.opens.values()) == 0


def test_equal_sizes_that_differ_in_the_first_block_cost_one_block_each(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"A" + os.urandom(MB - 1), "b": b"B" + os.urandom(MB - 1)})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == []
    assert 0 < opener.bytes["a"] <= BLOCK and 0 < opener.bytes["b"] <= BLOCK


def test_duplicates_are_read_to_the_end_and_not_much_more(find_duplicates, tmp_path):
    data = os.urandom(MB)
    build(tmp_path, {"a": data, "b": data})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [["a", "b"]]
    for name in "ab":
        assert MB <= opener.bytes[name] <= MB + BLOCK  # proof needs every byte; the opener saw them


def test_a_late_difference_costs_at_most_the_size_plus_one_block(find_duplicates, tmp_path):
    data = os.urandom(MB)
    build(tmp_path, {"a": data, "b": data[:-1] + bytes([(data[-1] + 1) % 256])})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == []
    assert all(0 < opener.bytes[name] <= MB + BLOCK for name in "ab")


def test_a_file_that_cannot_be_opened_is_left_out(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"same", "b": b"same", "c": b"same", "d": b"pair", "e": b"pair"})
    groups, _ = run(find_duplicates, tmp_path, refuse={"b", "e"})
    assert groups == [["a", "c"]]


def test_a_file_that_fails_while_being_read_is_left_out(find_duplicates, tmp_path):
    data = os.urandom(3 * BLOCK)
    build(tmp_path, {"a": data, "b": data, "c": data})
    groups, _ = run(find_duplicates, tmp_path, fail_reads={"c"})
    assert groups == [["a", "b"]]


def test_files_are_closed(find_duplicates, tmp_path):
    build(tmp_path, {f"f{i}": b"same" for i in range(20)})
    _, opener = run(find_duplicates, tmp_path)
    assert opener.open_now == 0


@pytest.mark.parametrize("seed", range(40))
def test_random_trees_give_the_same_groups_and_respect_the_reading_bounds(find_duplicates, tmp_path, seed):
    build(tmp_path, random_spec(seed))
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == naive_groups(tmp_path)
    duplicated = {name for group in groups for name in group}
    for name, needed in unique_prefix(tmp_path).items():
        size = (tmp_path / name).stat().st_size
        read = opener.bytes[name]
        if needed == 0:
            assert read == 0, name
        elif needed <= BLOCK and name not in duplicated:
            assert read <= BLOCK, name
        else:
            assert read <= size + BLOCK, name
        if name in duplicated:
            assert read >= size, name
