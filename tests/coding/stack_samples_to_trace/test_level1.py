"""Level 1: the plain conversion. One test per rule of the problem, then random
sample streams compared event by event with a naive second model (oracle.py).

Runs against every reference state (level1.py, solution.py), or against a
reader's file with `python3 dev.py practice stack-samples-to-trace --impl FILE`.
Events are compared as plain (kind, ts, name) tuples, which an Event equals.
"""
import pytest

from tests.coding.stack_samples_to_trace.oracle import naive_trace, random_samples

LEVEL = 1


def test_our_worked_example(convert_to_trace):
    samples = [(0, ["main"]), (10, ["main", "parse"]), (20, ["main", "parse", "read"]),
               (30, ["main", "eval"]), (40, ["main", "eval"])]
    assert convert_to_trace(samples) == [
        ("start", 0, "main"), ("start", 10, "parse"), ("start", 20, "read"),
        ("end", 30, "read"), ("end", 30, "parse"), ("start", 30, "eval")]


def test_no_samples_no_events(convert_to_trace):
    assert convert_to_trace([]) == []


def test_the_first_sample_starts_every_frame_outermost_first(convert_to_trace):
    assert convert_to_trace([(7, ["a", "b", "c"])]) == [
        ("start", 7, "a"), ("start", 7, "b"), ("start", 7, "c")]


def test_identical_samples_emit_nothing_after_the_first(convert_to_trace):
    assert convert_to_trace([(1, ["a", "b"]), (2, ["a", "b"]), (3, ["a", "b"])]) == [
        ("start", 1, "a"), ("start", 1, "b")]


def test_a_deeper_call_starts_then_ends_at_the_next_samples_timestamp(convert_to_trace):
    assert convert_to_trace([(0, ["a"]), (4, ["a", "b"]), (9, ["a"])]) == [
        ("start", 0, "a"), ("start", 4, "b"), ("end", 9, "b")]


def test_only_frames_past_the_common_prefix_change(convert_to_trace):
    assert convert_to_trace([(0, ["a", "b", "c"]), (1, ["a", "b", "d"])]) == [
        ("start", 0, "a"), ("start", 0, "b"), ("start", 0, "c"),
        ("end", 1, "c"), ("start", 1, "d")]


def test_a_full_change_ends_innermost_first_then_starts_outermost_first(convert_to_trace):
    assert convert_to_trace([(0, ["a", "b", "c"]), (5, ["x", "y"])]) == [
        ("start", 0, "a"), ("start", 0, "b"), ("start", 0, "c"),
        ("end", 5, "c"), ("end", 5, "b"), ("end", 5, "a"),
        ("start", 5, "x"), ("start", 5, "y")]


def test_ends_come_before_starts_at_the_same_timestamp(convert_to_trace):
    events = convert_to_trace([(0, ["a", "b", "c"]), (1, ["a", "x", "y"])])[3:]
    assert events == [("end", 1, "c"), ("end", 1, "b"), ("start", 1, "x"), ("start", 1, "y")]


def test_an_empty_stack_ends_everything_and_starts_nothing(convert_to_trace):
    assert convert_to_trace([(0, ["a", "b"]), (3, []), (6, ["a"])]) == [
        ("start", 0, "a"), ("start", 0, "b"), ("end", 3, "b"), ("end", 3, "a"),
        ("start", 6, "a")]


def test_a_frame_that_disappears_and_returns_is_a_new_call(convert_to_trace):
    assert convert_to_trace([(0, ["a", "b"]), (1, ["a"]), (2, ["a", "b"])]) == [
        ("start", 0, "a"), ("start", 0, "b"), ("end", 1, "b"), ("start", 2, "b")]


def test_recursion_the_same_name_deeper_is_another_frame(convert_to_trace):
    assert convert_to_trace([(0, ["f"]), (1, ["f", "f"]), (2, ["f", "f", "f"]),
                             (3, ["f"])]) == [
        ("start", 0, "f"), ("start", 1, "f"), ("start", 2, "f"),
        ("end", 3, "f"), ("end", 3, "f")]


def test_recursion_a_change_under_the_outer_call_ends_the_inner_one(convert_to_trace):
    assert convert_to_trace([(0, ["main", "f", "f"]), (1, ["main", "f", "g"])]) == [
        ("start", 0, "main"), ("start", 0, "f"), ("start", 0, "f"),
        ("end", 1, "f"), ("start", 1, "g")]


def test_the_same_name_under_another_parent_is_another_frame(convert_to_trace):
    assert convert_to_trace([(0, ["a", "c"]), (1, ["b", "c"])]) == [
        ("start", 0, "a"), ("start", 0, "c"),
        ("end", 1, "c"), ("end", 1, "a"), ("start", 1, "b"), ("start", 1, "c")]


def test_the_same_name_at_another_depth_is_another_frame(convert_to_trace):
    assert convert_to_trace([(0, ["a", "b"]), (1, ["b"])]) == [
        ("start", 0, "a"), ("start", 0, "b"),
        ("end", 1, "b"), ("end", 1, "a"), ("start", 1, "b")]


def test_frames_open_at_the_last_sample_do_not_end(convert_to_trace):
    events = convert_to_trace([(0, ["a"]), (1, ["a", "b"]), (2, ["a", "b", "c"])])
    assert [kind for kind, _, _ in events] == ["start"] * 3


def test_samples_may_be_any_iterable_and_stacks_tuples(convert_to_trace):
    samples = iter([(0, ("a",)), (2, ("a", "b")), (3, ("a",))])
    assert convert_to_trace(samples) == [("start", 0, "a"), ("start", 2, "b"), ("end", 3, "b")]


def test_timestamps_are_passed_through_unchanged(convert_to_trace):
    assert convert_to_trace([(0.25, ["a"]), (1.5, [])]) == [("start", 0.25, "a"), ("end", 1.5, "a")]


def test_replaying_the_events_rebuilds_the_last_stack(convert_to_trace):
    samples = random_samples(seed=2024)
    stack = []
    for kind, _, name in convert_to_trace(samples):
        if kind == "start":
            stack.append(name)
        else:
            assert stack.pop() == name
    assert stack == samples[-1][1]


@pytest.mark.parametrize("seed", range(30))
def test_agrees_with_a_naive_model_on_random_samples(convert_to_trace, seed):
    samples = random_samples(seed)
    assert [tuple(event) for event in convert_to_trace(samples)] == naive_trace(samples)
