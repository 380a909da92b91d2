"""The level tests, run against the broken queue (starter.py).

The level modules run against our fixed queue (and a reader's file with
--impl), where every test must pass. Here the same test functions run against
the broken one:

- a test marked `@exposes(n)` must fail: it is `xfail(strict=True)`, so if the
  broken queue ever passes it (the bug stopped showing, or the test stopped
  forcing it), the suite fails;
- every other test must pass, so no test fails on anything at all;
- the two `@luck_based` stress tests are not run here: whether they catch the
  broken queue is chance, and chance is not evidence.
"""
import pytest

from snippets.coding.message_queue_bugs.starter import MessageQueue as Broken
from tests.coding.message_queue_bugs import test_level1, test_level2, test_level3
from tests.coding.message_queue_bugs.catalogue import BUGS

LEVELS = (test_level1, test_level2, test_level3)


def cases():
    for module in LEVELS:
        for name, test in vars(module).items():
            if not (name.startswith("test_") and callable(test)):
                continue
            marks = []
            if getattr(test, "luck_based", False):
                marks = [pytest.mark.skip(reason="a stress test: catching the broken queue is chance")]
            elif hasattr(test, "exposes"):
                reason = "; ".join(f"bug {n}: {BUGS[n]}" for n in test.exposes)
                marks = [pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)]
            yield pytest.param(test, id=f"level{module.LEVEL}-{name}", marks=marks)


CASES = list(cases())


@pytest.mark.parametrize("test", CASES)
def test_the_broken_queue(test):
    test(Broken)


def test_every_bug_is_exposed_by_a_level_test_and_level_1_exposes_none():
    exposed = {}
    for module in LEVELS:
        for name, test in vars(module).items():
            if hasattr(test, "exposes"):
                for bug in test.exposes:
                    exposed.setdefault(bug, []).append((module.LEVEL, name))
    assert sorted(exposed) == sorted(BUGS)
    assert all(level > 1 for found in exposed.values() for level, _ in found)
