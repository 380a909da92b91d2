"""Tests for the code behind docs/design/ pages."""
