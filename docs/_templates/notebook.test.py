"""Tests for snippets/$section/$key/ (notebook: docs/notebooks/$slug.py).

# write: test the model's invariants, not the numbers the doctests already pin.
"""
from snippets.$section.$key.model import curve


def test_curve_is_increasing_for_positive_x():
    assert curve(1.0) < curve(2.0)
