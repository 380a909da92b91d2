"""Tests for docs/coding/retries-with-backoff.md."""
