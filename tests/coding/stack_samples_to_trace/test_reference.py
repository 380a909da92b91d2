"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem states. The page answers the questions it
leaves open (its "Clarifying questions" section); those answers are tested here,
against our kept states, never against a reader's file. Also here: the cost
claims of the page's Complexity section (laziness, memory, comparisons), the
starter, and the follow-ups in followups.py and budget.py.
"""
import importlib
import itertools
import json
import tracemalloc
from fractions import Fraction

import pytest

from hooks.lib.definitions import ROOT
from snippets.coding.stack_samples_to_trace import budget, starter
from snippets.coding.stack_samples_to_trace.followups import (sampling_report, samples_seen,
                                                              to_chrome_trace)
from snippets.coding.stack_samples_to_trace.solution import (Event, convert_to_trace,
                                                             trace_events)
from tests.coding.stack_samples_to_trace.oracle import naive_trace, random_samples
from tests.coding.shared import kept

PACKAGE = "snippets.coding.stack_samples_to_trace"
KEPT = kept(__file__)
REFERENCES = {name: importlib.import_module(f"{PACKAGE}.{name}").convert_to_trace for name in KEPT}


def test_every_kept_state_is_checked():
    assert KEPT == ["level1", "solution"]


# Ours: timestamps may repeat (two samples in the same clock tick) but never go
# backwards; a stream out of order is a bug upstream, so we refuse it loudly.
@pytest.mark.parametrize("name", KEPT)
def test_timestamps_going_backwards_raise(name):
    with pytest.raises(ValueError, match="backwards"):
        REFERENCES[name]([(5, ["a"]), (4, ["a", "b"])])


@pytest.mark.parametrize("name", KEPT)
def test_equal_timestamps_are_accepted(name):
    assert REFERENCES[name]([(5, ["a"]), (5, ["b"])]) == [
        ("start", 5, "a"), ("end", 5, "a"), ("start", 5, "b")]


# Ours: min_run counts samples, so it is a whole number of at least 1.
@pytest.mark.parametrize("bad", [0, -1, 1.5, "2"])
def test_min_run_must_be_a_positive_whole_number(bad):
    with pytest.raises(ValueError, match="min_run"):
        convert_to_trace([(0, ["a"])], min_run=bad)


@pytest.mark.parametrize("bad", [0, 1.5])
def test_the_generator_refuses_a_bad_min_run_at_the_call_not_at_the_first_event(bad):
    def untouched():
        raise AssertionError("the samples were read")
        yield  # pragma: no cover
    with pytest.raises(ValueError, match="min_run"):
        trace_events(untouched(), min_run=bad)


def test_events_are_named_tuples():
    event = convert_to_trace([(3, ["main"])])[0]
    assert isinstance(event, Event) and (event.kind, event.ts, event.name) == ("start", 3, "main")


# Ours: a caller (a profiler reusing one buffer) may change a stack after handing
# it over; we keep names, not the caller's list.
@pytest.mark.parametrize("name", KEPT)
def test_a_reused_stack_buffer_is_safe(name):
    def reusing():
        buffer = []
        for ts, stack in [(0, ["a", "b"]), (1, ["a"]), (2, ["a", "c"])]:
            buffer[:] = stack
            yield ts, buffer
    assert REFERENCES[name](reusing()) == [
        ("start", 0, "a"), ("start", 0, "b"), ("end", 1, "b"), ("start", 2, "c")]


# Complexity: events come out as soon as they are known, at most min_run - 1
# samples late, so an endless stream works and memory does not grow with it.
def counted(samples, seen):
    for sample in samples:
        seen.append(sample)
        yield sample


@pytest.mark.parametrize("min_run", [1, 2, 5])
def test_a_start_comes_out_min_run_minus_1_samples_after_its_first_sample(min_run):
    seen = []
    stream = counted(((t, ["main", "work"] if t >= 3 else ["main"]) for t in itertools.count()), seen)
    events = trace_events(stream, min_run=min_run)
    assert next(events) == ("start", 0, "main")
    assert next(events) == ("start", 3, "work")
    assert len(seen) == 3 + min_run


def test_an_endless_stream_is_converted_lazily():
    def endless():
        for t in itertools.count():
            yield t, ["main", "tick" if t % 2 else "tock"]
    first = list(itertools.islice(trace_events(endless(), min_run=1), 5))
    assert first == [("start", 0, "main"), ("start", 0, "tock"), ("end", 1, "tock"),
                     ("start", 1, "tick"), ("end", 2, "tick")]


def peak_bytes(count):
    def stream():
        for t in range(count):
            yield t, ["main", "loop"] + ["f"] * (t % 7)
    tracemalloc.start()
    try:
        for _ in trace_events(stream(), min_run=3):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_length_of_the_stream():
    assert peak_bytes(20_000) < peak_bytes(2_000) + 4_096


def test_name_comparisons_are_linear_in_the_total_size_of_the_stacks():
    comparisons = 0

    class Name(str):
        def __eq__(self, other):
            nonlocal comparisons
            comparisons += 1
            return str.__eq__(self, other)
        __hash__ = str.__hash__

    samples = [(ts, [Name(n) for n in stack]) for ts, stack in random_samples(11)]
    convert_to_trace(samples, min_run=2)
    assert comparisons <= sum(len(stack) for _, stack in samples)


# The starter: importable, the right names, and not an answer.
def test_the_starter_raises_not_implemented():
    with pytest.raises(NotImplementedError, match="level 1"):
        starter.convert_to_trace([(0, ["a"])])
    assert starter.Event("start", 0, "a") == ("start", 0, "a")


# Follow-up: Chrome's Trace Event Format.
def test_chrome_trace_is_valid_json_with_nested_begin_and_end():
    samples = random_samples(5)
    events = convert_to_trace(samples, min_run=2)
    trace = json.loads(to_chrome_trace(events, us_per_tick=1000, close_at=samples[-1][0]))
    depth = 0
    for record in trace["traceEvents"]:
        depth += 1 if record["ph"] == "B" else -1
        assert depth >= 0 and record["ts"] % 1000 == 0
    assert depth == 0
    stamps = [record["ts"] for record in trace["traceEvents"]]
    assert stamps == sorted(stamps)  # the format wants time order within a thread


def test_chrome_trace_leaves_open_frames_open_unless_asked():
    trace = json.loads(to_chrome_trace(convert_to_trace([(0, ["a", "b"])])))
    assert [record["ph"] for record in trace["traceEvents"]] == ["B", "B"]


# Follow-up: sampling error. Count sample instants inside a call started at many
# evenly spaced phases and compare with the formula (exact when the grid of phases
# is a multiple of the interval, so every boundary falls on it).
@pytest.mark.parametrize("duration,interval", [(3, 10), (10, 10), (25, 10), (47, 4), (1, 7)])
def test_samples_seen_matches_counting_over_every_phase(duration, interval):
    phases = 100 * interval
    counts = {}
    for step in range(phases):
        start = Fraction(step, phases) * interval  # the first sample after the call starts
        seen = sum(1 for k in range(duration // interval + 2) if start + k * interval < duration)
        counts[seen] = counts.get(seen, 0) + Fraction(1, phases)
    assert counts == samples_seen(duration, interval)


@pytest.mark.parametrize("duration", [1, 3, 9, 10, 25, 99])
def test_the_mean_apparent_length_is_the_true_length(duration):
    odds = samples_seen(duration, 10)
    assert sum(count * 10 * chance for count, chance in odds.items()) == duration
    assert f"mean apparent length {duration} ms" in sampling_report(duration, 10)


def test_the_naive_model_agrees_on_the_page_example():
    samples = [(0, ["main"]), (10, ["main", "parse"]), (20, ["main", "parse", "read"]),
               (30, ["main", "eval"]), (40, ["main", "eval"])]
    for min_run in (1, 2, 3):
        assert [tuple(e) for e in convert_to_trace(samples, min_run=min_run)] == \
            naive_trace(samples, min_run)


# The budget plans fill the page's minutes exactly.
def test_both_budgets_fill_the_pages_minutes():
    page = (ROOT / "docs/coding/stack-samples-to-trace.md").read_text(encoding="utf-8")
    minutes = int(page.split("\nminutes:")[1].split()[0])
    assert budget.checkpoints(budget.LIVE)[-1][1] == minutes
    assert budget.checkpoints(budget.GATED)[-1][1] == minutes
