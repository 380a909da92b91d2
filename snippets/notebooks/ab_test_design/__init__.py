"""Code for docs/notebooks/ab-test-design."""
