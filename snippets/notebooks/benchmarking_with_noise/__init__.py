"""Code for docs/notebooks/benchmarking-with-noise."""
