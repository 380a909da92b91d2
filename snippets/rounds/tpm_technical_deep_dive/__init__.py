"""Numbers for docs/rounds/tpm-technical-deep-dive.md."""
