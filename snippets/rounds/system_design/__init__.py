"""Numbers for docs/rounds/system-design.md."""
