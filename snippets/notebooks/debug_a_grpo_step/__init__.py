"""Code for docs/notebooks/debug-a-grpo-step."""
