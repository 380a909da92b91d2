"""Tests of the build hooks, one module per hook, and of their shared modules."""
