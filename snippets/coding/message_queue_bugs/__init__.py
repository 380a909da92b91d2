"""Find the bugs in a message queue: starter.py (the broken queue a reader is
given, which is also the starter), solution.py (the same queue fixed),
testkit.py (the fake clock, the forced thread switch and the leak measure the
tests use) and benchmark.py. Page: docs/coding/message-queue-bugs.md.

`PRACTICE` declares what a reader's file must define for
`python3 dev.py practice message-queue-bugs --impl FILE`: a class, constructed
as `MessageQueue(visibility_timeout, clock=..., checkpoint=...)`, with the
methods the level tests call.
"""
PRACTICE = {"entry": "MessageQueue", "kind": "class",
            "signature": "MessageQueue(visibility_timeout=30.0, *, clock, checkpoint)",
            "methods": ["publish", "register", "unregister", "receive", "ack",
                        "redeliver_expired", "stats"]}
