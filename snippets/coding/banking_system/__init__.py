"""Banking system, one module per level (level1 ... solution) plus a starter
file for readers, the minute budgets and the follow-ups. Page:
docs/coding/banking-system.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice banking-system --impl FILE`, and `probe` the
positional arguments of one small first call, which names a wrong result shape
once, before the tests (tools/harness.py checks every answer's shape).
"""
PRACTICE = {"entry": "solution", "kind": "function",
            "signature": "solution(queries: list[list[str]]) -> list[str]",
            "probe": [[["CREATE_ACCOUNT", "1", "a"], ["DEPOSIT", "2", "a", "10"]]]}
