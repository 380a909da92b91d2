"""Random fake sites, and a second, deliberately naive model of what a crawl of
one should return.

A site is generated as a graph first: each page knows the canonical URLs it
links to. Only then is each link *spelled* at random in one of the ways the
rules say mean the same URL (relative, absolute with a capital host and ":80",
with a fragment, with "./" or "x/../", with whitespace around it), or as a link
the crawler must skip (another site, another scheme, another port, mailto:).
The model crawls the graph, never the HTML, so it shares no URL handling with
any crawler under test, and it works level by level (all of depth d, then
d + 1) instead of with a queue.
"""
from __future__ import annotations

import posixpath
import random
from dataclasses import dataclass, field
from urllib.parse import urljoin, urldefrag

SITE = "http://site.test"
OFF_SITE = ["http://other.test/", "https://site.test/", "http://site.test:8080/",
            "http://sub.site.test/", "mailto:owner@site.test", "javascript:void(0)",
            "ftp://site.test/file"]


@dataclass
class RandomSite:
    pages: dict[str, object] = field(default_factory=dict)   # url -> FakeWeb behaviour
    links: dict[str, list[str]] = field(default_factory=dict)  # url -> canonical same-site targets
    status: dict[str, object] = field(default_factory=dict)   # url -> what a fetch of it gives

    def expected(self, start: str = SITE + "/", *, max_depth: int | None = None,
                 disallowed: tuple[str, ...] = ()) -> tuple[dict[str, object], list[str]]:
        """{url: outcome} a crawl must return, and the breadth-first fetch order."""
        outcome, order = {}, []
        level, depth = [start], 0
        while level and (max_depth is None or depth <= max_depth):
            following = []
            for url in level:
                path = url[len(SITE):]
                if any(path.startswith(prefix) for prefix in disallowed):
                    outcome[url] = "disallowed"
                    continue
                outcome[url] = self.status.get(url, 404)
                order.append(url)
                for target in self.links.get(url, []):
                    if target not in outcome and target not in level and target not in following:
                        following.append(target)
            level, depth = following, depth + 1
        return outcome, order


def _spelling(page_url: str, target: str, rng: random.Random) -> str:
    page_path, path = page_url[len(SITE):], target[len(SITE):]
    query = ""
    if "?" in path:
        path, query = path.split("?", 1)
        query = "?" + query
    folder = posixpath.dirname(page_path) or "/"
    relative = posixpath.relpath(path.rstrip("/") or "/", folder)
    if path.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    choices = [
        target,
        target.replace("http://site.test", "HTTP://Site.TEST:80"),
        path + query,
        path + query + "#section-" + str(rng.randrange(9)),
        relative + query,
        ("" if relative.startswith(".") else "./") + relative + query,
        "/zz/.." + path + query,
        "  " + path + query + "\n",
    ]
    spelled = rng.choice(choices)
    resolved = urldefrag(urljoin(page_url, spelled.strip()))[0]
    assert resolved.replace("http://Site.TEST:80", SITE) == target, (page_url, target, spelled)
    return spelled


def random_site(seed: int, size: int = 30) -> RandomSite:
    """A site of about `size` pages under http://site.test, all of it seeded."""
    rng = random.Random(seed)
    paths = ["/"]
    while len(paths) < size:
        folder = rng.choice(["", "/docs", "/docs/api", "/blog"])
        leaf = rng.choice([f"p{len(paths)}", f"p{len(paths)}/", f"p{len(paths)}?page={rng.randrange(3)}"])
        paths.append(f"{folder}/{leaf}")
    urls = [SITE + p for p in dict.fromkeys(paths)]
    site = RandomSite()
    for url in urls:
        kind = "html" if url == urls[0] else rng.choices(
            ["html", "text", "missing", "broken"], weights=[14, 1, 1, 1])[0]
        if kind == "missing":
            continue  # FakeWeb answers 404
        if kind == "broken":
            site.pages[url] = (500, "text/html", '<a href="/">home</a>')
            site.status[url] = 500
            continue
        fan_out = rng.randrange(4, 7) if url == urls[0] else rng.randrange(0, 6)
        targets = rng.sample(urls, k=min(len(urls), fan_out))
        targets += [SITE + f"/gone{rng.randrange(5)}"] * (rng.random() < 0.2)
        anchors = [(f'<a href="{_spelling(url, t, rng)}">x</a>', t) for t in targets]
        anchors += [(f'<a href="{rng.choice(OFF_SITE)}">away</a>', None)
                    for _ in range(rng.randrange(3))]
        rng.shuffle(anchors)
        html = "\n".join(a for a, _ in anchors)
        if kind == "text":  # links in a text/plain body are not links
            site.pages[url] = (200, "text/plain", html)
        else:
            site.pages[url] = (200, "text/html; charset=utf-8", f"<html><body>\n{html}\n</body></html>")
            site.links[url] = [t for _, t in anchors if t is not None]
        site.status[url] = 200
    return site
