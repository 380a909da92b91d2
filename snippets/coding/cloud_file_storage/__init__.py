"""Cloud file storage, one module per level (level1 ... solution) plus a starter
file for readers. Page: docs/coding/cloud-file-storage.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice cloud-file-storage --impl FILE`, and `probe` the
positional arguments of one small first call, which names a wrong result shape
once, before the tests (tools/harness.py checks every answer's shape).
"""
PRACTICE = {"entry": "solution", "kind": "function",
            "signature": "solution(queries: list[list[str]]) -> list[str]",
            "probe": [[["ADD_FILE", "/a", "10"], ["GET_FILE_SIZE", "/a"]]]}
