"""Greedy longest-match tokenizer: level1.py (a scan), level2.py (a trie),
solution.py (all three levels: streams of chunks too), a starter for readers,
followups.py and benchmark.py. Page: docs/coding/longest-match-tokenizer.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice longest-match-tokenizer --impl FILE`; `probe` holds the
positional arguments of one small first call, and `check` names the function
below, which tools/harness.py runs on every answer to name a wrong shape in
one line instead of a failed comparison.
"""
from __future__ import annotations

PRACTICE = {"entry": "tokenize", "kind": "function",
            "signature": "tokenize(vocab, text) -> list[int]",
            "probe": [["a", "ab"], "aab"],
            "check": "check_ids"}


def check_ids(*args: object) -> str | None:
    """What is wrong with the shape of a `tokenize` answer, or None.

    The harness passes the call's positional arguments (vocab, text), then the
    result. A stream's result is never read here: that would use it up.

    >>> check_ids(["a"], "a", None)
    'returned None; for a str text it must return a list of int token ids'
    >>> check_ids(["a"], "a", (i for i in [0]))
    'returned a generator; for a str text it must return a list of int token ids'
    >>> check_ids(["a"], "a", ["a"])
    "returned a list holding 'a'; every token id must be an int"
    >>> check_ids(["a"], "a", [True])
    'returned a list holding True; every token id must be an int'
    >>> check_ids(["a"], iter(["a"]), None)
    'returned None; for a stream of chunks it must return an iterator of token ids'
    >>> check_ids(["a"], "a", [0]) is None, check_ids(["a"], iter(["a"]), iter([0])) is None
    (True, True)
    """
    text, result = args[1] if len(args) > 2 else None, args[-1]
    if not isinstance(text, str):
        if result is None or not hasattr(result, "__iter__") or isinstance(result, (str, bytes)):
            shown = "None" if result is None else f"a {type(result).__name__}"
            return f"returned {shown}; for a stream of chunks it must return an iterator of token ids"
        return None
    if not isinstance(result, list):
        shown = "None" if result is None else f"a {type(result).__name__}"
        return f"returned {shown}; for a str text it must return a list of int token ids"
    odd = next((i for i in result if not isinstance(i, int) or isinstance(i, bool)), None)
    if odd is not None:
        return f"returned a list holding {odd!r}; every token id must be an int"
    return None
