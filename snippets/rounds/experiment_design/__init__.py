"""Numbers for docs/rounds/experiment-design.md."""
