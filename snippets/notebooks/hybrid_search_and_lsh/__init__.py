"""Code for docs/notebooks/hybrid-search-and-lsh."""
