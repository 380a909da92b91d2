"""Level tests for docs/coding/cloud-file-storage.md. Each test_levelN.py runs
against every kept state of the reference that reached level N, or against a
reader's file with --impl (see tools/harness.py). They check only what the
problem's contract decides; the page's own answers to its open questions are
tested against the reference alone, in test_reference.py."""
