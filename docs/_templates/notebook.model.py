"""The model behind docs/notebooks/$slug.py.

# write: replace with the notebook's real model; every function has a doctest.

>>> curve(2.0)
4.0
"""
from __future__ import annotations


def curve(x: float) -> float:
    return x * x
