"""Numbers for docs/rounds/incident-debugging.md."""
