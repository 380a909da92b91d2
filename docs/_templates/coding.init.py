"""Code for docs/$section/$slug.md.

`PRACTICE` declares what a reader's file must define for `python3 dev.py
practice $slug --impl FILE`: the entry point the level tests receive (a
function, or a class and the methods the tests call), and `probe`, the
positional arguments of one small first call that names a wrong result shape
once, before the tests (tools/harness.py).
"""
PRACTICE = {"entry": "solution", "kind": "function",
            "signature": "solution(queries: list[list[str]]) -> list[str]",
            "probe": [[["PING"]]]}
