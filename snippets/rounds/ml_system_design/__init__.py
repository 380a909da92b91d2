"""Numbers for docs/rounds/ml-system-design.md."""
