"""How long until the last of N hosts holds the file: the makespan of each scheme.

A first-order model for the page docs/design/stream-file-to-1000-hosts.md and
its notebook. Rates are in bits per second, sizes in bytes, times in seconds;
"G" is decimal (1 Gb/s = 1e9 bit/s, 100 GB = 1e11 bytes). The model ignores
TCP slow start, protocol headers and disk limits, and charges a fixed
`chunk_overhead_s` per chunk per hop for everything else (request round trip,
hash check, scheduling).

>>> f = BASELINE
>>> floor_s(f), naive_parallel_pulls_s(f), store_and_forward_tree_s(f)
(800.0, 800000.0, 8800.0)
>>> round(pipelined_s(f, chunk_bytes=4 * MiB), 1)
858.4
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

MiB = 2**20


# --8<-- [start:fleet]
@dataclass(frozen=True)
class Fleet:
    """The problem's numbers: what moves, to how many hosts, over which pipes."""

    file_bytes: float = 100e9        # "tens to hundreds of GB": we take 100
    hosts: int = 1000
    wan_bps: float = 1e9             # storage -> data centre, shared by all
    nic_bps: float = 1e9             # per host, each way (full duplex)
    chunk_overhead_s: float = 0.001  # per chunk per hop: our assumption


BASELINE = Fleet()
# --8<-- [end:fleet]


def seconds_to_move(nbytes: float, bps: float) -> float:
    """Time to push `nbytes` through a pipe of `bps` bits per second.

    >>> seconds_to_move(125e6, 1e9)
    1.0
    """
    return nbytes * 8 / bps


# --8<-- [start:bounds]
def floor_s(f: Fleet) -> float:
    """No scheme beats this: every byte crosses the WAN once, and the last host's
    NIC must take in the whole file."""
    through_wan = seconds_to_move(f.file_bytes, f.wan_bps)
    into_last_host = seconds_to_move(f.file_bytes, f.nic_bps)
    return max(through_wan, into_last_host)


def naive_parallel_pulls_s(f: Fleet) -> float:
    """Every host pulls its own copy from cloud storage: N copies share the WAN."""
    per_host_bps = min(f.nic_bps, f.wan_bps / f.hosts)
    return seconds_to_move(f.file_bytes, per_host_bps)


def store_and_forward_tree_s(f: Fleet) -> float:
    """One host pulls the whole file, then every holder sends a whole copy to a new
    host each round, doubling the holders: ceil(log2 N) rounds after the pull."""
    rounds = math.ceil(math.log2(f.hosts))
    pull = seconds_to_move(f.file_bytes, f.wan_bps)
    copy = seconds_to_move(f.file_bytes, f.nic_bps)
    return pull + rounds * copy
# --8<-- [end:bounds]


# --8<-- [start:pipelined]
def tree_depth(hosts: int, fanout: int) -> int:
    """Hops from the ingress host to the farthest host when each host forwards to
    `fanout` others (fanout 1 is a chain).

    >>> tree_depth(1000, 1), tree_depth(1000, 2), tree_depth(1000, 10)
    (999, 9, 3)
    """
    if fanout == 1:
        return hosts - 1
    depth, reached, level = 0, 1, 1
    while reached < hosts:
        level *= fanout
        reached += level
        depth += 1
    return depth


def pipelined_s(f: Fleet, chunk_bytes: float, fanout: int = 1,
                slowest_nic_bps: float | None = None) -> float:
    """Chunks flow down a chain (fanout 1) or tree as soon as each one arrives.

    The first chunk pays every hop once; after it, one chunk leaves the slowest
    stage per stage time. A host feeding `fanout` others splits its uplink among
    them. `slowest_nic_bps` models one straggler on the path.
    """
    def stage(bps: float) -> float:  # one chunk through one link
        return seconds_to_move(chunk_bytes, bps) + f.chunk_overhead_s

    chunks = math.ceil(f.file_bytes / chunk_bytes)
    ingress = stage(f.wan_bps)
    hop = stage(f.nic_bps / fanout)
    slowest = hop
    if slowest_nic_bps is not None:
        slowest = stage(min(f.nic_bps, slowest_nic_bps) / fanout)
    first_chunk = ingress + tree_depth(f.hosts, fanout) * hop
    return first_chunk + (chunks - 1) * max(ingress, hop, slowest)


