"""Level tests for docs/coding/banking-system.md. Each test_levelN.py runs
against every kept state of the reference that reached level N, or against a
reader's file with --impl (see tools/harness.py). The problem is the site's
own and its contract leaves no question open, so the level tests check all of
it; how the reference treats malformed queries (not part of the contract) is
tested against the reference alone, in test_reference.py."""
