"""Check the links from the built site to other sites, for the scheduled workflow
(.github/workflows/external-links.yml), which files an issue listing the broken ones.

    python3 dev.py build && python -m tools.external_links site/ [--markdown report.md]

Pull requests are never blocked by this: another site going down is not a reason to
refuse a contribution. Each distinct URL is fetched once (HEAD, then GET where a
server refuses HEAD), with a timeout, a few at a time; a URL is broken when it answers
4xx or 5xx (except 429, rate limited, reported apart) or does not answer at all. The
exit status is 1 when anything is broken.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from tools.site import references

TIMEOUT_S = 20
WORKERS = 8
USER_AGENT = "loop-notes-link-check (+https://github.com/)"


def external_links(site: Path, local_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> dict[str, list[str]]:
    """Each http(s) URL on another host that a built page links to, with the pages.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "index.html").write_text('<a href="https://example.org/a#top">x</a>'
    ...     '<a href="about/">local</a><a href="http://127.0.0.1:8000/">self</a>')
    >>> external_links(folder)
    {'https://example.org/a': ['index.html']}
    """
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        for href in references(page.read_text(encoding="utf-8", errors="replace")).links:
            url = urldefrag(href)[0]
            parts = urlsplit(url)
            if parts.scheme in {"http", "https"} and parts.hostname not in local_hosts:
                pages = found.setdefault(url, [])
                where = page.relative_to(site).as_posix()
                if where not in pages:
                    pages.append(where)
    return found


def status(url: str, timeout: float = TIMEOUT_S) -> int | str:
    """The HTTP status of `url` (HEAD, then GET if HEAD is refused), or why it failed."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in {403, 405, 501}:
                continue  # some servers refuse HEAD but answer GET
            return error.code
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return type(getattr(error, "reason", error)).__name__
    return "no answer"


def broken(site: Path, timeout: float = TIMEOUT_S, local_hosts=("127.0.0.1", "localhost")) -> dict[str, tuple]:
    """URL -> (status, pages) for every external link that is broken or rate limited."""
    links = external_links(site, local_hosts)
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        statuses = dict(zip(links, pool.map(lambda u: status(u, timeout), links)))
    return {url: (code, links[url]) for url, code in statuses.items()
            if not (isinstance(code, int) and code < 400)}


def markdown(found: dict[str, tuple]) -> str:
    """The issue body: one row per broken link, with the pages that link to it."""
    if not found:
        return "Every external link answered.\n"
    rows = [f"| {url} | {code} | {', '.join(pages)} |" for url, (code, pages) in sorted(found.items())]
    return ("Links from the built site to other sites that did not answer with success. "
            "429 means rate limited: check by hand before changing anything.\n\n"
            "| Link | Answer | Linked from |\n|---|---|---|\n" + "\n".join(rows) + "\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.external_links", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site (python3 dev.py build writes site/)")
    parser.add_argument("--markdown", type=Path, help="also write the report as Markdown here")
    args = parser.parse_args(argv)
    found = broken(args.site)
    report = markdown(found)
    print(report, end="")
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    return 1 if any(code != 429 for code, _ in found.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
