"""The in-memory database, one module per level (level1 ... solution) plus a
starter file for readers. Page: docs/coding/in-memory-database.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice in-memory-database --impl FILE`.
"""
PRACTICE = {"entry": "solution", "kind": "function",
            "signature": "solution(queries: list[list[str]]) -> list[str]"}
