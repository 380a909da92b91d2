"""Shared modules of the build hooks: not hooks themselves (see hooks/README.md)."""
