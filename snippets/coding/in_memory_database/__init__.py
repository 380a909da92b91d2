"""The in-memory database, one module per level (level1 ... solution) plus a
starter file for readers. Page: docs/coding/in-memory-database.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice in-memory-database --impl FILE`.
"""
PRACTICE = {"entry": "solution", "kind": "function",
            "signature": "solution(queries: list[list[str]]) -> list[str]"}
# The practice harness calls check_result on every answer of a reader's file, and
# first runs `probe` (positional arguments of one small call) to name a wrong shape once.
PRACTICE["probe"] = [[["SET", "a", "b", "c"], ["GET", "a", "b"]]]
PRACTICE["check"] = "check_result"


def check_result(queries: list, result: object) -> str | None:
    """What is wrong with the shape of an answer, or None.

    >>> check_result([["GET", "a", "b"]], None)
    'returned None; it must return a list of strings, one per query'
    >>> check_result([["GET", "a", "b"]], ["", ""])
    'returned 2 answers for 1 query; it must return one string per query'
    >>> check_result([["GET", "a", "b"]], [None])
    'returned a list holding None; every answer must be a string'
    >>> check_result([], {})
    'returned a dict; it must return a list of strings, one per query'
    >>> check_result([["GET", "a", "b"]], [""]) is None
    True
    """
    if not isinstance(result, list):
        shown = "None" if result is None else f"a {type(result).__name__}"
        return f"returned {shown}; it must return a list of strings, one per query"
    if len(result) != len(queries):
        return (f"returned {len(result)} answers for {len(queries)} "
                f"quer{'y' if len(queries) == 1 else 'ies'}; it must return one string per query")
    odd = next((a for a in result if not isinstance(a, str)), "")
    if not isinstance(odd, str):
        return f"returned a list holding {odd!r}; every answer must be a string"
    return None
