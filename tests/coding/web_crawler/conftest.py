"""Clean termination, checked after every test of the crawler: when `crawl`
returns, every thread it started has finished.

A crawler whose workers are still blocked (on a queue nobody will fill, say)
fails the test that left them, with one line saying so. Such threads would also
keep the test process from ever exiting, so if any are left when the session
ends, the process exits at once with pytest's status instead of hanging.
"""
from __future__ import annotations

import os
import sys
import threading
import time

import pytest

GRACE_S = 2.0  # how long a thread may take to finish after crawl returns
_left_behind: list[threading.Thread] = []
_status = {"exit": 0}


@pytest.fixture(autouse=True)
def no_threads_left_running():
    before = set(threading.enumerate())
    yield
    started = [t for t in threading.enumerate() if t not in before]
    deadline = time.monotonic() + GRACE_S
    for thread in started:
        thread.join(max(0.0, deadline - time.monotonic()))
    alive = [t for t in started if t.is_alive()]
    if alive:
        _left_behind.extend(t for t in alive if not t.daemon)
        names = ", ".join(sorted(t.name for t in alive))
        pytest.fail(f"crawl returned but left {len(alive)} thread(s) running ({names}); "
                    "a crawl is over only when every worker has stopped", pytrace=False)


def pytest_sessionfinish(session, exitstatus):
    _status["exit"] = int(exitstatus)


def pytest_unconfigure(config):
    if any(t.is_alive() for t in _left_behind):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_status["exit"] or 1)
