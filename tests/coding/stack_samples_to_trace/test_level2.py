"""Level 2: `min_run=N`. A frame is reported only if it is on the stack in at
least N consecutive samples, and its start keeps the first of those samples'
timestamps. One test per rule, then random streams against the naive model.

Runs against solution.py, or a reader's file with --impl. The call passes
`min_run` by keyword, as the problem states it.
"""
import pytest

from tests.coding.stack_samples_to_trace.oracle import naive_trace, random_samples

LEVEL = 2

EXAMPLE = [(0, ["main"]), (10, ["main", "parse"]), (20, ["main", "parse", "read"]),
           (30, ["main", "eval"]), (40, ["main", "eval"])]


def test_our_worked_example(convert_to_trace):
    assert convert_to_trace(EXAMPLE, min_run=2) == [
        ("start", 0, "main"), ("start", 10, "parse"), ("end", 30, "parse"), ("start", 30, "eval")]


def test_min_run_1_is_level_1(convert_to_trace):
    assert convert_to_trace(EXAMPLE, min_run=1) == convert_to_trace(EXAMPLE)


def test_no_samples_no_events(convert_to_trace):
    assert convert_to_trace([], min_run=3) == []


def test_a_frame_in_n_minus_1_samples_is_dropped_with_its_end(convert_to_trace):
    samples = [(0, ["a"]), (1, ["a", "b"]), (2, ["a", "b"]), (3, ["a"]), (4, ["a"])]
    assert convert_to_trace(samples, min_run=3) == [("start", 0, "a")]


def test_a_frame_in_exactly_n_samples_is_reported(convert_to_trace):
    samples = [(0, ["a"]), (1, ["a", "b"]), (2, ["a", "b"]), (3, ["a", "b"]), (4, ["a"])]
    assert convert_to_trace(samples, min_run=3) == [
        ("start", 0, "a"), ("start", 1, "b"), ("end", 4, "b")]


def test_the_start_carries_the_first_samples_timestamp_not_the_nths(convert_to_trace):
    samples = [(0, ["a"]), (10, ["a", "b"]), (25, ["a", "b"]), (45, ["a", "b"])]
    assert ("start", 10, "b") in convert_to_trace(samples, min_run=3)


def test_the_end_of_a_reported_frame_is_where_level_1_puts_it(convert_to_trace):
    samples = [(0, ["a", "b"]), (1, ["a", "b"]), (7, ["a"])]
    assert convert_to_trace(samples, min_run=2) == [
        ("start", 0, "a"), ("start", 0, "b"), ("end", 7, "b")]


def test_a_frame_open_at_the_end_is_reported_once_it_has_n_samples(convert_to_trace):
    samples = [(0, ["a"]), (1, ["a", "b"]), (2, ["a", "b"])]
    assert convert_to_trace(samples, min_run=2) == [("start", 0, "a"), ("start", 1, "b")]


def test_a_frame_open_at_the_end_with_fewer_samples_is_not_reported(convert_to_trace):
    samples = [(0, ["a"]), (1, ["a"]), (2, ["a", "b"])]
    assert convert_to_trace(samples, min_run=2) == [("start", 0, "a")]


def test_identical_samples_are_what_a_run_is_made_of(convert_to_trace):
    samples = [(0, ["a", "b"]), (1, ["a", "b"]), (2, ["a", "b"])]
    assert convert_to_trace(samples, min_run=3) == [("start", 0, "a"), ("start", 0, "b")]


def test_a_gap_of_one_sample_breaks_the_run(convert_to_trace):
    samples = [(0, ["a", "b"]), (1, ["a"]), (2, ["a", "b"]), (3, ["a"])]
    assert convert_to_trace(samples, min_run=2) == [("start", 0, "a")]


def test_recursion_each_depth_has_its_own_run(convert_to_trace):
    samples = [(0, ["f"]), (1, ["f", "f"]), (2, ["f", "f"]), (3, ["f"])]
    assert convert_to_trace(samples, min_run=2) == [
        ("start", 0, "f"), ("start", 1, "f"), ("end", 3, "f")]
    assert convert_to_trace(samples, min_run=3) == [("start", 0, "f")]


def test_a_new_parent_restarts_the_run_of_the_same_name_below_it(convert_to_trace):
    samples = [(0, ["a", "c"]), (1, ["b", "c"]), (2, ["b", "c"])]
    assert convert_to_trace(samples, min_run=2) == [("start", 1, "b"), ("start", 1, "c")]


def test_simultaneous_ends_and_starts_keep_the_level_1_order(convert_to_trace):
    samples = [(0, ["a", "b", "c"]), (1, ["a", "b", "c"]),
               (2, ["a", "x", "y"]), (3, ["a", "x", "y"])]
    assert convert_to_trace(samples, min_run=2) == [
        ("start", 0, "a"), ("start", 0, "b"), ("start", 0, "c"),
        ("end", 2, "c"), ("end", 2, "b"), ("start", 2, "x"), ("start", 2, "y")]


def test_a_min_run_longer_than_the_input_reports_nothing(convert_to_trace):
    assert convert_to_trace([(0, ["a"]), (1, ["a"])], min_run=3) == []


def test_samples_may_be_any_iterable(convert_to_trace):
    samples = iter([(0, ("a",)), (1, ("a", "b")), (2, ("a", "b"))])
    assert convert_to_trace(samples, min_run=2) == [("start", 0, "a"), ("start", 1, "b")]


def test_reported_frames_still_nest(convert_to_trace):
    samples = random_samples(seed=7)
    stack = []
    for kind, _, name in convert_to_trace(samples, min_run=2):
        if kind == "start":
            stack.append(name)
        else:
            assert stack.pop() == name


@pytest.mark.parametrize("seed", range(30))
def test_agrees_with_a_naive_model_on_random_samples(convert_to_trace, seed):
    samples = random_samples(seed)
    min_run = 1 + seed % 4
    got = [tuple(event) for event in convert_to_trace(samples, min_run=min_run)]
    assert got == naive_trace(samples, min_run=min_run)
