"""Code for docs/design/gpu-inference-api."""
