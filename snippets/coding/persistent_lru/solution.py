"""Crash-resilient LRU memoizer, level 3 (the whole reference): level 2 plus
checksummed records, a torn tail cut off at recovery, atomic compaction, one
writer per file and a lock for threads.

The log at `persistence_path` is text, one record per line:

    persistent-lru v1                                  the header line
    <crc32 as 8 hex digits> P <key>\t<value>           put: a computed result
    <crc32 as 8 hex digits> T <key>                    touch: a hit made it most recent

The key and the value are canonical JSON (see `encode`), which never holds a raw
tab or newline, so the line is the frame and the checksum covers everything
after its first space. Every record is one `os.write` to a file opened with
O_APPEND, made before `call` returns: the kernel has it, so it survives the
process being killed. Surviving a power cut as well needs an fsync per record
(`fsync=True`) or one per group of records (followups.py).

Recovery replays the records in order into an ordered dict and keeps the
`capacity` most recent. A last line with no newline is a torn write: it is
ignored and cut off, so the next record starts on a line of its own. A line whose
checksum fails anywhere else is skipped and counted, and the log is rewritten.
Nothing is ever unpickled: the file is JSON, so reading it cannot run code.

>>> import tempfile, os
>>> from snippets.coding.persistent_lru.examples import slow_square
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "cache.log")
>>> with LRU(2, path) as cache:
...     cache.call(slow_square, 12), cache.call(slow_square, 12), cache.stats["misses"]
(144, 144, 1)
>>> with LRU(2, path) as again:          # a new process would see the same
...     again.call(slow_square, 12), again.stats["hits"], again.stats["misses"]
(144, 1, 0)
>>> import shutil; shutil.rmtree(folder)
"""
from __future__ import annotations

import fcntl
import json
import os
import sys
import threading
import zlib
from collections import OrderedDict
from typing import Any, Callable

MAGIC = b"persistent-lru v1\n"
_sync = getattr(os, "fdatasync", os.fsync)  # fdatasync may skip the mtime; enough here


# --8<-- [start:name]
def function_name(func: Callable) -> str:
    """The name `func` has in every process: "module:qualname".

    Refused (TypeError) unless importing the module and following the
    qualified name leads back to this very object, and the module is not
    __main__ (which names a different file in each program). That one rule
    refuses lambdas, nested functions, bound methods and functools.partial.

    >>> import math
    >>> function_name(math.gcd)
    'math:gcd'
    >>> function_name(lambda x: x)
    Traceback (most recent call last):
    ...
    TypeError: cannot persist results of snippets.coding.persistent_lru.solution:<lambda>: ...
    """
    module = getattr(func, "__module__", None)
    qualname = getattr(func, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str):
        raise TypeError(f"cannot persist results of {func!r}: it has no module and qualified name")
    name = f"{module}:{qualname}"
    if module == "__main__":  # (1)!
        raise TypeError(f"cannot persist results of {name}: __main__ is a different "
                        "file in every program; move the function into a module")
    found: Any = sys.modules.get(module)
    for part in qualname.split("."):  # (2)!
        found = getattr(found, part, None)
    if found is not func:
        raise TypeError(f"cannot persist results of {name}: that name does not lead back "
                        "to this function (a lambda, a nested function, a bound method, "
                        "or a name rebound since)")
    return name
# --8<-- [end:name]


# --8<-- [start:encode]
def encode(value: Any) -> Any:
    """`value` as JSON data that keeps its exact type; TypeError if it cannot.

    JSON has no tuple and only string keys, so a tuple becomes {"t": [...]} and
    a dict {"d": [[key, value], ...]} sorted by key: every JSON object in the
    result is one of these two tags, and equal dicts encode alike in any order.

    >>> dumps(encode({"b": (1, 2.0), "a": [True, None]}))
    '{"d":[["a",[true,null]],["b",{"t":[1,2.0]}]]}'
    >>> encode({1, 2})
    Traceback (most recent call last):
    ...
    TypeError: cannot persist a set: allowed are None, bool, int, float, str, list, tuple and dict
    """
    kind = type(value)  # (1)!
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
    """The value `encode` was given, rebuilt: a fresh object on every call."""
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
# --8<-- [end:encode]


