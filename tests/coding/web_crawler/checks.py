"""Helpers the level tests share: what was fetched, and watching how a crawl waits."""
from __future__ import annotations

import asyncio
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from snippets.coding.web_crawler.fakes import page


def pages_fetched(log: list[str]) -> list[str]:
    """The fetch log without robots.txt, which levels 1 and 2 do not ask about."""
    return [url for url in log if not url.endswith("/robots.txt")]


@contextmanager
def watching_for_polls() -> Iterator[list[str]]:
    """Record every timed wait while the block runs: time.sleep, a Condition,
    Event or Queue wait with a timeout, asyncio.sleep with a delay (zero-length
    ones are tries, not waits; a loop of them spins, which the CPU test sees).
    A crawl that knows when it is over never needs one; one that polls does."""
    polls: list[str] = []
    real_sleep, real_wait, real_async_sleep = time.sleep, threading.Condition.wait, asyncio.sleep

    def sleep(seconds):
        if seconds > 0:
            polls.append(f"time.sleep({seconds})")
        return real_sleep(seconds)

    def wait(self, timeout=None):
        if timeout is not None and timeout > 0:  # 0 is a try, not a wait (ThreadPoolExecutor does it)
            polls.append(f"a wait with a {timeout} s timeout (Event, Condition or Queue)")
        return real_wait(self, timeout)

    async def async_sleep(delay, result=None):
        if delay:
            polls.append(f"asyncio.sleep({delay})")
        return await real_async_sleep(delay, result)

    time.sleep, threading.Condition.wait, asyncio.sleep = sleep, wait, async_sleep
    try:
        yield polls
    finally:
        time.sleep, threading.Condition.wait, asyncio.sleep = real_sleep, real_wait, real_async_sleep


def cpu_of_other_threads(work_s: float) -> float:
    """Spend `work_s` of this thread's CPU time; return what every other thread
    of the process used meanwhile. Near zero unless something spins."""
    process, mine = time.process_time(), time.thread_time()
    while time.thread_time() - mine < work_s:
        sum(range(2_000))
    return (time.process_time() - process) - (time.thread_time() - mine)


class Gate:
    """A fetch behaviour that holds fetches so that a crawler shows how many it
    runs at once.

    Each fetch waits inside the gate. The gate opens for good (every fetch held
    and every later one goes through) as soon as more than `size` are inside, or
    once `size` have been inside together for `window_s` (a correct crawler with
    `size` workers never sends another, so the window is how long we give a wrong
    one to show itself), or after `patience_s` with fewer inside (a crawler that
    fetches one at a time). The windows only decide how quickly a wrong crawler
    is caught; a correct one fails only if its workers need more than
    `patience_s` to start their fetches together, which is why that is long.
    """

    def __init__(self, size: int, window_s: float = 0.2, patience_s: float = 5.0) -> None:
        self.size, self.window_s, self.patience_s = size, window_s, patience_s
        self.inside = 0
        self.opened = False
        self._cond = threading.Condition()

    def __call__(self, url: str):
        with self._cond:
            self.inside += 1
            if self.inside > self.size:
                self.opened = True
            self._cond.notify_all()
            while not self.opened:
                full = self.inside >= self.size
                if not self._cond.wait(self.window_s if full else self.patience_s) and not self.opened:
                    if full == (self.inside >= self.size):
                        self.opened = True  # the window (or our patience) ran out
                        self._cond.notify_all()
            self.inside -= 1
        return page()


def run_in_thread(call: Callable[[], object]) -> tuple[threading.Thread, dict]:
    """Start `call` in a thread; its result or exception lands in the dict."""
    box: dict = {}

    def target():
        try:
            box["result"] = call()
        except BaseException as error:  # handed to the test thread
            box["error"] = error

    thread = threading.Thread(target=target, name="crawl-under-test")
    thread.start()
    return thread, box
