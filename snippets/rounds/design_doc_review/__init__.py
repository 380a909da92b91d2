"""Numbers for docs/rounds/design-doc-review.md."""
