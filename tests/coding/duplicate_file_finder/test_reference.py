"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem states. Here: our own answers to the
questions it leaves open (a root that is not a folder, a folder that cannot be
listed, the report of what was left out), the cost claims of the page's
Complexity section (one file open at a time, how often a file is opened), the
counting opener itself, the starter, and the follow-ups.
"""
import hashlib
import importlib
import io
import math
import os
import random

import pytest

from snippets.coding.duplicate_file_finder import solution, starter
from snippets.coding.duplicate_file_finder.counting import CountingOpener
from snippets.coding.duplicate_file_finder.followups import (cdc_chunks, collision_odds,
                                                             fixed_chunks, shared_share)
from tests.coding.duplicate_file_finder.oracle import HardLink, build, naive_groups, random_spec
from tests.coding.shared import kept

PACKAGE = "snippets.coding.duplicate_file_finder"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").find_duplicates for name in KEPT}


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "level2", "solution"]


# Ours: a root that is not a folder is a mistake to report, not an empty answer.
@pytest.mark.parametrize("name", KEPT)
def test_a_root_that_is_not_a_folder_raises(name, tmp_path):
    build(tmp_path, {"file": b"x"})
    for bad in (tmp_path / "file", tmp_path / "missing"):
        with pytest.raises(NotADirectoryError):
            REFERENCES[name](str(bad))


@pytest.mark.parametrize("name", KEPT)
def test_the_root_may_be_a_path_object(name, tmp_path):
    build(tmp_path, {"a": b"x", "b": b"x"})
    assert REFERENCES[name](tmp_path) == [["a", "b"]]


# A file that disappears between the listing and its lstat is skipped, by every state.
@pytest.mark.parametrize("name", KEPT)
def test_a_file_gone_before_it_is_examined_is_skipped(name, tmp_path, monkeypatch):
    build(tmp_path, {"a": b"x", "b": b"x", "c": b"x"})
    real = os.lstat

    def vanishing(path, *args, **kwargs):
        if os.path.basename(path) == "b":
            raise FileNotFoundError(2, "No such file or directory", path)
        return real(path, *args, **kwargs)
    monkeypatch.setattr(os, "lstat", vanishing)
    assert REFERENCES[name](str(tmp_path)) == [["a", "c"]]


# Ours: scan() says what it left out, so a caller can tell "no duplicates" from
# "could not look".
def test_the_report_lists_unreadable_files_and_folders(tmp_path, monkeypatch):
    build(tmp_path, {"a": b"x", "b": b"x", "c": b"x", "locked/d": b"x"})
    real = os.scandir

    def locked(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)
    monkeypatch.setattr(os, "scandir", locked)
    report = solution.scan(tmp_path, CountingOpener(tmp_path, refuse={"c"}))
    assert report.groups == [["a", "b"]]
    assert report.unreadable == ["c", "locked"]


def test_a_file_that_fails_mid_read_is_reported(tmp_path):
    data = os.urandom(20_000)
    build(tmp_path, {"a": data, "b": data, "c": data})
    report = solution.scan(tmp_path, CountingOpener(tmp_path, fail_reads={"b"}))
    assert report == (([["a", "c"]]), ["b"])


# Ours: a file that changes between the listing and its reading drops out of its
# group, whether it grew or shrank, even when the rounds end exactly on its listed
# size (12,288 = 4,096 + 8,192 bytes): the last read asks for one byte more.
@pytest.mark.parametrize("size", [10_000, 12_288])
@pytest.mark.parametrize("change", ["grows", "shrinks"])
def test_a_file_that_changes_after_the_listing_is_no_duplicate(tmp_path, size, change):
    data = os.urandom(size)
    build(tmp_path, {"a": data, "b": data, "c": data})
    counting, changed = CountingOpener(tmp_path), []

    def opener(path):
        if os.path.basename(path) == "b" and not changed:
            changed.append(path)
            if change == "grows":
                with open(path, "ab") as log:
                    log.write(b"appended")
            else:
                os.truncate(path, size - 1)
        return counting(path)
    assert solution.find_duplicates(tmp_path, opener) == [["a", "c"]]
    assert counting.bytes["a"] == counting.bytes["c"] == size  # unchanged files: no byte more


# Complexity: one file open at a time, and a duplicate opened once per round.
def test_the_reference_holds_one_file_open_at_a_time(tmp_path):
    build(tmp_path, random_spec(7, hard_links=True))
    opener = CountingOpener(tmp_path)
    assert solution.find_duplicates(tmp_path, opener) == naive_groups(tmp_path)
    assert opener.most_open == 1 and opener.open_now == 0


@pytest.mark.parametrize("size", [1, 4096, 4097, 100_000, 3_000_000])
def test_a_duplicate_is_opened_once_per_round(tmp_path, size):
    data = random.Random(size).randbytes(size)
    build(tmp_path, {"a": data, "b": data})
    opener = CountingOpener(tmp_path)
    assert solution.find_duplicates(tmp_path, opener) == [["a", "b"]]
    rounds, offset, length = 0, 0, solution.BLOCK
    while offset < size:
        rounds, offset, length = rounds + 1, offset + length, min(2 * length, solution.MAX_READ)
    assert opener.opens["a"] == opener.opens["b"] == rounds
    assert opener.bytes["a"] == size
    assert rounds <= math.log2(solution.MAX_READ // solution.BLOCK) + 1 + size // solution.MAX_READ


def test_hard_links_in_random_trees_match_the_second_model(tmp_path):
    for seed in range(10):
        root = tmp_path / str(seed)
        build(root, random_spec(seed, hard_links=True))
        assert solution.find_duplicates(root) == naive_groups(root)


def test_levels_one_and_two_count_hard_links_as_copies(tmp_path):
    # Their rules predate level 3's; the page's reading table shows the difference.
    build(tmp_path, {"a": b"data", "b": HardLink("a")})
    assert REFERENCES["level1"](tmp_path) == REFERENCES["level2"](tmp_path) == [["a", "b"]]
    assert solution.find_duplicates(tmp_path) == []


# The counting opener: nothing reads around it, and closing is counted once.
def test_the_counting_opener_has_no_file_descriptor_to_read_around_it(tmp_path):
    build(tmp_path, {"a": b"abc"})
    opener = CountingOpener(tmp_path)
    with opener(str(tmp_path / "a")) as handle:
        assert handle.readable() and handle.seekable()
        with pytest.raises(io.UnsupportedOperation):
            handle.fileno()
        assert hashlib.file_digest(handle, "sha256").digest() == hashlib.sha256(b"abc").digest()
        handle.close()
    assert opener.bytes["a"] == 3 and opener.open_now == 0


# The starter: importable, the right names, and not an answer.
def test_the_starter_raises_not_implemented(tmp_path):
    with pytest.raises(NotImplementedError, match="level 1"):
        starter.find_duplicates(str(tmp_path))
    assert starter.BLOCK == solution.BLOCK
    build(tmp_path, {"a": b"x"})
    with starter.open_binary(str(tmp_path / "a")) as handle:
        assert handle.read() == b"x"


# Follow-ups.
def test_collision_odds_match_the_birthday_bound():
    assert collision_odds(1, 64) == 0.0
    assert collision_odds(2, 1) == pytest.approx(1 - math.exp(-0.5))
    assert collision_odds(10**9, 64) == pytest.approx(0.0267, abs=1e-4)
    assert collision_odds(10**9, 128) < 1e-20


@pytest.mark.parametrize("seed", range(5))
def test_content_defined_chunks_cover_the_data_within_their_bounds(seed):
    data = random.Random(seed).randbytes(100_000)
    chunks = cdc_chunks(data)
    assert b"".join(chunks) == data
    assert all(1024 <= len(c) <= 16384 for c in chunks[:-1]) and len(chunks[-1]) <= 16384
    assert b"".join(fixed_chunks(data)) == data


def test_an_unchanged_file_shares_every_chunk():
    data = random.Random(1).randbytes(50_000)
    assert shared_share(data, data, cdc_chunks) == shared_share(data, data, fixed_chunks) == 1.0


@pytest.mark.parametrize("name", KEPT)
def test_every_state_leaves_out_a_file_that_fails_on_its_second_open(name, tmp_path):
    # Level 2 opens a file twice (first block, then whole hash): a failure on
    # the second open, as when a file is deleted or locked mid-scan, leaves it out.
    data = os.urandom(3 * 4096)
    build(tmp_path, {"a": data, "b": data, "c": data})
    counting, opened = CountingOpener(tmp_path), []

    def flaky(path):
        opened.append(os.path.basename(path))
        if os.path.basename(path) == "b" and opened.count("b") == (1 if name == "level1" else 2):
            raise PermissionError(13, "Permission denied", path)
        return counting(path)
    assert REFERENCES[name](tmp_path, flaky) == [["a", "c"]]


def test_the_counting_opener_tells_where_it_is(tmp_path):
    build(tmp_path, {"a": b"abcdef"})
    with CountingOpener(tmp_path)(str(tmp_path / "a")) as handle:
        handle.seek(2)
        assert handle.read(2) == b"cd" and handle.tell() == 4


def test_a_text_ending_on_a_cut_has_no_leftover_chunk():
    data = random.Random(3).randbytes(60_000)
    first = cdc_chunks(data)[0]
    assert cdc_chunks(first) == [first]
