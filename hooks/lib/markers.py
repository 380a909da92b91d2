"""One syntax for generated content: `<!-- ln:NAME args -->`, parsed here only.

A page asks the build for generated content with a marker, e.g.
`<!-- ln:sources -->` or `<!-- ln:confidence prachub-swe-2026 -->`. Each hook
replaces its own marker through `replace`; the page checks report any marker
that is unknown or malformed, with the page and the name, so a typo fails the
build instead of rendering nothing.
"""
from __future__ import annotations

import re
from typing import Callable

# name -> what it becomes (shown in the error for an unknown marker)
KNOWN = {
    "sources": "the page's source list (hooks/sources.py)",
    "confidence": "the confidence of a claim from the source ids given (hooks/sources.py)",
    "claims": "the claim register from schema/claims.yml (hooks/sources.py)",
    "catalog": "the table of catalogued pages, all or those of some facet ids (hooks/catalog.py)",
    "questions": "the page's questions, from its front matter (hooks/story_bank.py)",
    "story-bank": "links to the story-bank worksheet, Markdown and CSV (hooks/story_bank.py)",
    "quality": "the latest measured figures from docs/about/quality.json (hooks/quality.py)",
}
MARKER = re.compile(r"<!--\s*ln:([a-z][a-z-]*)((?:\s+[a-z0-9-]+)*)\s*-->")
# Anything that looks like it was meant to be a marker: "ln" after the comment
# opener, or a bare known name (the syntax before markers had a prefix).
_LOOKS_LIKE = re.compile(r"<!--\s*(?:ln\b[^>]*|(?:%s)\s*)-->" % "|".join(KNOWN))
# Code (fenced blocks, inline spans) may show a marker without being one.
_CODE = re.compile(r"(^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\2[ \t]*$|`[^`\n]+`)", re.S | re.M)


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the parts of `text` that are not code.

    >>> _outside_code("a `b` c", str.upper)
    'A `b` C'
    """
    parts, last = [], 0
    for match in _CODE.finditer(text):
        parts += [change(text[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(parts + [change(text[last:])])


def find(text: str) -> list[tuple[str, list[str]]]:
    """Every well-formed marker as (name, arguments), in order.

    >>> find("a <!-- ln:sources --> b <!-- ln:confidence x y --> `<!-- ln:catalog -->`")
    [('sources', []), ('confidence', ['x', 'y'])]
    """
    found: list[tuple[str, list[str]]] = []
    _outside_code(text, lambda part: found.extend((m.group(1), m.group(2).split())
                                                  for m in MARKER.finditer(part)) or part)
    return found


def problems(text: str) -> list[str]:
    """What is wrong with the markers in a page: unknown names, malformed markers.

    >>> problems("<!-- ln:catalogue --> <!-- ln:sources --> <!-- sources --> <!--ln:Sources-->")
    ["unknown marker 'ln:catalogue' (known: sources, ...)", "malformed marker '<!-- sources -->' (write <!-- ln:NAME args -->)", "malformed marker '<!--ln:Sources-->' (write <!-- ln:NAME args -->)"]
    """
    prose: list[str] = []
    _outside_code(text, lambda part: prose.append(part) or part)
    found = []
    for match in _LOOKS_LIKE.finditer("\n".join(prose)):
        proper = MARKER.fullmatch(match.group(0))
        if proper is None:
            found.append(f"malformed marker {match.group(0)!r} (write <!-- ln:NAME args -->)")
        elif proper.group(1) not in KNOWN:
            found.append(f"unknown marker 'ln:{proper.group(1)}' (known: {', '.join(KNOWN)})")
    return found


def replace(text: str, name: str, render: Callable[[list[str]], str]) -> str:
    """Replace every `name` marker with what `render(arguments)` returns.

    >>> replace("x <!-- ln:confidence a b --> `<!-- ln:confidence c -->`", "confidence", "+".join)
    'x a+b `<!-- ln:confidence c -->`'
    """
    if name not in KNOWN:
        raise KeyError(f"ln:{name} is not a known marker; add it to KNOWN in {__name__}")
    return _outside_code(text, lambda part: MARKER.sub(
        lambda m: render(m.group(2).split()) if m.group(1) == name else m.group(0), part))
