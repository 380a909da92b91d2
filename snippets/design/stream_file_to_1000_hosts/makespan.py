"""How long until the last of N hosts holds the file: the makespan of each design.

A first-order model for the page docs/design/stream-file-to-1000-hosts.md and
its notebook. Rates are in bits per second, sizes in bytes, times in seconds;
"G" is decimal (1 Gb/s = 1e9 bit/s, 100 GB = 1e11 bytes) and chunk sizes are
given in MiB. The model ignores TCP slow start, protocol headers and disk
limits. Everything else a chunk costs on one hop (request round trip, hash
check, scheduling) is one number, `chunk_overhead_s`; `in_flight` says whether
that cost is paid in series (1: stop-and-wait) or hidden behind the transfer of
other chunks (2 or more requests outstanding).

>>> f = BASELINE
>>> floor_s(f), naive_parallel_pulls_s(f), store_and_forward_tree_s(f)
(800.0, 800000.0, 8800.0)
>>> round(pipelined_s(f, 4 * MiB), 1), round(striped_s(f, 4 * MiB), 1)
(858.4, 824.2)
"""
from __future__ import annotations

import math
from dataclasses import dataclass

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
    """No design beats this: every byte crosses the WAN once, and the last host's
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


# --8<-- [start:stage]
def chunk_count(f: Fleet, chunk_bytes: float) -> int:
    """How many chunks the file is cut into (the last one may be short).

    >>> chunk_count(BASELINE, 4 * MiB)
    23842
    """
    return math.ceil(f.file_bytes / chunk_bytes)


def latency_s(f: Fleet, chunk_bytes: float, bps: float) -> float:
    """One chunk across one link, from asking for it to holding all of it."""
    return seconds_to_move(chunk_bytes, bps) + f.chunk_overhead_s


def period_s(f: Fleet, chunk_bytes: float, bps: float, in_flight: int = 1) -> float:
    """How often a busy link delivers one more chunk.

    Stop-and-wait (one request outstanding) pays the overhead on every chunk.
    With `in_flight` requests outstanding, one chunk's overhead hides behind the
    others' transfers, until the overhead is longer than they are.

    >>> [round(period_s(BASELINE, 4 * MiB, 1e9, w) * 1000, 2) for w in (1, 2)]
    [34.55, 33.55]
    >>> tiny = MiB / 16  # 0.52 ms on the wire, shorter than the 1 ms overhead
    >>> [round(period_s(BASELINE, tiny, 1e9, w) * 1000, 3) for w in (1, 2, 4)]
    [1.524, 0.762, 0.524]
    """
    transfer = seconds_to_move(chunk_bytes, bps)
    return max(transfer, (transfer + f.chunk_overhead_s) / in_flight)


def through_path_s(f: Fleet, chunk_bytes: float, links_bps: list[float],
                   in_flight: int = 1) -> float:
    """Chunks cross `links_bps` in series, the WAN first, each forwarded as soon
    as it lands: the first chunk pays every link's latency, then one more chunk
    arrives per period of the slowest link."""
    first = sum(latency_s(f, chunk_bytes, bps) for bps in links_bps)
    slowest = max(period_s(f, chunk_bytes, bps, in_flight) for bps in links_bps)
    return first + (chunk_count(f, chunk_bytes) - 1) * slowest
# --8<-- [end:stage]


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
                in_flight: int = 1) -> float:
    """A chain (fanout 1) or a tree: the ingress host pulls chunk by chunk and
    every host forwards each chunk as soon as it lands. A host feeding `fanout`
    others splits its uplink among them."""
    hops = [f.nic_bps / fanout] * tree_depth(f.hosts, fanout)
    return through_path_s(f, chunk_bytes, [f.wan_bps, *hops], in_flight)


def striped_stages(hosts: int) -> int:
    """Links the first chunk crosses in the striped design: ceil(log2(N + 1)),
    because the holders of a chunk (the object store counted) can at most double
    per chunk time. For N >= 1 that is N's bit length.

    >>> striped_stages(1), striped_stages(1000), striped_stages(1023), striped_stages(10_000)
    (1, 10, 10, 14)
    """
    return hosts.bit_length()


def striped_s(f: Fleet, chunk_bytes: float, in_flight: int = 1) -> float:
    """The striped rival, at its best: every host sends and receives one chunk
    per chunk time, each uplink always busy, so a chunk reaches everyone in
    ceil(log2(N + 1)) chunk times instead of N. No design that forwards whole
    chunks fills faster (the binomial pipeline meets this bound when N + 1 is a
    power of two)."""
    hops = [f.nic_bps] * (striped_stages(f.hosts) - 1)
    return through_path_s(f, chunk_bytes, [f.wan_bps, *hops], in_flight)


def stripe_tree_fill(hosts: int, stripes: int) -> int:
    """Chunk times to fill a practical striped design: `stripes` trees of fanout
    `stripes`, each stripe running at 1/stripes of the line rate.

    >>> [stripe_tree_fill(1000, k) for k in (2, 4, 8)]
    [18, 20, 32]
    """
    return stripes * tree_depth(hosts, stripes)


def best_chunk_bytes(f: Fleet, stages: int | None = None) -> float:
    """Stop-and-wait only: the chunk size that balances the fill (stages - 1 hops
    of one chunk) against the overhead (S / c chunks), when WAN and NIC rates are
    equal. `stages` is N for a chain (the default); see the notebook.

    >>> round(best_chunk_bytes(BASELINE) / MiB, 2)
    3.37
    >>> round(best_chunk_bytes(BASELINE, striped_stages(1000)) / MiB, 1)
    35.5
    >>> best_chunk_bytes(BASELINE, stages=1) == BASELINE.file_bytes  # nothing to fill
    True
    """
    stages = f.hosts if stages is None else stages
    if stages == 1:
        return f.file_bytes
    nic_bytes_per_s = f.nic_bps / 8
    return math.sqrt(f.file_bytes * f.chunk_overhead_s * nic_bytes_per_s
                     / (stages - 1))


def overlap_knee_bytes(f: Fleet, in_flight: int) -> float:
    """With `in_flight` >= 2 requests outstanding: the smallest chunk whose
    transfer still hides the overhead. Above it the makespan only grows with the
    chunk (more fill); below it the overhead shows again.

    >>> round(overlap_knee_bytes(BASELINE, 2) / MiB, 2)
    0.12
    """
    return f.chunk_overhead_s * (f.nic_bps / 8) / (in_flight - 1)
# --8<-- [end:pipelined]


# --8<-- [start:straggler]
def host_finish_s(f: Fleet, chunk_bytes: float, host: int, in_flight: int = 1,
                  slow_host: int | None = None, slow_bps: float = 0.0) -> float:
    """When host number `host` of a chain (1 is the head) holds the whole file.

    A slow host (its NIC, disk or hashing moves only `slow_bps`) slows the link
    into it and the link out of it, so every host from it to the tail finishes
    late; the hosts before it do not notice.
    """
    links = [f.wan_bps] + [f.nic_bps] * (host - 1)  # links[k - 1] feeds host k
    if slow_host is not None:
        for k in (slow_host, slow_host + 1):
            if k <= host:
                links[k - 1] = min(links[k - 1], slow_bps)
    return through_path_s(f, chunk_bytes, links, in_flight)
# --8<-- [end:straggler]


# --8<-- [start:ingress]
def ranged_get_bps(f: Fleet, range_bytes: float, ttfb_s: float,
                   in_flight: int = 1) -> float:
    """What the ingress host pulls from the object store with `in_flight` ranged
    GETs outstanding, when each waits `ttfb_s` before its first byte arrives.

    >>> round(ranged_get_bps(BASELINE, 4 * MiB, ttfb_s=0.1) / 1e9, 3)
    0.251
    >>> ranged_get_bps(BASELINE, 4 * MiB, ttfb_s=0.1, in_flight=4)
    1000000000.0
    """
    one_request = range_bytes * 8 / (ttfb_s + seconds_to_move(range_bytes, f.wan_bps))
    return min(f.wan_bps, in_flight * one_request)


def ranged_gets_needed(f: Fleet, range_bytes: float, ttfb_s: float) -> int:
    """The fewest GETs in flight that keep the WAN full: while one request waits
    for its first byte, the others must cover the link.

    >>> [ranged_gets_needed(BASELINE, 4 * MiB, t) for t in (0.05, 0.1)]
    [3, 4]
    >>> [ranged_gets_needed(BASELINE, size * MiB, 0.1) for size in (1, 16)]
    [13, 2]
    """
    return math.ceil(1 + ttfb_s / seconds_to_move(range_bytes, f.wan_bps))
# --8<-- [end:ingress]


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
                             chunks_in_flight: int, ttfb_s: float = 0.0) -> float:
    """Extra makespan when the ingress host dies: the WAN idles until the failure is
    detected and the new head's first ranged GET answers, then the chunks that died
    in flight cross the WAN again; everything already forwarded survives.

    >>> ingress_failover_delay_s(BASELINE, 4 * MiB, detect_s=3.0,
    ...                          chunks_in_flight=2)
    3.069108864
    """
    lost = chunks_in_flight * latency_s(f, chunk_bytes, f.wan_bps)
    return detect_s + ttfb_s + lost
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


def report(f: Fleet, chunk_bytes: float = 4 * MiB, in_flight: int = 2) -> str:
    """Each design's makespan with `chunk_bytes` chunks, against the floor.
    "Overlapped" keeps `in_flight` requests outstanding per link."""
    floor = floor_s(f)
    rows = [
        ("floor", floor),
        ("naive parallel pulls", naive_parallel_pulls_s(f)),
        ("whole-file tree", store_and_forward_tree_s(f)),
        ("chain, stop-and-wait", pipelined_s(f, chunk_bytes)),
        ("chain, overlapped", pipelined_s(f, chunk_bytes, in_flight=in_flight)),
        ("striped, stop-and-wait", striped_s(f, chunk_bytes)),
        ("striped, overlapped", striped_s(f, chunk_bytes, in_flight=in_flight)),
    ]
    lines = [f"{'design':<22}{'makespan':>12}{'x floor':>9}"]
    lines += [f"{name:<22}{human(t):>12}{t / floor:>9,.2f}" for name, t in rows]
    return "\n".join(lines)
# --8<-- [end:report]


if __name__ == "__main__":
    print(f"{BASELINE.file_bytes / 1e9:g} GB to {BASELINE.hosts:,} hosts,"
          f" 4 MiB chunks, {BASELINE.chunk_overhead_s * 1000:g} ms per chunk per hop\n")
    print(report(BASELINE))
