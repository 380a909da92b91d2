"""Crash-resilient LRU memoizer, level 2: level 1 plus a log replayed at start.

Two changes. The key can no longer hold the function object, which dies with
the process, so it names the function ("module:qualname") and spells every
argument as canonical JSON text. And every computed result and every hit is
written to the log before `call` returns:

    P <key>\t<value>      put: a computed result
    T <key>               touch: a hit made it most recent

A new LRU on the same file replays the records in order and keeps the
`capacity` most recent. What level 2 does not do yet (level 3 does): check that
a record is undamaged, cut off a torn last line before appending after it,
bound the log's growth, or guard against two writers and two threads.

>>> import tempfile, os
>>> from snippets.coding.persistent_lru.examples import slow_square
>>> path = os.path.join(tempfile.mkdtemp(), "cache.log")
>>> LRU(2, path).call(slow_square, 5)
25
>>> print(open(path).read(), end="")
P ["snippets.coding.persistent_lru.examples:slow_square",[5],[]]	25
>>> import shutil; shutil.rmtree(os.path.dirname(path))
"""
from __future__ import annotations

import json
import os
import sys
from collections import OrderedDict
from typing import Any, Callable


def function_name(func: Callable) -> str:
    """"module:qualname", if that name leads back to `func` in any process."""
    module = getattr(func, "__module__", None)
    qualname = getattr(func, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str):
        raise TypeError(f"cannot persist results of {func!r}: it has no module and qualified name")
    name = f"{module}:{qualname}"
    if module == "__main__":
        raise TypeError(f"cannot persist results of {name}: __main__ is a different "
                        "file in every program; move the function into a module")
    found: Any = sys.modules.get(module)
    for part in qualname.split("."):
        found = getattr(found, part, None)
    if found is not func:
        raise TypeError(f"cannot persist results of {name}: that name does not lead back "
                        "to this function (a lambda, a nested function, a bound method, "
                        "or a name rebound since)")
    return name


def encode(value: Any) -> Any:
    """JSON data keeping the exact type: {"t": [...]} for a tuple, {"d": pairs} for a dict."""
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is list:
        return [encode(item) for item in value]
    if kind is tuple:
        return {"t": [encode(item) for item in value]}
    if kind is dict:
        pairs = sorted(([encode(k), encode(v)] for k, v in value.items()),
                       key=lambda pair: dumps(pair[0]))
        return {"d": pairs}
    raise TypeError(f"cannot persist a {kind.__name__}: allowed are None, bool, int, "
                    "float, str, list, tuple and dict")


def decode(data: Any) -> Any:
    """The value `encode` was given, rebuilt."""
    if isinstance(data, list):
        return [decode(item) for item in data]
    if isinstance(data, dict):
        if "t" in data:
            return tuple(decode(item) for item in data["t"])
        return {decode(k): decode(v) for k, v in data["d"]}
    return data


def dumps(data: Any) -> str:
    """Canonical JSON: no spaces, ASCII only, so never a raw tab or newline."""
    return json.dumps(data, separators=(",", ":"))


# --8<-- [start:lru]
class LRU:
    """Memoizes pure functions, `capacity` results at most, in a log replayed at start."""

    def __init__(self, capacity: int, persistence_path: str) -> None:
        if type(capacity) is not int or capacity < 1:
            raise ValueError(f"capacity must be a whole number of at least 1, not {capacity!r}")
        self.capacity = capacity
        self._entries: OrderedDict[str, str] = OrderedDict()  # key -> value JSON, LRU first
        self._replay(os.fspath(persistence_path))
        self._fd = os.open(persistence_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def generate_key(self, func: Callable, *args: Any, **kwargs: Any) -> str:
        return dumps([function_name(func), [encode(a) for a in args],  # (1)!
                      [[name, encode(kwargs[name])] for name in sorted(kwargs)]])

    def call(self, func: Callable, *args: Any, **kwargs: Any) -> Any:
        key = self.generate_key(func, *args, **kwargs)
        if key in self._entries:
            self._write(f"T {key}\n")  # (2)!
            self._entries.move_to_end(key)
            return decode(json.loads(self._entries[key]))
        value = func(*args, **kwargs)
        stored = dumps(encode(value))
        self._write(f"P {key}\t{stored}\n")
        self._entries[key] = stored
        if len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
        return value

    def __del__(self) -> None:
        if hasattr(self, "_fd"):
            os.close(self._fd)

    def _write(self, line: str) -> None:
        data = line.encode()
        done = 0
        while done < len(data):
            done += os.write(self._fd, data[done:])  # (3)!

    def _replay(self, path: str) -> None:
        try:
            with open(path, "rb") as log:
                lines = log.read().split(b"\n")
        except FileNotFoundError:
            return
        for line in lines[:-1]:  # (4)!
            op, _, rest = line.decode().partition(" ")
            if op == "P":
                key, _, value = rest.partition("\t")
                self._entries[key] = value
                self._entries.move_to_end(key)
            elif op == "T" and rest in self._entries:
                self._entries.move_to_end(rest)
        while len(self._entries) > self.capacity:
            self._entries.popitem(last=False)
# --8<-- [end:lru]
