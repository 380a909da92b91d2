"""Level tests for docs/coding/in-memory-database.md. Each test_levelN.py runs
against every kept state of the reference that reached level N, or against a
reader's file with --impl (see tools/practice.py)."""
