"""Tests for snippets/$section/$key/ (page: docs/$section/$slug.md).

# write: test the model's invariants (bounds, monotonicity, edge cases), not the
# numbers the doctests already pin.
"""
from snippets.$section.$key.estimates import ASSUMED, report


def test_the_report_names_each_estimate():
    assert report(ASSUMED).startswith("requests per second")
