"""The makespan model behind docs/design/stream-file-to-1000-hosts.md.

Beyond the doctests (which pin the numbers the page prints), these check the
model's invariants over a grid of fleets: nothing beats the floor, and each
scheme moves the way the page's argument says it should.
"""
from dataclasses import replace

import pytest

from snippets.design.stream_file_to_1000_hosts.makespan import (
    BASELINE, MiB, best_chunk_bytes, floor_s, human, ingress_failover_delay_s,
    naive_parallel_pulls_s, pipelined_s, rack_limited_bps, report, store_and_forward_tree_s,
    tree_depth)

FLEETS = [replace(BASELINE, hosts=n, nic_bps=nic, chunk_overhead_s=o)
          for n in (1, 2, 10, 1000, 5000) for nic in (1e9, 10e9) for o in (0.0, 0.001, 0.01)]


@pytest.mark.parametrize("fleet", FLEETS, ids=lambda f: f"N{f.hosts}-nic{f.nic_bps:g}-o{f.chunk_overhead_s}")
def test_no_scheme_beats_the_floor(fleet):
    floor = floor_s(fleet)
    schemes = [naive_parallel_pulls_s(fleet), store_and_forward_tree_s(fleet)]
    schemes += [pipelined_s(fleet, c * MiB, fanout=k) for c in (0.5, 4, 64) for k in (1, 2, 10)]
    assert min(schemes) >= floor * (1 - 1e-12)


def test_parallel_pulls_share_the_wan_so_n_hosts_take_n_times_the_floor():
    for n in (10, 1000):
        fleet = replace(BASELINE, hosts=n)
        assert naive_parallel_pulls_s(fleet) == pytest.approx(n * floor_s(fleet))


def test_parallel_pulls_cannot_go_faster_than_one_nic():
    lone = replace(BASELINE, hosts=1, wan_bps=10e9)
    assert naive_parallel_pulls_s(lone) == pytest.approx(BASELINE.file_bytes * 8 / lone.nic_bps)


@pytest.mark.parametrize(("hosts", "rounds"), [(1, 0), (2, 1), (3, 2), (1000, 10), (1024, 10), (1025, 11)])
def test_the_doubling_tree_needs_ceil_log2_n_copy_rounds(hosts, rounds):
    fleet = replace(BASELINE, hosts=hosts)
    copy = BASELINE.file_bytes * 8 / BASELINE.nic_bps
    assert store_and_forward_tree_s(fleet) == pytest.approx(floor_s(fleet) + rounds * copy)


@pytest.mark.parametrize(("hosts", "fanout", "depth"),
                         [(1, 1, 0), (1, 3, 0), (2, 2, 1), (13, 3, 2), (14, 3, 3), (1000, 2, 9)])
def test_tree_depth(hosts, fanout, depth):
    assert tree_depth(hosts, fanout) == depth


def test_a_pipelined_chain_tends_to_the_floor_as_chunks_and_overhead_shrink():
    free = replace(BASELINE, chunk_overhead_s=0.0)
    gaps = [pipelined_s(free, c * MiB) - floor_s(free) for c in (64, 4, 0.25)]
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 0.01 * floor_s(free)


def test_with_per_chunk_overhead_the_best_chunk_is_a_true_minimum():
    best = best_chunk_bytes(BASELINE)
    at_best = pipelined_s(BASELINE, best)
    for factor in (0.25, 0.5, 0.8, 1.25, 2, 4):
        assert pipelined_s(BASELINE, best * factor) > at_best


def test_one_half_speed_host_in_the_chain_nearly_doubles_the_makespan():
    healthy = pipelined_s(BASELINE, 4 * MiB)
    straggling = pipelined_s(BASELINE, 4 * MiB, slowest_nic_bps=0.5e9)
    assert 1.8 < straggling / healthy < 2.0


def test_fanning_out_only_pays_when_nics_are_faster_than_the_wan():
    same = BASELINE
    fast_nics = replace(BASELINE, nic_bps=10e9)
    assert pipelined_s(same, 4 * MiB, fanout=2) > pipelined_s(same, 4 * MiB, fanout=1)
    assert pipelined_s(fast_nics, 4 * MiB, fanout=10) < pipelined_s(fast_nics, 4 * MiB, fanout=1)


def test_random_peers_are_throttled_by_oversubscribed_uplinks_and_rack_order_is_not():
    rack_aware = rack_limited_bps(1e9, 40, 3.0, 1 / 40)
    random_peers = rack_limited_bps(1e9, 40, 3.0, 0.96)
    assert rack_aware == 1e9
    assert random_peers == pytest.approx(1e9 / (3.0 * 0.96))
    assert rack_limited_bps(1e9, 40, 1.0, 0.96) == 1e9  # no oversubscription, no limit


def test_failover_costs_the_detection_time_plus_the_lost_chunks():
    quick = ingress_failover_delay_s(BASELINE, 4 * MiB, detect_s=1.0, chunks_in_flight=2)
    slow = ingress_failover_delay_s(BASELINE, 4 * MiB, detect_s=10.0, chunks_in_flight=2)
    assert slow - quick == pytest.approx(9.0)
    more_lost = ingress_failover_delay_s(BASELINE, 4 * MiB, detect_s=1.0, chunks_in_flight=4)
    assert more_lost - quick == pytest.approx(2 * (4 * MiB * 8 / 1e9 + BASELINE.chunk_overhead_s))


def test_the_report_lists_each_scheme_against_the_floor():
    lines = report(BASELINE).splitlines()
    assert lines[0].split() == ["scheme", "makespan", "x", "floor"]
    assert [line.split()[0] for line in lines[1:]] == ["floor:", "naive:", "whole-file", "pipelined"]
    assert lines[1].endswith("1.00") and lines[2].endswith("1,000.00")


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "0 s"), (59.4, "59 s"), (60, "1 min 0 s"),
                                               (3599.4, "59 min 59 s"), (3599.6, "1 h 0 min"),
                                               (86369, "23 h 59 min"), (86370, "1.0 days"),
                                               (800000, "9.3 days")])
def test_human_durations(seconds, text):
    assert human(seconds) == text
