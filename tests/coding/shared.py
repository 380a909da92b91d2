"""What the coding problems' own tests share, so no test module keeps a second copy.

`kept(__file__)` lists a problem's kept states (level1.py ... solution.py) the way the
practice harness finds them; `budget_tables` parses a page's "| Part | Minutes | Done by |"
tables; `answers_match` compares a solution's answers with an oracle's model;
`CountingDict` counts the dictionary walks, reads and gets that the Complexity sections
make claims about.
"""
from __future__ import annotations

from pathlib import Path

from tools.harness import problem_of


def kept(test_file: str) -> list[str]:
    """The kept states of the reference whose tests sit beside `test_file`, sorted."""
    return sorted(problem_of(Path(test_file).parent).references())


def budget_tables(markdown: str) -> list[list[tuple[str, int, int]]]:
    """The page's "| Part | Minutes | Done by |" tables, as (part, minutes, done by) rows.

    >>> budget_tables("| Part | Minutes | Done by |\\n|---|---|---|\\n| Level 1 | 10 | 10 |\\n")
    [[('level 1', 10, 10)]]
    """
    tables, rows = [], None
    for line in markdown.splitlines() + [""]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells == ["Part", "Minutes", "Done by"]:
            rows = []
        elif rows is not None and line.startswith("|"):
            if not set(cells[0]) <= {"-", ":"}:
                rows.append((cells[0].lower(), int(cells[1]), int(cells[2])))
        elif rows is not None:
            tables.append(rows)
            rows = None
    return tables


def answers_match(model, solution, queries: list[list[str]]) -> None:
    """Every answer of `solution` to `queries` equals `model.answer`'s, or say which differs.

    >>> class Echo:
    ...     def answer(self, query): return query[0]
    >>> answers_match(Echo(), lambda qs: [q[0] for q in qs], [["a"], ["b"]])
    >>> try:
    ...     answers_match(Echo(), lambda qs: ["a", "x"], [["a"], ["b"]])
    ... except AssertionError as error:
    ...     print(str(error).splitlines()[0])
    query 1 ['b']: expected 'b', got 'x'
    """
    expected = [model.answer(q) for q in queries]
    got = solution(queries)
    assert len(got) == len(queries), f"{len(queries)} queries but {len(got)} answers"
    for i, (q, want, have) in enumerate(zip(queries, expected, got)):
        assert have == want, f"query {i} {q}: expected {want!r}, got {have!r}"


class CountingDict(dict):
    """A dict that counts whole walks (iteration, items, keys, values), reads and gets.

    The counters are on the class, since the code under test makes its own instances;
    call `reset()` before the operation you count.

    >>> CountingDict.reset(); d = CountingDict(a=1); _ = list(d.items()), d["a"], d.get("b")
    >>> CountingDict.walks, CountingDict.reads, CountingDict.gets
    (1, 1, 1)
    """
    walks = reads = gets = 0

    @classmethod
    def reset(cls) -> None:
        cls.walks = cls.reads = cls.gets = 0

    def __iter__(self):
        CountingDict.walks += 1
        return super().__iter__()

    def items(self):
        CountingDict.walks += 1
        return super().items()

    def values(self):
        CountingDict.walks += 1
        return super().values()

    def keys(self):
        CountingDict.walks += 1
        return super().keys()

    def __getitem__(self, key):
        CountingDict.reads += 1
        return super().__getitem__(key)

    def get(self, key, default=None):
        CountingDict.gets += 1
        return super().get(key, default)
