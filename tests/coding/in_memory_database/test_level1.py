"""Level 1: SET, GET, DELETE."""
LEVEL = 1


def test_the_reported_example(solution):
    queries = [["SET", "A", "B", "E"], ["SET", "A", "C", "F"], ["GET", "A", "B"],
               ["GET", "A", "D"], ["DELETE", "A", "B"], ["DELETE", "A", "D"]]
    assert solution(queries) == ["", "", "E", "", "true", "false"]


def test_set_replaces_the_old_value(solution):
    assert solution([["SET", "k", "f", "old"], ["SET", "k", "f", "new"],
                     ["GET", "k", "f"]]) == ["", "", "new"]


def test_get_on_a_missing_record_or_field_is_empty(solution):
    assert solution([["GET", "nobody", "f"], ["SET", "k", "f", "v"],
                     ["GET", "k", "other"]]) == ["", "", ""]


def test_delete_removes_the_field_once(solution):
    assert solution([["SET", "k", "f", "v"], ["DELETE", "k", "f"], ["GET", "k", "f"],
                     ["DELETE", "k", "f"]]) == ["", "true", "", "false"]


def test_delete_on_a_missing_record_is_false(solution):
    assert solution([["DELETE", "nobody", "f"]]) == ["false"]


def test_records_do_not_share_fields(solution):
    assert solution([["SET", "k1", "f", "one"], ["SET", "k2", "f", "two"],
                     ["DELETE", "k1", "f"], ["GET", "k2", "f"]]) == ["", "", "true", "two"]


def test_a_record_can_be_refilled_after_its_last_field_is_deleted(solution):
    assert solution([["SET", "k", "f", "v"], ["DELETE", "k", "f"], ["SET", "k", "g", "w"],
                     ["GET", "k", "g"], ["GET", "k", "f"]]) == ["", "true", "", "w", ""]


def test_one_answer_per_query_in_order(solution):
    queries = [["SET", "k", f"f{i}", f"v{i}"] for i in range(50)]
    queries += [["GET", "k", f"f{i}"] for i in reversed(range(50))]
    assert solution(queries) == [""] * 50 + [f"v{i}" for i in reversed(range(50))]
