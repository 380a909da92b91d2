"""A second, deliberately naive model of levels 1–3, for the randomized tests.

It shares no code or structure with the reference: it keeps every write and
delete in one log and answers each read by scanning the log backwards. Slow,
obvious, and independent, which is what an oracle should be.
"""
from __future__ import annotations


class LogModel:
    def __init__(self) -> None:
        # (key, field, value, expires_at); value None records a delete
        self.log: list[tuple[str, str, str | None, int | None]] = []

    def _visible(self, key: str, field: str, at: int) -> str:
        for k, f, value, expires_at in reversed(self.log):
            if (k, f) == (key, field):
                if value is None or (expires_at is not None and at >= expires_at):
                    return ""
                return value
        return ""

    def answer(self, query: list[str]) -> str:
        name, key, *rest = query
        if name == "SET_AT":
            field, value, at = rest
            self.log.append((key, field, value, None))
            return ""
        if name == "SET_AT_WITH_TTL":
            field, value, at, ttl = rest
            self.log.append((key, field, value, int(at) + int(ttl)))
            return ""
        if name == "GET_AT":
            field, at = rest
            return self._visible(key, field, int(at))
        if name == "DELETE_AT":
            field, at = rest
            if not self._visible(key, field, int(at)):
                return "false"
            self.log.append((key, field, None, None))
            return "true"
        prefix, at = ("", rest[0]) if name == "SCAN_AT" else rest
        fields = sorted({f for k, f, _, _ in self.log if k == key and f.startswith(prefix)})
        shown = [(f, self._visible(key, f, int(at))) for f in fields]
        return ", ".join(f"{f}({v})" for f, v in shown if v)
