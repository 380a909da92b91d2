"""Tests for docs/coding/stack-samples-to-trace.md."""
