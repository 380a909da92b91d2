"""Code for docs/notebooks/gpu-request-batching."""
