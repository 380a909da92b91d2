"""Tests for snippets/notebooks/hybrid_search_and_lsh/ (notebook: docs/notebooks/hybrid-search-and-lsh.py).

# write: test the model's invariants, not the numbers the doctests already pin.
"""
from snippets.notebooks.hybrid_search_and_lsh.model import curve


def test_curve_is_increasing_for_positive_x():
    assert curve(1.0) < curve(2.0)
