"""Level 4 (reported elsewhere, lower confidence): BACKUP and RESTORE.

No source in this site's set gives this level's rules or an example; the rules
tested here are the ones the page states. A reader whose reasonable reading
differs (say, on RESTORE with no earlier backup) may see those tests disagree.
"""
LEVEL = 4


def test_our_worked_example(solution):
    queries = [["SET_AT_WITH_TTL", "A", "B", "C", "5", "10"], ["SET_AT", "X", "Y", "Z", "6"],
               ["BACKUP", "10"], ["DELETE_AT", "X", "Y", "12"], ["RESTORE", "20", "10"],
               ["GET_AT", "X", "Y", "21"], ["GET_AT", "A", "B", "24"], ["GET_AT", "A", "B", "25"]]
    assert solution(queries) == ["", "", "2", "true", "", "Z", "C", ""]


def test_backup_of_an_empty_database_counts_zero(solution):
    assert solution([["BACKUP", "1"]]) == ["0"]


def test_backup_counts_records_with_a_live_field_only(solution):
    queries = [["SET_AT_WITH_TTL", "expired", "f", "v", "1", "2"],
               ["SET_AT", "emptied", "f", "v", "1"], ["DELETE_AT", "emptied", "f", "2"],
               ["SET_AT", "live", "f", "v", "1"], ["SET_AT", "live", "g", "v", "1"],
               ["BACKUP", "5"]]
    assert solution(queries)[-1] == "1"


def test_restore_uses_the_latest_backup_at_or_before_the_time_given(solution):
    queries = [["SET_AT", "k", "f", "first", "1"], ["BACKUP", "10"],
               ["SET_AT", "k", "f", "second", "15"], ["BACKUP", "20"],
               ["SET_AT", "k", "f", "third", "25"],
               ["RESTORE", "30", "19"], ["GET_AT", "k", "f", "30"],
               ["RESTORE", "31", "20"], ["GET_AT", "k", "f", "31"]]
    assert solution(queries)[-4:] == ["", "first", "", "second"]


def test_restore_keeps_the_time_to_live_that_was_left_at_backup(solution):
    queries = [["SET_AT_WITH_TTL", "k", "f", "v", "0", "10"], ["BACKUP", "4"],  # 6 left
               ["RESTORE", "100", "4"], ["GET_AT", "k", "f", "105"], ["GET_AT", "k", "f", "106"]]
    assert solution(queries)[-2:] == ["v", ""]


def test_restore_replaces_everything_written_after_the_backup(solution):
    queries = [["SET_AT", "k", "f", "v", "1"], ["BACKUP", "2"],
               ["SET_AT", "k", "g", "new", "3"], ["SET_AT", "other", "f", "new", "3"],
               ["RESTORE", "4", "2"], ["SCAN_AT", "k", "5"], ["SCAN_AT", "other", "5"]]
    assert solution(queries)[-2:] == ["f(v)", ""]


def test_a_backup_is_a_snapshot_and_can_be_restored_twice(solution):
    queries = [["SET_AT", "k", "f", "v", "1"], ["BACKUP", "2"],
               ["RESTORE", "3", "2"], ["SET_AT", "k", "f", "changed", "4"],
               ["RESTORE", "5", "2"], ["GET_AT", "k", "f", "6"]]
    assert solution(queries)[-1] == "v"


def test_restore_with_no_earlier_backup_changes_nothing(solution):
    queries = [["SET_AT", "k", "f", "v", "1"], ["BACKUP", "10"],
               ["RESTORE", "12", "5"], ["GET_AT", "k", "f", "13"]]
    assert solution(queries)[-2:] == ["", "v"]
