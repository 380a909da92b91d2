"""A second, deliberately naive model of every level, for the randomized tests.

It shares no code or structure with the reference: files are one flat list of
(name, size, owner) tuples searched from the front, a user's usage is summed
afresh on every question, and GET_N_LARGEST sorts everything. Slow, obvious and
independent, which is what an oracle should be.

Where the problem leaves a question open, the model follows the page's answers
(see `open_question` for the list). `random_queries(..., contract_only=True)`
builds sequences that never reach one of those questions, so the level tests
check only what the contract decides; the unrestricted sequences, which do reach
them, are compared with the reference in test_reference.py.
"""
from __future__ import annotations

import random

from tests.coding.shared import answers_match

SUFFIX = ".COMPRESSED"
ADMIN = object()  # the owner of files added with ADD_FILE; not a user name


class ListModel:
    def __init__(self) -> None:
        self.files: list[tuple[str, int, object]] = []
        self.capacity: dict[str, int] = {}

    def _find(self, name: str) -> tuple[str, int, object] | None:
        for item in self.files:
            if item[0] == name:
                return item
        return None

    def _used(self, user: object) -> int:
        return sum(size for _, size, owner in self.files if owner == user)

    def _room(self, owner: object, extra: int) -> bool:
        return owner is ADMIN or self._used(owner) + extra <= self.capacity[owner]

    def _left(self, user: str) -> str:
        return str(self.capacity[user] - self._used(user))

    def open_question(self, query: list[str]) -> str | None:
        """Which question the contract leaves open this query would reach, if any."""
        name, *args = query
        if name == "ADD_USER" and args[0] == "admin":
            return "is the administrator a user called 'admin'?"
        if name in {"ADD_FILE", "ADD_FILE_BY"} and args[-2].endswith(SUFFIX):
            return "is a file added under a compressed-looking name compressed?"
        if name == "COPY_FILE" and args[0].endswith(SUFFIX) != args[1].endswith(SUFFIX):
            return "is a copy compressed when its name says otherwise?"
        if name == "GET_N_LARGEST":
            if args[1] == "0":
                return "what do the 0 largest files look like?"
            if any(n.startswith(args[0]) and n.endswith(SUFFIX) for n, _, _ in self.files):
                return "do compressed files count as files here?"
        if name == "COMPRESS_FILE":
            found = self._find(args[1])
            if found and found[2] == args[0] and not args[1].endswith(SUFFIX):
                if found[1] % 2:
                    return "what does compressing an odd size do?"
                if self._find(args[1] + SUFFIX):
                    return "what if the compressed name is taken?"
        return None

    def answer(self, query: list[str]) -> str:
        name, *args = query
        if name == "ADD_FILE":
            if self._find(args[0]):
                return "false"
            self.files.append((args[0], int(args[1]), ADMIN))
            return "true"
        if name == "GET_FILE_SIZE":
            found = self._find(args[0])
            return str(found[1]) if found else ""
        if name == "DELETE_FILE":
            found = self._find(args[0])
            if not found:
                return ""
            self.files.remove(found)
            return str(found[1])
        if name == "GET_N_LARGEST":
            ranked = sorted((f for f in self.files if f[0].startswith(args[0])),
                            key=lambda f: (-f[1], f[0]))
            return ", ".join(f"{n}({s})" for n, s, _ in ranked[:int(args[1])])
        if name == "ADD_USER":
            if args[0] in self.capacity:
                return "false"
            self.capacity[args[0]] = int(args[1])
            return "true"
        if name == "ADD_FILE_BY":
            user, file, size = args[0], args[1], int(args[2])
            if user not in self.capacity or self._find(file) or not self._room(user, size):
                return ""
            self.files.append((file, size, user))
            return self._left(user)
        if name == "COPY_FILE":
            found = self._find(args[0])
            if not found or self._find(args[1]) or not self._room(found[2], found[1]):
                return "false"
            self.files.append((args[1], found[1], found[2]))
            return "true"
        user, file = args
        found = self._find(file)
        if not found or found[2] != user:
            return ""
        if name == "COMPRESS_FILE":
            new, size = file + SUFFIX, found[1] // 2
            if file.endswith(SUFFIX) or found[1] % 2:
                return ""
        else:
            new, size = file[:-len(SUFFIX)], found[1] * 2
            if not file.endswith(SUFFIX):
                return ""
        if self._find(new) or not self._room(user, size - found[1]):
            return ""
        self.files.remove(found)
        self.files.append((new, size, user))
        return self._left(user)


USERS = ["u1", "u2", "u3"]
NAMES = ["/a", "/a/b", "/a/c.txt", "/ab", "/b", "/b/a.txt"]
PREFIXES = ["", "/a", "/a/", "/ab", "/b", "/c"]


def random_queries(seed: int, level: int, count: int = 200, *,
                   contract_only: bool = True) -> list[list[str]]:
    """Queries of the operations up to `level`, over a few clashing names.

    With `contract_only`, a query that would reach a question the contract leaves
    open is drawn again, so every answer follows from the contract alone. Without
    it, the sequences also use odd sizes, n = 0, a user called "admin", names
    that end in the suffix, mixed case and copies across the suffix.
    """
    rng = random.Random(seed)
    model = ListModel()
    users = USERS + ([] if contract_only else ["admin"])
    names = NAMES + ([] if contract_only else ["/A", "/x.COMPRESSED", "/a.compressed"])
    sizes = [2, 4, 10, 20, 50, 100, 200, 300]
    if not contract_only:
        sizes += [1, 7, 0]
    queries: list[list[str]] = []
    while len(queries) < count:
        user = rng.choice(users + ["nobody"])
        name = rng.choice(names)
        other = rng.choice(names)
        if level >= 4 and rng.random() < 0.3:
            name, other = name + SUFFIX, other + SUFFIX
        if model.files and rng.random() < 0.5:    # a file that exists, and often its owner
            name, _, owner = rng.choice(model.files)
            if owner is not ADMIN and rng.random() < 0.8:
                user = owner
        size = str(rng.choice(sizes))
        choices = [["ADD_FILE", name, size], ["GET_FILE_SIZE", name], ["DELETE_FILE", name]]
        if level >= 2:
            n = str(rng.randint(0 if not contract_only else 1, 4))
            choices += [["GET_N_LARGEST", rng.choice(PREFIXES), n]] * 2
        if level >= 3:
            choices += [["ADD_USER", user, str(rng.choice([0, 100, 300, 500, 1000]))],
                        ["ADD_FILE_BY", user, name, size], ["ADD_FILE_BY", user, name, size],
                        ["COPY_FILE", name, other], ["COPY_FILE", name, other]]
        if level >= 4:
            choices += [["COMPRESS_FILE", user, name]] * 3 + [["DECOMPRESS_FILE", user, name]] * 3
        query = rng.choice(choices)
        if contract_only and model.open_question(query):
            continue
        model.answer(query)
        queries.append(query)
    return queries


def check_against_the_model(solution, queries: list[list[str]]) -> None:
    """Every answer of `solution` equals the model's, or say which query differs."""
    answers_match(ListModel(), solution, queries)
