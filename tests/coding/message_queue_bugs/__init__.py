"""Tests for docs/coding/message-queue-bugs.md. test_levelN.py run against our
fixed queue (solution.py), or against a reader's file with --impl (see
tools/practice.py); test_broken.py runs the same tests against the broken queue
(starter.py), where every test that exposes a bug must fail."""
