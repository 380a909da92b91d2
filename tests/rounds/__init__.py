"""Tests for the pages under docs/rounds/ and their snippets."""
