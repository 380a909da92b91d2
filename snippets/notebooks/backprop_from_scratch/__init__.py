"""Code for docs/notebooks/backprop-from-scratch."""
