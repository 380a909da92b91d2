"""Level 3: hard links are one file, and nothing is read that the answer does
not need. A file is never read further than its size (no byte twice); one that
differs from every other file of its size within its first p bytes is read at
most 2p + BLOCK bytes; of the paths to one hard-linked file, only the first in
sorted order is ever opened, and only it is listed.

Runs against solution.py, or a reader's file with
`python3 dev.py practice duplicate-file-finder --impl FILE --level 3`.
"""
import os

import pytest

from tests.coding.duplicate_file_finder.oracle import (HardLink, build, contents, naive_groups,
                                                       random_spec, run, unique_prefix)

LEVEL = 3
BLOCK = 4096
MB = 1_000_000


def differ_at(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([(data[at] + 1) % 256]) + data[at + 1:]


def test_hard_links_to_one_file_are_one_file(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"data", "b": HardLink("a"), "c": b"data"})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [["a", "c"]]
    assert opener.opens["b"] == 0


def test_hard_links_alone_are_no_group(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"data", "b": HardLink("a"), "c/d": HardLink("a")})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [] and sum(opener.bytes.values()) == 0


def test_a_hard_linked_file_is_listed_and_read_under_its_first_path(find_duplicates, tmp_path):
    build(tmp_path, {"z": b"data", "m": b"data", "a": HardLink("z")})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [["a", "m"]]
    assert opener.bytes["z"] == 0 and opener.bytes["a"] == 4


def test_duplicates_are_read_exactly_once(find_duplicates, tmp_path):
    data = os.urandom(MB)
    build(tmp_path, {"a": data, "b": data, "c": data})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [["a", "b", "c"]]
    assert [opener.bytes[name] for name in "abc"] == [MB, MB, MB]


def test_reading_stops_soon_after_the_first_difference(find_duplicates, tmp_path):
    data = os.urandom(MB)
    build(tmp_path, {"a": data, "b": differ_at(data, 10_000)})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == []
    assert all(opener.bytes[name] <= 2 * 10_001 + BLOCK for name in "ab")


def test_each_file_stops_where_it_parts_from_the_rest(find_duplicates, tmp_path):
    data = os.urandom(MB)
    build(tmp_path, {"a": data, "b": differ_at(data, 50_000), "c": differ_at(data, 5_000),
                     "d": data})
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == [["a", "d"]]
    assert opener.bytes["c"] <= 2 * 5_001 + BLOCK
    assert opener.bytes["b"] <= 2 * 50_001 + BLOCK
    assert opener.bytes["a"] == opener.bytes["d"] == MB


def test_an_unreadable_file_is_still_left_out(find_duplicates, tmp_path):
    build(tmp_path, {"a": b"same", "b": HardLink("a"), "c": b"same", "d": b"same"})
    groups, _ = run(find_duplicates, tmp_path, refuse={"c"})
    assert groups == [["a", "d"]]


@pytest.mark.parametrize("seed", range(40))
def test_random_trees_with_hard_links_read_only_what_they_must(find_duplicates, tmp_path, seed):
    build(tmp_path, random_spec(seed, hard_links=True))
    groups, opener = run(find_duplicates, tmp_path)
    assert groups == naive_groups(tmp_path)
    files = contents(tmp_path)
    first = {}
    for name in sorted(files):
        first.setdefault(files[name][1], name)
    for name, needed in unique_prefix(tmp_path).items():
        read, size = opener.bytes[name], len(files[name][0])
        if first[files[name][1]] != name:
            assert opener.opens[name] == 0, name
        else:
            assert read <= min(size, 2 * needed + BLOCK), name
