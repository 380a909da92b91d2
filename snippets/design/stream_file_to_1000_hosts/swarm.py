"""Where a rack-aware swarm lands: a seeded, round-by-round simulation.

Our own model, for docs/design/stream-file-to-1000-hosts.md. Time moves in
rounds of one chunk time. Each round the object store hands the next chunk to
one host (each byte crosses the WAN once), and every host may send one chunk
and receive one chunk, as full-duplex NICs at line rate allow. Peers are
rack-aware: a host trades with every host in its rack and with a few hosts in
other racks. Each sender, in random order, offers the receiver the chunk that
the fewest hosts hold among those it has and the receiver lacks (rarest first,
as BitTorrent does). No central schedule, so some uplinks idle in some rounds;
the simulation counts what that costs against the striped bound of
chunks + ceil(log2(N + 1)) - 1 rounds.
"""
from __future__ import annotations

import random

from snippets.design.stream_file_to_1000_hosts.makespan import striped_stages


# --8<-- [start:swarm]
def peer_sets(hosts: int, rack_size: int, outside_peers: int,
              rng: random.Random) -> list[list[int]]:
    """Each host's peers: its whole rack, plus `outside_peers` hosts picked at
    random from other racks (and whoever picked it).

    >>> peer_sets(4, rack_size=2, outside_peers=1, rng=random.Random(0))
    [[1, 2, 3], [0, 3], [0, 3], [0, 1, 2]]
    """
    peers = [set() for _ in range(hosts)]
    for host in range(hosts):
        rack = host // rack_size
        peers[host].update(range(rack * rack_size, min((rack + 1) * rack_size, hosts)))
        peers[host].discard(host)
        elsewhere = [h for h in range(hosts) if h // rack_size != rack]
        for other in rng.sample(elsewhere, min(outside_peers, len(elsewhere))):
            peers[host].add(other)
            peers[other].add(host)
    return [sorted(p) for p in peers]


def swarm_rounds(hosts: int, chunks: int, rack_size: int = 40, outside_peers: int = 4,
                 seed: int = 0) -> int:
    """Rounds (chunk times) until every host holds every chunk.

    >>> swarm_rounds(1000, 128), 128 + striped_stages(1000) - 1   # swarm, bound
    (147, 137)
    """
    rng = random.Random(seed)
    peers = peer_sets(hosts, rack_size, outside_peers, rng)
    held = [0] * hosts            # bit c set: the host holds chunk c
    copies = [0] * chunks         # how many hosts hold each chunk
    complete, everything = 0, (1 << chunks) - 1
    rounds = 0
    while complete < hosts:
        rounds += 1
        busy = [False] * hosts    # already receiving a chunk this round
        transfers = []
        if rounds <= chunks:      # the WAN delivers the next chunk to one host
            target = rng.randrange(hosts)
            transfers.append((target, rounds - 1))
            busy[target] = True
        senders = list(range(hosts))
        rng.shuffle(senders)
        for sender in senders:
            candidates = peers[sender]
            count = len(candidates)
            if not held[sender] or not count:
                continue
            start = rng.randrange(count)
            for i in range(count):
                receiver = candidates[(start + i) % count]
                if busy[receiver]:
                    continue
                wanted = held[sender] & ~held[receiver]
                if not wanted:
                    continue
                transfers.append((receiver, rarest(wanted, copies)))
                busy[receiver] = True
                break
        for receiver, chunk in transfers:
            held[receiver] |= 1 << chunk
            copies[chunk] += 1
            complete += held[receiver] == everything
    return rounds


def rarest(wanted: int, copies: list[int]) -> int:
    """The chunk in the bit set `wanted` that the fewest hosts hold (lowest index
    on a tie).

    >>> rarest(0b1011, [5, 2, 0, 2])
    1
    """
    best = None
    while wanted:
        low = wanted & -wanted
        chunk = low.bit_length() - 1
        wanted ^= low
        if best is None or copies[chunk] < copies[best]:
            best = chunk
    return best
# --8<-- [end:swarm]
