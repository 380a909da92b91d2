"""Behaviour of our reference files that the level tests leave to the reader.

The level tests check what the problem asks. How to treat a malformed query is our
choice (the page's clarifying questions say: fail loudly), so it is tested here,
against every kept state of the reference, and never against a reader's file.
"""
from pathlib import Path

import pytest

from tests.conftest import reference_files
from tools.practice import load_solution

HERE = Path(__file__).parent
REFERENCES = {name: load_solution(path) for name, (path, _) in reference_files(HERE).items()}


@pytest.mark.parametrize("name", REFERENCES)
@pytest.mark.parametrize(("query", "message"), [
    (["PUT", "A", "B", "C"], "unknown operation 'PUT'"),
    (["GET", "A"], "GET takes 2 arguments, got 1"),
    (["SET", "A", "B", "C", "D"], "SET takes 3 arguments, got 4"),
])
def test_a_malformed_query_raises_instead_of_guessing(name, query, message):
    with pytest.raises(ValueError, match=message):
        REFERENCES[name]([query])


@pytest.mark.parametrize("name", [n for n in REFERENCES if n not in {"level1", "level2"}])
def test_a_timestamp_that_is_not_an_integer_is_named(name):
    with pytest.raises(ValueError, match="GET_AT: argument 3 must be an integer, got 'soon'"):
        REFERENCES[name]([["GET_AT", "A", "B", "soon"]])
