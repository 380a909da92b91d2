"""Duplicate-file finder: level1.py (read everything), level2.py (size, first
block, whole hash), solution.py (all three levels: hard links, reading side by
side), counting.py (the opener that counts reads), a starter for readers,
followups.py and budget.py. Page: docs/coding/duplicate-file-finder.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice duplicate-file-finder --impl FILE`; `probe` holds the
positional arguments of one small first call (a folder of two equal files,
`probe/`), and `check` names the function below, which tools/harness.py runs on
every answer to name a wrong shape in one line instead of a failed comparison.
"""
from __future__ import annotations

from pathlib import Path

PRACTICE = {"entry": "find_duplicates", "kind": "function",
            "signature": "find_duplicates(root, opener=open_binary) -> list[list[str]]",
            "probe": [str(Path(__file__).with_name("probe"))],
            "check": "check_groups"}


def check_groups(*args: object) -> str | None:
    """What is wrong with the shape of a `find_duplicates` answer, or None.

    The harness passes the call's positional arguments, then the result.

    >>> check_groups(".", None)
    'returned None; it must return a list of groups, each a list of str paths'
    >>> check_groups(".", {("a", "b")})
    'returned a set; it must return a list of groups, each a list of str paths'
    >>> check_groups(".", [("a", "b")])
    "returned a group ('a', 'b'); every group must be a list of str paths"
    >>> check_groups(".", [["a", 3]])
    "returned a group ['a', 3]; every group must be a list of str paths"
    >>> check_groups(".", [["a", "b"]]) is None, check_groups(".", []) is None
    (True, True)
    """
    result = args[-1]
    if not isinstance(result, list):
        shown = "None" if result is None else f"a {type(result).__name__}"
        return f"returned {shown}; it must return a list of groups, each a list of str paths"
    for group in result:
        if not isinstance(group, list) or not all(isinstance(path, str) for path in group):
            return f"returned a group {group!r:.60}; every group must be a list of str paths"
    return None
