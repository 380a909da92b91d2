"""Tests for docs/coding/rate-limiter.md."""
