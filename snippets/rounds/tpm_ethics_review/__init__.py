"""Numbers for docs/rounds/tpm-ethics-review.md."""
