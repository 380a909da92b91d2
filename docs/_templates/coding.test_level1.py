"""Level 1 of docs/$section/$slug.md; runs against every reference state that reached
level 1, or against a reader's file with --impl.

# write: the source's examples for this level first, then one test per rule and edge case.
"""
LEVEL = 1


def test_the_reported_example(solution):
    assert solution([["PING"]]) == ["PONG"]
