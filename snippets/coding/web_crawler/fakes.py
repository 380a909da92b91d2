"""Test doubles for the crawler: a fake web to fetch from and a fake clock.

The level tests (tests/coding/web_crawler/) and the page's examples use them;
so can you, in your own tests. Neither touches the network or really sleeps.

>>> clock = FakeClock()
>>> web = FakeWeb({"http://a.test/": (200, "text/html", "hi"), "http://a.test/x": TimeoutError},
...               clock=clock)
>>> web("http://a.test/"), web("http://a.test/nothing")
((200, 'text/html', 'hi'), (404, 'text/html', ''))
>>> web("http://a.test/x")
Traceback (most recent call last):
...
TimeoutError: fake timeout for http://a.test/x
>>> web.log, web.max_in_flight
(['http://a.test/', 'http://a.test/nothing', 'http://a.test/x'], 1)
"""
from __future__ import annotations

import threading
from collections import Counter
from typing import Callable, Union

Response = tuple[int, str, str]
# What a fake URL answers: a response, an exception class to raise, or a function
# of the URL returning either (a test uses that to hold a fetch in flight).
Behaviour = Union[Response, type, Callable[[str], "Behaviour"]]
NOT_FOUND: Response = (404, "text/html", "")


# --8<-- [start:clock]
class FakeClock:
    """A clock that moves only when something sleeps on it.

    Sleeps overlap, as real ones do: a sleep of `d` wakes `d` after the later of
    the clock's latest reading and the same thread's previous wake-up. So two
    threads that read the clock at 0 and each sleep 1 both wake at 1, not at 1
    and 2, and a thread that sleeps 1 twice in a row wakes at 2. `peek()` reads
    it without counting as a reading (FakeWeb's timestamps use it).

    With `rendezvous=n`, the `n` sleeps after the first `after` really wait for
    one another (or for `patience_s` of real time), so that a test can make
    threads sleep at the same time; every other sleep returns at once.

    >>> clock = FakeClock()
    >>> clock(), clock.sleep(2.0), clock()
    (0.0, None, 2.0)
    """

    def __init__(self, start: float = 0.0, rendezvous: int = 0, after: int = 0,
                 patience_s: float = 2.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self._read = start
        self._woke: dict[int, float] = {}
        self._to_meet = rendezvous
        self._to_skip = after
        self._patience_s = patience_s
        self._cond = threading.Condition()

    def __call__(self) -> float:
        with self._cond:
            self._read = self.now
            return self.now

    def peek(self) -> float:
        with self._cond:
            return self.now

    def sleep(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")  # as time.sleep says
        me = threading.get_ident()
        with self._cond:
            self.sleeps.append(seconds)
            wake = max(self._read, self._woke.get(me, self._read)) + seconds
            self._woke[me] = wake
            self.now = max(self.now, wake)
            if self._to_skip > 0:
                self._to_skip -= 1
            elif self._to_meet > 0:
                self._to_meet -= 1
                self._cond.notify_all()
                if not self._cond.wait_for(lambda: self._to_meet == 0, self._patience_s):
                    self._to_meet = 0
                    self._cond.notify_all()
# --8<-- [end:clock]


# --8<-- [start:web]
class FakeWeb:
    """`fetch(url) -> (status, content_type, body)` over a dict of URLs.

    Records every call in order (`log`, and `times` with the time on the clock,
    if it has one), counts fetches in flight and keeps their maximum. A URL
    not in the dict answers 404.
    """

    def __init__(self, pages: dict[str, Behaviour], clock: Callable[[], float] | None = None) -> None:
        self.pages = pages
        self.clock = clock
        self.log: list[str] = []
        self.times: list[tuple[str, float]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    def __call__(self, url: str) -> Response:
        with self._lock:
            self.log.append(url)
            if self.clock is not None:
                self.times.append((url, getattr(self.clock, "peek", self.clock)()))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            answer = self.pages.get(url, NOT_FOUND)
            while callable(answer) and not isinstance(answer, type):
                answer = answer(url)
            if isinstance(answer, type):
                raise answer(f"fake {answer.__name__.replace('Error', '').lower()} for {url}")
            return answer
        finally:
            with self._lock:
                self.in_flight -= 1

    def counts(self) -> Counter:
        """How many times each URL was fetched."""
        return Counter(self.log)
# --8<-- [end:web]


def page(*hrefs: str) -> Response:
    """An HTML page whose links are `hrefs`, in order.

    >>> page("/a", "b")
    (200, 'text/html', '<html><body><a href="/a">link</a>\\n<a href="b">link</a></body></html>')
    """
    anchors = "\n".join(f'<a href="{href}">link</a>' for href in hrefs)
    return 200, "text/html", f"<html><body>{anchors}</body></html>"
