"""Numbers for docs/rounds/tpm-system-design.md."""