def best_chunk_bytes(f: Fleet) -> float:
    """The chunk size that minimises the chain's makespan when WAN and NIC rates
    are equal: fill time (N-1 hops of one chunk) against per-chunk overhead
    (S / c chunks). See the notebook for the derivation.

    >>> round(best_chunk_bytes(BASELINE) / 1e6, 2)
    3.54
    """
    nic_bytes_per_s = f.nic_bps / 8
    return math.sqrt(f.file_bytes * f.chunk_overhead_s * nic_bytes_per_s
                     / (f.hosts - 1))
# --8<-- [end:pipelined]


# --8<-- [start:racks]
def rack_limited_bps(nic_bps: float, hosts_per_rack: int, oversubscription: float,
                     cross_rack_fraction: float) -> float:
    """Receive rate per host when a fraction of every host's data crosses its rack's
    uplink, which carries 1/oversubscription of the rack's total NIC capacity.

    A rack-aware chain (one flow in per rack), then peers picked at random:

    >>> rack_limited_bps(1e9, 40, 3.0, 1 / 40)
    1000000000.0
    >>> round(rack_limited_bps(1e9, 40, 3.0, 0.96) / 1e9, 3)
    0.347
    """
    uplink_bps = hosts_per_rack * nic_bps / oversubscription
    crossing_flows = hosts_per_rack * cross_rack_fraction
    return min(nic_bps, uplink_bps / crossing_flows)
# --8<-- [end:racks]


# --8<-- [start:failover]
def ingress_failover_delay_s(f: Fleet, chunk_bytes: float, detect_s: float,
                             chunks_in_flight: int) -> float:
    """Extra makespan when the ingress host dies: the WAN idles until the failure is
    detected, then the new head re-fetches the chunks that died in flight (ranged
    GETs from the first chunk it lacks); everything already forwarded survives.

    >>> ingress_failover_delay_s(BASELINE, 4 * MiB, detect_s=3.0,
    ...                          chunks_in_flight=2)
    3.069108864
    """
    return detect_s + chunks_in_flight * (seconds_to_move(chunk_bytes, f.wan_bps)
                                          + f.chunk_overhead_s)
# --8<-- [end:failover]


# --8<-- [start:report]
def human(seconds: float) -> str:
    """A duration a person can read.

    >>> human(42.4), human(858.4), human(8800), human(800000)
    ('42 s', '14 min 18 s', '2 h 27 min', '9.3 days')
    """
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        return f"{minutes} min {rest} s"
    minutes = round(seconds / 60)
    if minutes < 24 * 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours} h {rest} min"
    return f"{seconds / 86400:.1f} days"


def report(f: Fleet, chunk_bytes: float = 4 * MiB) -> str:
    """The makespan of each scheme, and how far each sits above the floor."""
    floor = floor_s(f)
    chain = f"pipelined chain, {chunk_bytes / MiB:g} MiB chunks"
    rows = [
        ("floor: no scheme beats this", floor),
        (f"naive: {f.hosts:,} parallel pulls", naive_parallel_pulls_s(f)),
        ("whole-file doubling tree", store_and_forward_tree_s(f)),
        (chain, pipelined_s(f, chunk_bytes)),
    ]
    lines = [f"{'scheme':<38}{'makespan':>12}{'x floor':>10}"]
    lines += [f"{name:<38}{human(t):>12}{t / floor:>10,.2f}" for name, t in rows]
    return "\n".join(lines)
# --8<-- [end:report]


if __name__ == "__main__":
    print(report(BASELINE))
    print(report(replace(BASELINE, nic_bps=10e9)))
