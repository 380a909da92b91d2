"""Code behind the notebooks in docs/notebooks/."""