# --8<-- [start:record]
def frame(body: bytes) -> bytes:
    """One log line: the CRC-32 of the body, a space, the body, a newline."""
    return b"%08x %s\n" % (zlib.crc32(body), body)


def unframe(line: bytes) -> tuple[str, str, bytes | None] | None:
    """(op, key, value) from a line without its newline, or None if it is damaged.

    >>> line = frame(b'P ["m:f",[3],[]]\\t9')[:-1]
    >>> unframe(line)
    ('P', '["m:f",[3],[]]', b'9')
    >>> unframe(line[:-1] + b"8")  # one bit flipped: 9 became 8
    """
    body = line[9:]
    if line[8:9] != b" " or b"%08x" % zlib.crc32(body) != line[:8]:
        return None
    op, key, value = body[:2], body[2:], None
    if op == b"P ":
        key, tab, value = key.partition(b"\t")
        if not tab:
            return None
    elif op != b"T ":
        return None
    return op[:1].decode(), key.decode("ascii"), value
# --8<-- [end:record]


# --8<-- [start:class]
class LRU:
    """Memoizes pure functions, `capacity` results at most, in a crash-safe log."""

    def __init__(self, capacity: int, persistence_path: str | os.PathLike, *,
                 fsync: bool = False, compact_at: int | None = None) -> None:
        if type(capacity) is not int or capacity < 1:
            raise ValueError(f"capacity must be a whole number of at least 1, not {capacity!r}")
        self.capacity = capacity
        self.path = os.fspath(persistence_path)
        self.fsync = fsync  # True: every record also survives a power cut
        self.compact_at = 2 * capacity + 16 if compact_at is None else compact_at  # (1)!
        if self.compact_at <= capacity:
            raise ValueError("compact_at must exceed capacity, or every call would compact")
        self.stats = dict.fromkeys(["hits", "misses", "appended", "compactions",
                                    "rewritten", "recovered", "skipped", "torn_bytes"], 0)
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, bytes] = OrderedDict()  # key -> value JSON, LRU first
        self._fd: int | None = None   # the log, opened for appending
        self._records = 0             # records in the log
        self._broken = False          # a write failed: the tail is not to be trusted
        self._owner = self._claim()   # (2)!
        try:
            self._recover()
        except BaseException:
            self.close()
            raise
    # --8<-- [end:class]

    # --8<-- [start:key]
    def generate_key(self, func: Callable, *args: Any, **kwargs: Any) -> str:
        """The key of a call: JSON text naming the function and every argument.

        Keyword arguments are sorted by name, so their order does not matter.
        A str, so it is hashable and the same in every process (hash() is not).
        """
        return dumps([function_name(func), [encode(a) for a in args],
                      [[name, encode(kwargs[name])] for name in sorted(kwargs)]])
    # --8<-- [end:key]

    # --8<-- [start:call]
    def call(self, func: Callable, *args: Any, **kwargs: Any) -> Any:
        """func(*args, **kwargs), from the cache when it holds the result."""
        key = self.generate_key(func, *args, **kwargs)  # (1)!
        with self._lock:
            self._check_open()
            stored = self._entries.get(key)
            if stored is not None:
                if next(reversed(self._entries)) != key:  # (2)!
                    self._append(b"T " + key.encode())
                    self._entries.move_to_end(key)
                    self._compact_if_due()
                self.stats["hits"] += 1
        if stored is not None:
            return decode(json.loads(stored))  # (3)!
        value = func(*args, **kwargs)  # (4)!
        stored = dumps(encode(value)).encode()
        with self._lock:
            self._check_open()
            self._append(b"P " + key.encode() + b"\t" + stored)  # (5)!
            self._entries[key] = stored
            self._entries.move_to_end(key)
            if len(self._entries) > self.capacity:
                self._entries.popitem(last=False)
            self._compact_if_due()  # (6)!
            self.stats["misses"] += 1
        return value
    # --8<-- [end:call]

    # --8<-- [start:append]
    def _append(self, body: bytes) -> None:
        """Write one record to the log before anything changes in memory."""
        if self._broken:
            self._compact()  # (1)!
        record = frame(body)
        try:
            done = 0
            while done < len(record):  # (2)!
                done += os.write(self._fd, record[done:])
            if self.fsync:
                _sync(self._fd)
        except BaseException:
            self._broken = True
            raise
        self._records += 1
        self.stats["appended"] += 1

    def _check_open(self) -> None:
        if self._fd is None:
            raise ValueError(f"{self.path}: this LRU is closed")

    def _compact_if_due(self) -> None:
        if self._records >= self.compact_at:
            self._compact()
    # --8<-- [end:append]

    # --8<-- [start:compact]
    def _compact(self) -> None:
        """Rewrite the log as one put per entry, LRU first: new file, fsync,
        rename over the old one, fsync the folder. A crash at any point leaves
        either the old log or the new one, and both hold every entry."""
        temporary = self.path + ".compact"
        data = MAGIC + b"".join(frame(b"P " + key.encode() + b"\t" + value)
                                for key, value in self._entries.items())
        fd = os.open(temporary, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o600)
        try:
            done = 0
            while done < len(data):
                done += os.write(fd, data[done:])
            _sync(fd)  # (1)!
            os.replace(temporary, self.path)  # (2)!
        except BaseException:
            os.close(fd)
            os.unlink(temporary)
            raise
        old, self._fd = self._fd, fd  # (3)!
        if old is not None:
            os.close(old)
        self._records, self._broken = len(self._entries), False
        self.stats["compactions"] += 1
        self.stats["rewritten"] += len(self._entries)
        folder = os.open(os.path.dirname(os.path.abspath(self.path)), os.O_RDONLY)
        try:
            os.fsync(folder)  # (4)!
        finally:
            os.close(folder)
    # --8<-- [end:compact]

    # --8<-- [start:recover]
    def _recover(self) -> None:
        """Rebuild the entries from the log; create the log if there is none."""
        try:
            os.unlink(self.path + ".compact")  # (1)!
        except FileNotFoundError:
            pass
        try:
            with open(self.path, "rb") as log:
                data = log.read()
        except FileNotFoundError:
            data = b""
        if not data:
            self._compact()
            return
        if not data.startswith(MAGIC):  # (2)!
            raise ValueError(f"{self.path} is not a persistent-lru log; refusing to overwrite it")
        position = len(MAGIC)
        while position < len(data):
            end = data.find(b"\n", position)
            if end < 0:  # (3)!
                self.stats["torn_bytes"] = len(data) - position
                break
            record = unframe(data[position:end])
            position = end + 1
            if record is None:
                self.stats["skipped"] += 1  # (4)!
                continue
            op, key, value = record
            if op == "P":
                self._entries[key] = value
                self._entries.move_to_end(key)
            elif key in self._entries:
                self._entries.move_to_end(key)
            self._records += 1
        while len(self._entries) > self.capacity:  # (5)!
            self._entries.popitem(last=False)
        self.stats["recovered"] = len(self._entries)
        if self.stats["skipped"] or self._records >= self.compact_at:
            self._compact()
            return
        if self.stats["torn_bytes"]:
            os.truncate(self.path, position)  # (6)!
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
    # --8<-- [end:recover]

    # --8<-- [start:owner]
    def _claim(self) -> int:
        """Lock `<path>.lock`: one writer per log, across processes. The kernel
        drops the lock when the process dies, however it dies."""
        fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise RuntimeError(f"{self.path} is open in another LRU; one writer per log") from None
        return fd
    # --8<-- [end:owner]

    def close(self) -> None:
        """Close the log and release the lock; later calls raise ValueError."""
        with self._lock:
            for name in ("_fd", "_owner"):
                fd = getattr(self, name, None)
                if fd is not None:
                    os.close(fd)
                    setattr(self, name, None)

    def __enter__(self) -> LRU:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        if hasattr(self, "_lock"):
            self.close()
