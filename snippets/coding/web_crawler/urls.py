"""URLs and links for the web crawler: the rules every level shares.

docs/coding/web-crawler.md states the rules; these functions are them. Each
level (level1.py, level2.py, solution.py) imports from here, so what a level
changed is only the crawl loop.

>>> normalise("HTTP://Shop.Test:80/a/./b/../c#reviews")
'http://shop.test/a/c'
>>> normalise("../up", base="http://shop.test/docs/intro/")
'http://shop.test/docs/up'
>>> normalise("mailto:sales@shop.test") is None
True
"""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

# --8<-- [start:normalise]
DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise(href: str, base: str | None = None) -> str | None:
    """`href` as an absolute http(s) URL in one canonical spelling, or None if
    it is not a link the crawler can follow."""
    try:
        parts = urlsplit(urljoin(base or "", href.strip()))  # (1)!
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS or not parts.hostname:
            return None  # mailto:, javascript:, ftp:, "http:///x" ...
        port = parts.port  # raises ValueError for ":abc" or ":99999"
    except ValueError:
        return None  # a malformed link is skipped, never fatal
    host = parts.hostname  # lower case already; no user:password@
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address keeps its brackets
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = remove_dot_segments(parts.path) or "/"  # (2)!
    return urlunsplit((scheme, host, path, parts.query, ""))  # (3)!


def remove_dot_segments(path: str) -> str:
    """Resolve "." and ".." the way RFC 3986 (section 5.2.4) does; keep "//".

    >>> remove_dot_segments("/a/b/../../c/./d/")
    '/c/d/'
    >>> remove_dot_segments("/a/b/..")
    '/a/'
    >>> remove_dot_segments("/../x//y")
    '/x//y'
    """
    segments = path.split("/")
    kept: list[str] = []
    for position, segment in enumerate(segments):
        if segment in (".", ".."):
            if segment == ".." and len(kept) > 1:
                kept.pop()
            if position == len(segments) - 1:
                kept.append("")  # "/a/b/.." names the folder "/a/"
        else:
            kept.append(segment)
    return "/".join(kept)
# --8<-- [end:normalise]


# --8<-- [start:links]
def origin(url: str) -> str:
    """Scheme, host and port of a normalised URL: what "same site" compares.

    >>> origin("https://shop.test:8443/cart?id=3")
    'https://shop.test:8443'
    """
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_html(content_type: str) -> bool:
    """True for an HTML media type, whatever its case and parameters.

    >>> is_html("Text/HTML; charset=utf-8"), is_html("text/plain"), is_html("")
    (True, False, False)
    """
    return content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()  # convert_charrefs: "&amp;" in an href becomes "&"
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":  # tag and attribute names arrive lower-cased
            href = dict(attrs).get("href")
            if href is not None:
                self.hrefs.append(href)


def links_on(body: str, page_url: str) -> list[str]:
    """The normalised targets of the page's <a href> links, in document order.

    >>> links_on('<a href="b">B</a> <A HREF="/c?x=1&amp;y=2">C</A> <a>none</a>',
    ...          "http://shop.test/a/")
    ['http://shop.test/a/b', 'http://shop.test/c?x=1&y=2']
    """
    parser = _Anchors()
    try:
        parser.feed(body)
        parser.close()
    except AssertionError:  # (1)!
        pass  # keep the links found before the bad markup
    found = (normalise(href, base=page_url) for href in parser.hrefs)
    return [url for url in found if url is not None]


def same_site_links(body: str, page_url: str) -> list[str]:
    """The links on a page that stay on the page's own site (scheme, host, port).

    >>> same_site_links('<a href="/x">x</a> <a href="https://shop.test/y">y</a> '
    ...                 '<a href="//other.test/z">z</a>', "http://shop.test/")
    ['http://shop.test/x']
    """
    site = origin(page_url)
    return [url for url in links_on(body, page_url) if origin(url) == site]
# --8<-- [end:links]
