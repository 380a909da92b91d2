"""The makespan model behind docs/design/stream-file-to-1000-hosts.md.

Beyond the doctests (which pin the numbers the page prints), these check the
model's invariants over a grid of fleets: nothing beats the floor, and each
design moves the way the page's argument says it should.
"""
import runpy
from dataclasses import replace

import pytest

from hooks.lib.definitions import ROOT
from snippets.design.stream_file_to_1000_hosts.makespan import (
    BASELINE, MiB, best_chunk_bytes, chunk_count, floor_s, host_finish_s, human,
    ingress_failover_delay_s, naive_parallel_pulls_s, overlap_knee_bytes, period_s,
    pipelined_s, rack_limited_bps, ranged_get_bps, ranged_gets_needed, report,
    store_and_forward_tree_s, stripe_tree_fill, striped_s, striped_stages, tree_depth)
from snippets.design.stream_file_to_1000_hosts.swarm import peer_sets, rarest, swarm_rounds

MODEL = ROOT / "snippets/design/stream_file_to_1000_hosts/makespan.py"
FLEETS = [replace(BASELINE, hosts=n, nic_bps=nic, chunk_overhead_s=o)
          for n in (1, 2, 10, 1000, 5000) for nic in (1e9, 10e9) for o in (0.0, 0.001, 0.01)]


@pytest.mark.parametrize("fleet", FLEETS, ids=lambda f: f"N{f.hosts}-nic{f.nic_bps:g}-o{f.chunk_overhead_s}")
def test_no_design_beats_the_floor(fleet):
    floor = floor_s(fleet)
    designs = [naive_parallel_pulls_s(fleet), store_and_forward_tree_s(fleet)]
    for c in (0.5, 4, 64):
        designs += [pipelined_s(fleet, c * MiB, fanout=k, in_flight=w) for k in (1, 2, 10) for w in (1, 2, 8)]
        designs += [striped_s(fleet, c * MiB, in_flight=w) for w in (1, 2, 8)]
    assert min(designs) >= floor * (1 - 1e-12)


@pytest.mark.parametrize("fleet", FLEETS, ids=lambda f: f"N{f.hosts}-nic{f.nic_bps:g}-o{f.chunk_overhead_s}")
def test_striped_is_never_slower_than_the_chain_and_overlap_never_hurts(fleet):
    for c in (0.5, 4, 64):
        for w in (1, 2, 8):
            assert striped_s(fleet, c * MiB, in_flight=w) <= pipelined_s(fleet, c * MiB, in_flight=w) + 1e-9
        assert pipelined_s(fleet, c * MiB, in_flight=2) <= pipelined_s(fleet, c * MiB)


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


@pytest.mark.parametrize(("hosts", "stages"), [(1, 1), (2, 2), (3, 2), (4, 3), (7, 3), (8, 4), (1000, 10)])
def test_striped_stages_is_ceil_log2_of_hosts_plus_the_store(hosts, stages):
    assert striped_stages(hosts) == stages and 2 ** (stages - 1) < hosts + 1 <= 2 ** stages


def test_the_chain_and_the_striped_design_differ_only_in_how_many_hops_fill_the_pipe():
    c = 4 * MiB
    stage = c * 8 / 1e9 + BASELINE.chunk_overhead_s
    m = chunk_count(BASELINE, c)
    assert pipelined_s(BASELINE, c) == pytest.approx((m + 1000 - 1) * stage)
    assert striped_s(BASELINE, c) == pytest.approx((m + 10 - 1) * stage)


def test_a_pipelined_chain_tends_to_the_floor_as_chunks_and_overhead_shrink():
    free = replace(BASELINE, chunk_overhead_s=0.0)
    gaps = [pipelined_s(free, c * MiB) - floor_s(free) for c in (64, 4, 0.25)]
    assert gaps == sorted(gaps, reverse=True) and gaps[-1] < 0.01 * floor_s(free)


@pytest.mark.parametrize("stages", [None, 10])
def test_with_stop_and_wait_the_best_chunk_is_a_true_minimum(stages):
    design = pipelined_s if stages is None else striped_s
    best = best_chunk_bytes(BASELINE, stages)
    at_best = design(BASELINE, best)
    for factor in (0.25, 0.5, 0.8, 1.25, 2, 4):
        assert design(BASELINE, best * factor) > at_best


def test_with_one_stage_the_best_chunk_is_the_whole_file():
    lone = replace(BASELINE, hosts=1)
    assert best_chunk_bytes(lone) == lone.file_bytes
    assert pipelined_s(lone, lone.file_bytes) < pipelined_s(lone, 4 * MiB)


def test_with_overlap_the_overhead_hides_until_the_chunk_is_shorter_than_it():
    knee = overlap_knee_bytes(BASELINE, 2)
    assert knee * 8 / 1e9 == pytest.approx(BASELINE.chunk_overhead_s)
    assert period_s(BASELINE, 2 * knee, 1e9, 2) == pytest.approx(2 * knee * 8 / 1e9)  # hidden
    assert period_s(BASELINE, knee / 2, 1e9, 2) > knee / 2 * 8 / 1e9                 # shows
    # above the knee a bigger chunk only adds fill; the best size sits near the knee
    sizes = [knee * 2 ** (k / 8) for k in range(-24, 60)]
    best = min(sizes, key=lambda c: pipelined_s(BASELINE, c, in_flight=2))
    assert 0.5 < best / knee < 2
    above = [pipelined_s(BASELINE, c, in_flight=2) for c in sizes if c >= 2 * knee]
    assert above == sorted(above)


