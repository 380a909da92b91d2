"""Level 2: SCAN and SCAN_BY_PREFIX."""
LEVEL = 2


def test_the_reported_example(solution):
    queries = [["SET", "A", "BC", "E"], ["SET", "A", "BD", "F"], ["SET", "A", "C", "G"],
               ["SCAN_BY_PREFIX", "A", "B"], ["SCAN", "A"], ["SCAN_BY_PREFIX", "B", "B"]]
    assert solution(queries) == ["", "", "", "BC(E), BD(F)", "BC(E), BD(F), C(G)", ""]


def test_scan_sorts_by_field_name_not_insertion_order(solution):
    queries = [["SET", "k", "zeta", "1"], ["SET", "k", "alpha", "2"], ["SET", "k", "mu", "3"],
               ["SCAN", "k"]]
    assert solution(queries)[-1] == "alpha(2), mu(3), zeta(1)"


# "Alphabetically" leaves open where capitals go (code point or ignoring case), so no
# level test sorts names that differ in case; our reference's choice, code-point order,
# is checked in test_reference.py.


def test_scan_shows_the_latest_values_and_no_deleted_fields(solution):
    queries = [["SET", "k", "a", "1"], ["SET", "k", "b", "2"], ["SET", "k", "a", "9"],
               ["DELETE", "k", "b"], ["SCAN", "k"]]
    assert solution(queries)[-1] == "a(9)"


def test_scan_of_a_missing_or_emptied_record_is_empty(solution):
    queries = [["SCAN", "k"], ["SET", "k", "a", "1"], ["DELETE", "k", "a"], ["SCAN", "k"]]
    assert solution(queries) == ["", "", "true", ""]


def test_an_empty_prefix_matches_every_field(solution):
    queries = [["SET", "k", "a", "1"], ["SET", "k", "b", "2"],
               ["SCAN_BY_PREFIX", "k", ""], ["SCAN", "k"]]
    out = solution(queries)
    assert out[2] == out[3] == "a(1), b(2)"


def test_prefix_means_prefix_not_substring_and_is_case_sensitive(solution):
    queries = [["SET", "k", "cab", "1"], ["SET", "k", "abc", "2"], ["SET", "k", "Ab", "3"],
               ["SET", "k", "ab", "4"], ["SCAN_BY_PREFIX", "k", "ab"]]
    assert solution(queries)[-1] == "ab(4), abc(2)"


def test_no_field_matches_the_prefix(solution):
    queries = [["SET", "k", "a", "1"], ["SCAN_BY_PREFIX", "k", "z"]]
    assert solution(queries)[-1] == ""
