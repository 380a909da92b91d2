"""Code for docs/notebooks/gpu-memory-and-kv-cache."""