def test_a_slow_host_delays_itself_and_everyone_after_it_and_nobody_before():
    c, slow = 4 * MiB, 0.5e9
    normal = [host_finish_s(BASELINE, c, h) for h in (1, 499, 1000)]
    early = [host_finish_s(BASELINE, c, h, slow_host=500, slow_bps=slow) for h in (1, 499)]
    late = [host_finish_s(BASELINE, c, h, slow_host=500, slow_bps=slow) for h in (500, 501, 1000)]
    assert early == normal[:2]
    assert all(t > 1.9 * floor_s(BASELINE) for t in late)
    # the makespan is the last host's, wherever the slow host sits
    at_tail = host_finish_s(BASELINE, c, 1000, slow_host=1000, slow_bps=slow)
    assert at_tail > 1.9 * floor_s(BASELINE)
    assert host_finish_s(BASELINE, c, 999, slow_host=1000, slow_bps=slow) == normal[2] - (
        host_finish_s(BASELINE, c, 1000) - host_finish_s(BASELINE, c, 999))
    assert host_finish_s(BASELINE, c, 1000) == pytest.approx(pipelined_s(BASELINE, c))


def test_one_ranged_get_at_a_time_cannot_fill_the_wan_but_enough_in_flight_do():
    for size in (1, 4, 16):
        for ttfb in (0.05, 0.1):
            need = ranged_gets_needed(BASELINE, size * MiB, ttfb)
            assert ranged_get_bps(BASELINE, size * MiB, ttfb, need) == BASELINE.wan_bps
            assert ranged_get_bps(BASELINE, size * MiB, ttfb, need - 1) < BASELINE.wan_bps
    assert ranged_get_bps(BASELINE, 4 * MiB, ttfb_s=0.0) == pytest.approx(BASELINE.wan_bps)


def test_fanning_out_only_pays_when_nics_are_faster_than_the_wan():
    same = BASELINE
    fast_nics = replace(BASELINE, nic_bps=10e9)
    assert pipelined_s(same, 4 * MiB, fanout=2) > pipelined_s(same, 4 * MiB, fanout=1)
    assert pipelined_s(fast_nics, 4 * MiB, fanout=10) < pipelined_s(fast_nics, 4 * MiB, fanout=1)


def test_practical_stripe_trees_fill_in_tens_of_chunk_times_not_hundreds():
    assert all(stripe_tree_fill(1000, k) < 40 for k in (2, 3, 4, 8))
    assert stripe_tree_fill(1000, 1) == 999  # one stripe is the chain


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
    with_ttfb = ingress_failover_delay_s(BASELINE, 4 * MiB, 1.0, 2, ttfb_s=0.1)
    assert with_ttfb - quick == pytest.approx(0.1)


def test_a_swarm_never_beats_the_striped_bound_and_loses_a_few_percent():
    for hosts, chunks in ((1, 5), (2, 5), (40, 16), (200, 32)):
        bound = chunks + striped_stages(hosts) - 1
        assert swarm_rounds(hosts, chunks) >= bound
    assert swarm_rounds(1, 5) == 5  # one host: the WAN is the only link
    small, large = (swarm_rounds(1000, m) / (m + 9) for m in (64, 512))
    assert 1.0 < large < small and large < 1.08


def test_peers_are_the_rack_plus_a_few_elsewhere_and_symmetric():
    import random
    peers = peer_sets(120, rack_size=40, outside_peers=4, rng=random.Random(3))
    for host, mine in enumerate(peers):
        assert host not in mine
        assert {h for h in mine if h // 40 == host // 40} == set(range(host // 40 * 40, host // 40 * 40 + 40)) - {host}
        assert sum(h // 40 != host // 40 for h in mine) >= 4
        assert all(host in peers[h] for h in mine)
    assert peer_sets(3, rack_size=40, outside_peers=4, rng=random.Random(0)) == [[1, 2], [0, 2], [0, 1]]


def test_rarest_picks_the_least_held_chunk_lowest_index_on_a_tie():
    assert rarest(0b1, [7]) == 0
    assert rarest(0b110, [0, 3, 3]) == 1
    assert rarest(0b111, [2, 1, 0]) == 2


def test_the_report_lists_each_design_against_the_floor():
    lines = report(BASELINE).splitlines()
    assert lines[0].split() == ["design", "makespan", "x", "floor"]
    assert [line.split(",")[0].split()[0] for line in lines[1:]] == [
        "floor", "naive", "whole-file", "chain", "chain", "striped", "striped"]
    assert lines[1].endswith("1.00") and lines[2].endswith("1,000.00")
    assert max(map(len, lines)) <= 44  # fits a phone without scrolling far


def test_the_module_prints_its_report_when_run(capsys):
    runpy.run_path(str(MODEL), run_name="__main__")
    out = capsys.readouterr().out
    assert "100 GB to 1,000 hosts" in out and report(BASELINE) in out


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "0 s"), (59.4, "59 s"), (60, "1 min 0 s"),
                                               (3599.4, "59 min 59 s"), (3599.6, "1 h 0 min"),
                                               (86369, "23 h 59 min"), (86370, "1.0 days"),
                                               (800000, "9.3 days")])
def test_human_durations(seconds, text):
    assert human(seconds) == text


def test_about_three_deaths_mid_run_cost_as_much_as_the_chain_gives_up_to_the_striped_design():
    """The page's failure half of the switching rule: a splice costs about its detection
    time, and three of them cost as much as the chain gives up to the striped design."""
    death = ingress_failover_delay_s(BASELINE, MiB, detect_s=3.0, chunks_in_flight=2)
    gap = pipelined_s(BASELINE, MiB, in_flight=2) - striped_s(BASELINE, MiB, in_flight=2)
    assert 3.0 < death < 3.1
    assert 3 * death < gap < 4 * death
