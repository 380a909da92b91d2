"""The follow-ups of docs/coding/web-crawler.md, as code: duplicate content,
robots.txt as RFC 9309 reads it, which node owns a host, and the numbers for a
billion-page crawl. Each is tested in tests/coding/web_crawler/test_reference.py.
"""
from __future__ import annotations

import hashlib
import ipaddress
import math
import re


# --8<-- [start:dedup]
def fingerprint(body: str) -> str:
    """Exact duplicates: the same text, whatever its whitespace, has one hash.

    >>> fingerprint("<p>Hello   world</p>\\n") == fingerprint("<p>Hello world</p>")
    True
    """
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


def simhash(text: str, bits: int = 64) -> int:
    """Near duplicates (Charikar's simhash): each 3-word shingle votes on every
    bit; pages that share most shingles get fingerprints a few bits apart."""
    words = re.findall(r"\w+", text.lower())
    votes = [0] * bits
    for shingle in zip(words, words[1:], words[2:]):
        h = int.from_bytes(hashlib.blake2b(" ".join(shingle).encode(), digest_size=bits // 8).digest(), "big")
        for i in range(bits):
            votes[i] += 1 if h >> i & 1 else -1  # (1)!
    return sum(1 << i for i, vote in enumerate(votes) if vote > 0)


def hamming(a: int, b: int) -> int:
    """How many bits two fingerprints differ in."""
    return bin(a ^ b).count("1")
# --8<-- [end:dedup]


# --8<-- [start:robots]
def rfc9309_allowed(robots_txt: str, path: str, agent: str = "LoopNotesCrawler") -> bool:
    """May `agent` fetch `path`? Longest matching rule wins, Allow wins a tie,
    `*` matches any run of characters and a final `$` anchors the end.

    >>> rules = "User-agent: *\\nDisallow: /a\\nAllow: /a/b\\nDisallow: /*.pdf$\\n"
    >>> [rfc9309_allowed(rules, p) for p in ["/a/x", "/a/b/c", "/f.pdf", "/f.pdf?v=2"]]
    [False, True, False, True]
    """
    groups: dict[str, list[tuple[bool, str]]] = {}
    agents: list[str] = []
    in_rules = False
    for line in robots_txt.splitlines():
        key, _, value = line.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:  # a user-agent line after rules starts a new group
                agents, in_rules = [], False
            agents.append(value.lower())
            for name in agents:
                groups.setdefault(name, [])
        elif key in ("allow", "disallow") and agents:
            in_rules = True
            if value:  # an empty Disallow allows everything: no rule
                for name in agents:
                    groups[name].append((key == "allow", value))
    rules = groups.get(agent.lower(), groups.get("*", []))  # (1)!
    best: tuple[int, bool] = (-1, True)
    for allow, pattern in rules:
        regex = "".join(".*" if c == "*" else re.escape(c) for c in pattern.rstrip("$"))
        if re.match(regex + ("$" if pattern.endswith("$") else ""), path):
            best = max(best, (len(pattern), allow))  # (2)!
    return best[1]
# --8<-- [end:robots]


# --8<-- [start:owner]
def owner(host: str, nodes: list[str]) -> str:
    """The node that crawls `host` (rendezvous hashing): every node gets a
    score per host and the highest wins, so removing a node moves only the
    hosts it owned, and adding one takes about 1/n of every node's hosts.

    >>> owner("shop.test", ["node-a", "node-b", "node-c"]) in {"node-a", "node-b", "node-c"}
    True
    """
    def score(node: str) -> int:
        return int.from_bytes(hashlib.blake2b(f"{node}|{host}".encode(), digest_size=8).digest(), "big")
    return max(nodes, key=score)
# --8<-- [end:owner]


# --8<-- [start:guard]
def safe_to_fetch(address: str) -> bool:
    """May a crawler that takes URLs from strangers connect to this IP address?
    Only if it is a public one: never loopback, private, link-local (where cloud
    metadata services answer) or reserved. Check the address the host name
    resolved to, and connect to that same address.

    >>> [safe_to_fetch(a) for a in ["127.0.0.1", "10.1.2.3", "169.254.169.254", "::1",
    ...                             "192.168.0.7", "8.8.8.8", "2001:4860:4860::8888"]]
    [False, False, False, False, False, True, True]
    """
    return ipaddress.ip_address(address).is_global
# --8<-- [end:guard]


# --8<-- [start:numbers]
def billion_page_numbers(pages: float = 1e9, days: float = 30, page_kb: float = 100,
                         host_gap_s: float = 1.0, url_bytes: float = 100,
                         false_positive: float = 0.01) -> str:
    """Back-of-envelope figures for crawling `pages` pages in `days` days.

    >>> print(billion_page_numbers())
    fetch rate                  386 pages/s
    hosts busy at once          386 (one request per host every 1 s)
    download                    38.6 MB/s (at 100 KB a page)
    seen URLs, exact set        100 GB (at 100 bytes a URL)
    seen URLs, Bloom filter     1.2 GB (1% false positives, 9.6 bits a URL)
    one site at that gap        86,400 pages a day, however many workers
    """
    rate = pages / (days * 86_400)
    bits_per_url = -math.log(false_positive) / math.log(2) ** 2  # (1)!
    rows = [
        ("fetch rate", f"{rate:,.0f} pages/s"),
        ("hosts busy at once", f"{rate * host_gap_s:,.0f} (one request per host every {host_gap_s:g} s)"),
        ("download", f"{rate * page_kb / 1000:.1f} MB/s (at {page_kb:g} KB a page)"),
        ("seen URLs, exact set", f"{pages * url_bytes / 1e9:,.0f} GB (at {url_bytes:g} bytes a URL)"),
        ("seen URLs, Bloom filter", f"{pages * bits_per_url / 8 / 1e9:.1f} GB "
                                    f"({false_positive:.0%} false positives, {bits_per_url:.1f} bits a URL)"),
        ("one site at that gap", f"{86_400 / host_gap_s:,.0f} pages a day, however many workers"),
    ]
    return "\n".join(f"{name:<27} {value}" for name, value in rows)
# --8<-- [end:numbers]
