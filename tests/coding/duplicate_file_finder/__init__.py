"""Code for docs/coding/duplicate-file-finder."""
